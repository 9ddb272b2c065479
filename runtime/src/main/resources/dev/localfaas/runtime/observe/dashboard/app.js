// localfaas dashboard: one stream of updates (server-sent events over fetch, so the admin token can travel in a
// header), drawn with plain DOM and SVG. No libraries, no network beyond this gateway.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const state = { update: null, logs: [], logSeq: 0, view: 'overview', trace: null, connected: false };
const MAX_LOG_LINES = 2000;

// ---- token: passed once as #token=..., kept for this tab only ----
(function takeToken() {
  const m = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem('faasToken', decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
})();

function headers(extra) {
  const h = Object.assign({ 'Accept': 'application/json' }, extra || {});
  const token = sessionStorage.getItem('faasToken');
  if (token) h['X-Faas-Token'] = token;
  return h;
}

async function api(method, path) {
  const res = await fetch(path, { method, headers: headers(), credentials: 'same-origin' });
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
  if (!res.ok) throw new Error((body && body.message) || (res.status + ' ' + res.statusText));
  return body;
}

// ---- small DOM helpers ----
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}
const $ = (sel) => document.querySelector(sel);
function fill(tbody, rows) { tbody.replaceChildren(...rows); }
function num(v, digits) {
  if (v === null || v === undefined || isNaN(v)) return '–';
  if (digits === undefined) digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return Number(v).toFixed(digits);
}
function usd(v) { const n = Number(v || 0); return '$' + (n === 0 ? '0' : n < 0.01 ? n.toPrecision(3) : n.toFixed(4)); }
function time(ms) { return new Date(ms).toISOString().substring(11, 23); }
function toast(message) {
  const t = $('#toast');
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 4000);
}

// ---- views and keyboard ----
const VIEWS = ['overview', 'queues', 'schedules', 'logs', 'traces', 'map'];
function show(view, focusTab) {
  state.view = view;
  for (const v of VIEWS) {
    const tab = $('#tab-' + v);
    const on = v === view;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    $('#view-' + v).hidden = !on;
    if (on && focusTab) tab.focus();
  }
  if (view === 'map') loadMap();
  render();
}
document.addEventListener('DOMContentLoaded', () => {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    tab.addEventListener('click', () => show(tab.dataset.view, true));
    tab.addEventListener('keydown', (e) => {
      const i = VIEWS.indexOf(tab.dataset.view);
      if (e.key === 'ArrowRight') show(VIEWS[(i + 1) % VIEWS.length], true);
      if (e.key === 'ArrowLeft') show(VIEWS[(i + VIEWS.length - 1) % VIEWS.length], true);
    });
  }
  document.addEventListener('keydown', (e) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement && document.activeElement.tagName);
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key >= '1' && e.key <= '6') show(VIEWS[Number(e.key) - 1], true);
    if (e.key === '/') { e.preventDefault(); show('logs'); $('#log-text').focus(); }
  });
  $('#window').addEventListener('change', renderOverview);
  for (const id of ['#log-function', '#log-level']) $(id).addEventListener('change', renderLogs);
  for (const id of ['#log-request', '#log-text']) $(id).addEventListener('input', renderLogs);
  $('#log-clear').addEventListener('click', () => {
    $('#log-function').value = ''; $('#log-level').value = ''; $('#log-request').value = ''; $('#log-text').value = '';
    renderLogs();
  });
  const m = /trace=([^&]+)/.exec(location.hash);
  if (m) openTrace(decodeURIComponent(m[1]));
  connect();
});

// ---- the stream ----
async function connect() {
  try {
    const res = await fetch('/_faas/stream', { headers: headers({ 'Accept': 'text/event-stream' }), cache: 'no-store' });
    if (!res.ok) throw new Error(res.status === 401 ? 'the gateway needs its admin token: open the URL faas run printed' : 'stream answered ' + res.status);
    setStatus(true);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
        if (data) onUpdate(JSON.parse(data));
      }
    }
    setStatus(false, 'stream ended; reconnecting…');
  } catch (e) {
    setStatus(false, e.message + '; reconnecting…');
  }
  setTimeout(connect, 2000);
}
function setStatus(live, message) {
  state.connected = live;
  const el = $('#status');
  el.textContent = live ? 'live' : message;
  el.className = 'status ' + (live ? 'live' : 'down');
}

function onUpdate(update) {
  const lines = update.logs || [];
  if (lines.length && state.logSeq && lines[0].seq > state.logSeq + 1) refetchLogs(state.logSeq); // we missed some
  for (const line of lines) if (line.seq > state.logSeq) state.logs.push(line);
  if (lines.length) state.logSeq = Math.max(state.logSeq, lines[lines.length - 1].seq);
  if (state.logs.length > MAX_LOG_LINES) state.logs.splice(0, state.logs.length - MAX_LOG_LINES);
  state.update = update;
  render();
}
async function refetchLogs(after) {
  try {
    const body = await api('GET', '/_faas/logs?after=' + after + '&limit=' + MAX_LOG_LINES);
    const known = new Set(state.logs.map((l) => l.seq));
    state.logs.push(...body.lines.filter((l) => !known.has(l.seq)));
    state.logs.sort((a, b) => a.seq - b.seq);
    renderLogs();
  } catch (e) { /* the next update tries again */ }
}

function render() {
  const u = state.update;
  if (!u) return;
  $('#uptime').textContent = 'up ' + u.uptimeSeconds + ' s · ' + u.tracesStarted + ' traces';
  if (state.view === 'overview') renderOverview();
  if (state.view === 'queues') renderQueues();
  if (state.view === 'schedules') renderSchedules();
  if (state.view === 'logs') renderLogs();
  if (state.view === 'traces') renderTraceList();
}

// ---- overview ----
function renderOverview() {
  const u = state.update;
  if (!u) return;
  const w = $('#window').value;
  const cost = (u.panels && u.panels.cost) || [];
  $('#cost-head').title = cost.length ? 'cost so far on ' + cost[0].provider + '; every provider in each cell\'s tooltip' : '';
  $('#cost-total').textContent = cost.length ? 'Cost so far: ' + cost.map((c) => c.provider + ' ' + usd(c.total)).join(' · ') : '';
  const rows = u.functions.map((f) => {
    const fig = f[w];
    const busy = f.busy + f.abandoned;
    const track = h('span', { class: 'bar-track' }, h('span', { class: 'bar' }));
    track.firstChild.style.width = Math.min(100, 100 * busy / Math.max(1, f.concurrencyLimit)) + '%';
    return h('tr', { 'data-function': f.name },
      h('th', { scope: 'row' }, f.name, f.triggers.map((t) => h('span', { class: 'badge' }, t))),
      h('td', { class: 'num invocations' }, f.sinceStart.invocations),
      h('td', { class: 'num rate' }, num(f.lastMinute.perSecond)),
      h('td', { class: 'num errors' }, num(fig.errorPercent, 1) + ' %'),
      h('td', { class: 'num throttles' }, fig.throttles),
      h('td', { class: 'num' }, fig.invocations ? num(fig.p50) : '–'),
      h('td', { class: 'num' }, fig.invocations ? num(fig.p95) : '–'),
      h('td', { class: 'num' }, fig.invocations ? num(fig.p99) : '–'),
      h('td', { class: 'num cold' }, f.coldStarts + (f.coldStarts ? ' (init ' + num(f.meanInitMs) + ' ms)' : '')),
      h('td', { class: 'num' }, f.warm + ' / ' + f.busy + ' / ' + f.abandoned),
      h('td', {}, track, busy + ' of ' + f.concurrencyLimit),
      // the first provider in the column (the table fits 1280 px); every provider in the tooltip and the line above
      h('td', { class: 'num', title: cost.map((c) => c.provider + ' ' + usd(c.functions[f.name])).join('\n') },
        cost.length ? usd(cost[0].functions[f.name]) : '–'));
  });
  fill($('#functions tbody'), rows);
  $('#charts').replaceChildren(...u.functions.map(chart));
}

function chart(f) {
  const W = 300, H = 70, pts = f.series;
  const maxRate = Math.max(0.1, ...pts.map((p) => p.perSecond));
  const maxMs = Math.max(1, ...pts.map((p) => p.meanMs));
  const x = (i) => (i / Math.max(1, pts.length - 1)) * (W - 2) + 1;
  const bars = pts.map((p, i) => s('rect', { x: x(i) - 1.2, width: 2.4, y: H - 2 - (p.perSecond / maxRate) * (H - 14),
    height: (p.perSecond / maxRate) * (H - 14), fill: p.errors ? '#c62828' : '#9db8e3' }));
  const line = pts.map((p, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + (H - 2 - (p.meanMs / maxMs) * (H - 14)).toFixed(1)).join(' ');
  const svg = s('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': f.name + ': invocations per second (bars, up to ' + num(maxRate) + '/s) and mean duration (line, up to ' + num(maxMs) + ' ms)' },
    bars, s('path', { d: line, fill: 'none', stroke: '#1f5fbf', 'stroke-width': 1.5 }),
    s('text', { x: 2, y: 10, 'font-size': 9, fill: '#5f6b7a' }, num(maxRate) + '/s · ' + num(maxMs) + ' ms'));
  return h('div', { class: 'chart' }, h('h3', {}, f.name), svg);
}

// ---- queues, topics, schedules ----
function renderQueues() {
  const u = state.update;
  const queues = (u.panels && u.panels.queues) || [];
  const dlqs = new Set(queues.map((q) => q.deadLetterQueue).filter(Boolean));
  fill($('#queues tbody'), queues.map((q) => h('tr', { 'data-queue': q.name },
    h('th', { scope: 'row' }, q.name, dlqs.has(q.name) ? h('span', { class: 'badge' }, 'dead letters') : null,
      // queues on Kafka (faas run --broker): the partitions this instance owns; other instances own the rest
      q.partitions ? h('div', { class: 'muted partitions' }, q.partitions.length
        ? 'owns partitions ' + q.partitions.map((p) => p.slice(p.lastIndexOf('-') + 1)).join(', ')
        : 'owns no partition here') : null),
    h('td', { class: 'num visible' }, q.visible), h('td', { class: 'num' }, q.inFlight), h('td', { class: 'num' }, q.delayed),
    h('td', {}, q.deadLetterQueue || ''),
    h('td', {},
      h('button', { class: 'action', type: 'button', onclick: () => peek(q.name) }, 'Peek'),
      dlqs.has(q.name) ? h('button', { class: 'action redrive', type: 'button', 'aria-label': 'Redrive ' + q.name,
        onclick: () => act('POST', '/_faas/queues/' + encodeURIComponent(q.name) + '/redrive', (b) => 'moved ' + b.moved + ' message(s) back') }, 'Redrive') : null,
      h('button', { class: 'action', type: 'button', 'aria-label': 'Purge ' + q.name,
        onclick: () => { if (confirm('Delete every message of ' + q.name + '?')) act('POST', '/_faas/queues/' + encodeURIComponent(q.name) + '/purge', (b) => 'purged ' + b.purged + ' message(s)'); } }, 'Purge')))));
  const topics = (u.panels && u.panels.topics) || [];
  const rows = [];
  for (const t of topics) {
    const subs = t.subscriptions.length ? t.subscriptions : [null];
    subs.forEach((sub, i) => rows.push(h('tr', {},
      h('th', { scope: 'row' }, i ? '' : t.name), h('td', { class: 'num' }, i ? '' : t.published),
      h('td', {}, sub ? sub.target : 'no subscribers'),
      h('td', { class: 'num' }, sub ? sub.counts.delivered : ''), h('td', { class: 'num' }, sub ? sub.counts.filtered : ''),
      h('td', { class: 'num' }, sub ? sub.counts.failed : ''))));
  }
  fill($('#topics tbody'), rows);
}

async function peek(queue) {
  try {
    const body = await api('GET', '/_faas/queues/' + encodeURIComponent(queue) + '/messages?peek=10');
    const messages = body.messages || [];
    $('#peek').replaceChildren(h('h3', {}, queue + ': ' + messages.length + ' message(s) shown'),
      ...messages.map((m) => h('div', {}, m.messageId + '  receives ' + m.receiveCount + '  ' + m.body)));
  } catch (e) { toast(e.message); }
}

async function act(method, path, says) {
  try {
    const body = await api(method, path);
    toast(says(body));
  } catch (e) { toast(e.message); }
}

function renderSchedules() {
  const list = (state.update.panels && state.update.panels.schedules) || [];
  fill($('#schedules tbody'), list.map((sc) => h('tr', {},
    h('th', { scope: 'row' }, sc.function), h('td', {}, sc.rule), h('td', {}, sc.expression + (sc.enabled ? '' : ' (disabled)')),
    h('td', {}, sc.nextFirings.join('  ')),
    h('td', {}, h('button', { class: 'action', type: 'button', 'aria-label': 'Fire ' + sc.function + ' now',
      onclick: () => act('POST', '/_faas/schedules/' + encodeURIComponent(sc.function) + '/fire', (b) => 'fired ' + b.fired.length + ' rule(s)') }, 'Fire now')))));
}

// ---- logs ----
function renderLogs() {
  const fnSelect = $('#log-function');
  const names = state.update ? state.update.functions.map((f) => f.name) : [];
  if (fnSelect.options.length - 1 !== names.length) {
    const chosen = fnSelect.value;
    fnSelect.replaceChildren(h('option', { value: '' }, 'all'), ...names.map((n) => h('option', { value: n }, n)));
    fnSelect.value = chosen;
  }
  const fn = fnSelect.value, req = $('#log-request').value.trim(), lvl = $('#log-level').value, text = $('#log-text').value.toLowerCase();
  const rank = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4, FATAL: 5 };
  const shown = state.logs.filter((l) => (!fn || l.function === fn) && (!req || l.requestId === req)
    && (!lvl || rank[l.level] >= rank[lvl]) && (!text || l.message.toLowerCase().includes(text))).slice(-500);
  const list = $('#logs');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
  list.replaceChildren(...shown.map((l) => h('li', { class: 'lvl-' + l.level + (l.type === 'function' ? '' : ' platform') },
    time(l.timestamp) + ' ', h('span', { class: 'fn' }, l.function), ' ',
    h('button', { class: 'linklike', type: 'button', title: 'open the trace of this request', onclick: () => openTrace(l.requestId) }, l.requestId.substring(0, 8)),
    ' ' + (l.level !== 'INFO' ? '[' + l.level + '] ' : '') + l.message)));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

// ---- traces ----
function renderTraceList() {
  const traces = state.update.traces || [];
  $('#trace-list').replaceChildren(...traces.map((t) => h('li', {},
    h('button', { type: 'button', class: t.failed ? 'failed' : '', 'data-trace': t.id, onclick: () => openTrace(t.id) },
      time(t.startMillis) + '  ' + t.first + '  · ' + t.invocations + ' invocation(s) · ' + num(t.durationMs) + ' ms'))));
}

async function openTrace(id) {
  show('traces');
  try {
    const trace = await api('GET', '/_faas/traces/' + encodeURIComponent(id));
    state.trace = trace;
    drawWaterfall(trace);
  } catch (e) {
    $('#waterfall').replaceChildren(h('p', {}, e.message));
  }
}

function drawWaterfall(trace) {
  $('#trace-title').textContent = 'Trace ' + trace.id + ' · ' + num(trace.durationMs) + ' ms';
  const total = Math.max(1, trace.durationMs);
  const rows = trace.rows.map((r) => {
    const bar = h('span', { class: 'span ' + (r.kind === 'invocation' ? (r.outcome || '') : 'hop') });
    bar.style.left = (100 * r.offsetMs / total) + '%';
    bar.style.width = Math.max(0.3, 100 * r.durationMs / total) + '%';
    const label = r.kind === 'invocation' ? r.name : r.kind + ' ' + r.name;
    const name = h('td', { class: 'name' }, '\u00a0\u00a0'.repeat(r.depth), label,
      r.kind === 'invocation' ? h('span', { class: 'badge' }, r.trigger) : h('span', { class: 'badge' }, 'waiting'),
      r.coldStart ? h('span', { class: 'badge' }, 'cold ' + num(r.initMs) + ' ms') : null);
    return h('tr', { 'data-kind': r.kind, 'data-name': r.name },
      name, h('td', { class: 'num offset' }, '+' + num(r.offsetMs) + ' ms'),
      h('td', { class: 'num duration' }, num(r.durationMs) + ' ms'),
      h('td', {}, h('div', { class: 'track' }, bar)),
      h('td', {}, r.outcome || ''));
  });
  $('#waterfall').replaceChildren(h('table', { 'aria-label': 'Waterfall' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Step'), h('th', {}, 'Start'), h('th', {}, 'Duration'), h('th', {}, 'Timeline'), h('th', {}, 'Outcome'))),
    h('tbody', {}, rows)));
}

// ---- service map ----
async function loadMap() {
  try {
    drawMap(await api('GET', '/_faas/map'));
  } catch (e) { $('#map').replaceChildren(h('p', {}, e.message)); }
}

function drawMap(map) {
  // layered layout: a node's column is one more than the deepest node pointing at it
  const depth = {};
  map.nodes.forEach((n) => { depth[n.id] = 0; });
  for (let pass = 0; pass < map.nodes.length; pass++) {
    let changed = false;
    for (const e of map.edges) {
      if (e.from !== e.to && depth[e.to] < depth[e.from] + 1 && depth[e.from] + 1 < map.nodes.length) { depth[e.to] = depth[e.from] + 1; changed = true; }
    }
    if (!changed) break;
  }
  const columns = [];
  map.nodes.forEach((n) => { (columns[depth[n.id]] = columns[depth[n.id]] || []).push(n); });
  const pos = {};
  const colW = 210, rowH = 56;
  columns.forEach((col, c) => col.forEach((n, r) => { pos[n.id] = { x: 20 + c * colW, y: 20 + r * rowH }; }));
  const W = 40 + columns.length * colW, H = 40 + Math.max(1, ...columns.map((c) => c.length)) * rowH;
  const colour = { function: '#1f5fbf', queue: '#7b5ea7', topic: '#2e7d32', http: '#5f6b7a' };
  const edges = map.edges.filter((e) => pos[e.from] && pos[e.to]).map((e) => {
    const a = pos[e.from], b = pos[e.to];
    const x1 = a.x + 170, y1 = a.y + 16, x2 = b.x, y2 = b.y + 16;
    return s('g', { 'data-from': e.from, 'data-to': e.to },
      s('path', { d: 'M' + x1 + ' ' + y1 + ' C' + (x1 + 20) + ' ' + y1 + ' ' + (x2 - 20) + ' ' + y2 + ' ' + x2 + ' ' + y2,
        fill: 'none', stroke: e.traffic ? '#1f5fbf' : '#c0c7d1', 'stroke-width': e.traffic ? Math.min(6, 1.5 + Math.log10(1 + e.traffic)) : 1.2,
        'marker-end': 'url(#arrow)' }),
      e.traffic ? s('text', { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4, 'font-size': 11, 'text-anchor': 'middle', fill: '#1d2330' }, e.traffic) : null);
  });
  const nodes = map.nodes.map((n) => s('g', { 'data-node': n.id, transform: 'translate(' + pos[n.id].x + ',' + pos[n.id].y + ')' },
    s('rect', { width: 170, height: 32, rx: n.kind === 'function' ? 6 : 16, fill: '#fff', stroke: colour[n.kind] || '#5f6b7a', 'stroke-width': 1.5 }),
    s('text', { x: 8, y: 20, 'font-size': 12, fill: '#1d2330' }, (n.kind === 'function' ? 'λ ' : n.kind + ' ') + n.name)));
  const defs = s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' },
    s('path', { d: 'M0 0 L10 5 L0 10 z', fill: '#5f6b7a' })));
  $('#map').replaceChildren(s('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Service map' }, defs, edges, nodes));
}
