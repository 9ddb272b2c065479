// A Node.js handler as Lambda runs it: an HTTP API request (payload format 2.0) gets a greeting; an SQS batch has
// each message body logged. The callback style works too: exports.handler = (event, context, callback) => ...
exports.handler = async (event, context) => {
  if (Array.isArray(event.Records)) {
    for (const record of event.Records) {
      console.log('greeting', record.body);
    }
    return { batchItemFailures: [] };
  }
  const name = (event.queryStringParameters && event.queryStringParameters.name) || 'world';
  console.log('greeting', name, 'with', context.functionName, context.memoryLimitInMB + 'MB');
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      message: `${process.env.GREETING}, ${name} from Node.js ${process.version}`,
      requestId: context.awsRequestId,
      remainingMs: context.getRemainingTimeInMillis() > 0,
    }),
  };
};
