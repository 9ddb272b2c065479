// localfaas's bootstrap for Node.js functions: the Lambda Runtime API loop for `file.function` handlers (async or
// callback style), the context object Lambda passes, and console output framed as Lambda's Node.js runtime frames it
// (timestamp, request id, level, message). Started with AWS_LAMBDA_RUNTIME_API, _HANDLER and LAMBDA_TASK_ROOT set.
'use strict';
const http = require('http');
const path = require('path');
const fs = require('fs');
const util = require('util');
const { pathToFileURL } = require('url');

const api = process.env.AWS_LAMBDA_RUNTIME_API;
const [host, port] = api.split(':');
const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
const handlerName = process.env._HANDLER || 'index.handler';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let currentRequestId;

function request(method, urlPath, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: '/2018-06-01/runtime/' + urlPath, agent,
      headers: Object.assign({ 'Content-Type': 'application/json' }, headers || {}) }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function log(level, args) {
  const text = util.format.apply(util, args);
  process.stdout.write(new Date().toISOString() + '\t' + (currentRequestId || 'undefined') + '\t' + level + '\t'
    + text.replace(/\n/g, '\r') + '\n');
}
console.log = (...a) => log('INFO', a);
console.info = (...a) => log('INFO', a);
console.warn = (...a) => log('WARN', a);
console.error = (...a) => log('ERROR', a);
console.debug = (...a) => log('DEBUG', a);
console.trace = (...a) => log('TRACE', a);

function errorDocument(err, fallbackType) {
  if (err instanceof Error) {
    return { errorType: err.name || fallbackType, errorMessage: err.message,
      trace: String(err.stack || '').split('\n') };
  }
  return { errorType: fallbackType || 'Error', errorMessage: typeof err === 'string' ? err : JSON.stringify(err),
    trace: [] };
}

async function loadHandler() {
  const dot = handlerName.lastIndexOf('.');
  if (dot < 0) {
    throw Object.assign(new Error('Bad handler ' + handlerName + ': expected file.function'),
      { name: 'Runtime.MalformedHandlerName' });
  }
  const modulePath = handlerName.substring(0, dot);
  const fnName = handlerName.substring(dot + 1);
  let mod;
  const base = path.resolve(root, modulePath);
  const candidates = [base + '.js', base + '.mjs', base + '.cjs'];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) {
    throw Object.assign(new Error("Error: Cannot find module '" + modulePath + "'\nRequire stack:\n- " + __filename),
      { name: 'Runtime.ImportModuleError' });
  }
  try {
    mod = file.endsWith('.mjs') ? await import(pathToFileURL(file).href) : require(file);
  } catch (e) {
    if (e && e.code === 'ERR_REQUIRE_ESM') {
      mod = await import(pathToFileURL(file).href);
    } else {
      throw e;
    }
  }
  const fn = mod[fnName] || (mod.default && mod.default[fnName]);
  if (typeof fn !== 'function') {
    throw Object.assign(new Error(handlerName + ' is undefined or not exported'), { name: 'Runtime.HandlerNotFound' });
  }
  return fn;
}

function contextFor(headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const ctx = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: headers['lambda-runtime-cognito-identity'] ? JSON.parse(headers['lambda-runtime-cognito-identity']) : undefined,
    clientContext: headers['lambda-runtime-client-context'] ? JSON.parse(headers['lambda-runtime-client-context']) : undefined,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  return ctx;
}

function invoke(fn, event, ctx) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (err, result) => {
      if (settled) return;
      settled = true;
      if (err !== null && err !== undefined) reject(err); else resolve(result);
    };
    ctx.done = callback;
    ctx.succeed = (result) => callback(null, result);
    ctx.fail = (err) => callback(err === undefined || err === null ? 'handled' : err);
    try {
      const ret = fn(event, ctx, callback);
      if (ret && typeof ret.then === 'function') {
        ret.then((r) => callback(null, r), (e) => callback(e === undefined || e === null ? new Error('undefined') : e));
      } else if (fn.length < 3 && !settled) {
        callback(null, ret);
      }
    } catch (e) {
      callback(e);
    }
  });
}

async function main() {
  let fn;
  try {
    fn = await loadHandler();
  } catch (e) {
    const doc = errorDocument(e, 'Runtime.UserCodeSyntaxError');
    process.stdout.write(new Date().toISOString() + '\tundefined\tERROR\tUncaught Exception \t'
      + JSON.stringify(doc) + '\n');
    await request('POST', 'init/error', JSON.stringify(doc),
      { 'Lambda-Runtime-Function-Error-Type': doc.errorType });
    process.exit(129);
  }
  for (;;) {
    const next = await request('GET', 'invocation/next');
    if (next.status !== 200) process.exit(1);
    const id = next.headers['lambda-runtime-aws-request-id'];
    currentRequestId = id;
    if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
    let event;
    try {
      event = JSON.parse(next.body.toString('utf8'));
    } catch (e) {
      event = next.body.toString('utf8');
    }
    try {
      const result = await invoke(fn, event, contextFor(next.headers));
      await request('POST', 'invocation/' + id + '/response', result === undefined ? 'null' : JSON.stringify(result));
    } catch (e) {
      const doc = errorDocument(e, 'Error');
      process.stdout.write(new Date().toISOString() + '\t' + id + '\tERROR\tInvoke Error \t' + JSON.stringify(doc) + '\n');
      await request('POST', 'invocation/' + id + '/error', JSON.stringify(doc),
        { 'Lambda-Runtime-Function-Error-Type': 'Unhandled' });
    }
  }
}

main().catch((e) => {
  process.stderr.write('localfaas node bootstrap: ' + (e && e.stack || e) + '\n');
  process.exit(1);
});
