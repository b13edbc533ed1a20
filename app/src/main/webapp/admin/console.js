// The admin console: a single page over the service's own REST API (/api/v1), signed in with a
// bearer token kept in sessionStorage. Pages: sign-in, dashboard, customers (search and 360 view),
// messages (dead letters). Problems (RFC 9457) are shown at the field they name.
import { t, translate, setLanguage, language, locale } from './i18n.js';

const TOKEN = 'loyalty.token';
const mainEl = document.getElementById('main');
// each route renders into a view of its own: a page still loading when another route starts
// appends to its own, detached view, never to the page now shown
let currentView = null;
const alertBox = document.getElementById('alert');

// ---- DOM helpers (text always as text: nothing from the API becomes markup) ----
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const T = (key) => t(key);
const fmtNumber = (n) => new Intl.NumberFormat(locale()).format(n ?? 0);
const fmtMoney = (cents, currency) => new Intl.NumberFormat(locale(), { style: 'currency', currency: currency || 'EUR' }).format((cents ?? 0) / 100);
const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' }) : '');
const fmtDate = (iso) => (iso ? new Date(iso).toLocaleDateString(locale(), { dateStyle: 'medium' }) : '');

function say(message, ok = false) {
  alertBox.textContent = message;
  alertBox.classList.toggle('ok', ok);
  alertBox.setAttribute('role', ok ? 'status' : 'alert');
  alertBox.hidden = !message;
}

// ---- the API ----
class ProblemError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function api(method, path, body, { raw = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = sessionStorage.getItem(TOKEN);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ProblemError(0, { detail: T('err.network') });
  }
  if (response.status === 401 && token && !path.startsWith('/development-token')) {
    sessionStorage.removeItem(TOKEN);
    go('#/signin', T('signin.expired'));
    throw new ProblemError(401, { detail: T('signin.expired') });
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { /* not JSON */ }
    throw new ProblemError(response.status, problem);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

/** Shows a problem at the fields it names inside form, or at the top when it names none there. */
function showProblem(form, error) {
  clearProblems(form);
  const errors = (error.problem && error.problem.errors) || [];
  let placed = 0;
  for (const { field, message } of errors) {
    const input = form && (form.querySelector(`[data-field="${CSS.escape(field)}"]`)
      || form.querySelector(`[data-field="${CSS.escape(field.split('.').pop())}"]`));
    if (!input) continue;
    const id = `${input.id}-error`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.closest('.field').append(h('span', { class: 'field-error', id, text: message }));
    if (placed++ === 0) input.focus();
  }
  say(placed ? `${T('err.field')} ${error.message}` : error.message);
}

function clearProblems(form) {
  if (!form) return;
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
}

// ---- routing ----
function go(hash, message) {
  if (location.hash === hash) route(message);
  else { pendingMessage = message; location.hash = hash; }
}
let pendingMessage = null;

async function route(message) {
  const note = message ?? pendingMessage;
  pendingMessage = null;
  say(note || '');
  const hash = location.hash || '#/dashboard';
  const signedIn = !!sessionStorage.getItem(TOKEN);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('signout').hidden = !signedIn;
  if (!signedIn && hash !== '#/signin') { location.hash = '#/signin'; pendingMessage = note; return; }
  document.querySelectorAll('#nav a').forEach((a) => {
    if (hash.startsWith(a.getAttribute('href'))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  disposeCharts();
  currentView = document.createElement('div');
  mainEl.replaceChildren(currentView);
  const main = currentView;
  const [, page, id] = hash.split('?')[0].split('/');
  try {
    if (page === 'signin') await signIn();
    else if (page === 'customers' && id) await customer(decodeURIComponent(id));
    else if (page === 'customers') await customers();
    else if (page === 'messages') await messages();
    else await dashboard();
  } catch (e) {
    if (e instanceof ProblemError) { if (e.status !== 401) say(e.message); } else { say(String(e)); throw e; }
  }
  if (main !== currentView) return;
  translate(main);
  mainEl.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

// ---- sign-in ----
async function signIn() {
  const main = currentView;
  document.title = `${T('signin.title')} - ${T('brand')}`;
  const area = h('textarea', { id: 'token', name: 'token', 'data-field': 'token', required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-help' });
  const form = h('form', { class: 'signin panel', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'token', 'data-i18n': 'signin.token' }),
      area,
      h('span', { id: 'token-help', class: 'muted', 'data-i18n': 'signin.help' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'signin-submit', 'data-i18n': 'signin.submit' })));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    await useToken(form, area.value.trim());
  });
  const dev = h('section', { class: 'panel signin', id: 'dev-signin', hidden: true },
    h('p', { 'data-i18n': 'signin.dev' }),
    h('button', { type: 'button', id: 'mint', class: 'secondary', 'data-i18n': 'signin.mint', onclick: async () => {
      try {
        const minted = await api('POST', '/development-token');
        await useToken(form, minted.token);
      } catch (e) { showProblem(form, e); }
    } }));
  main.append(h('h1', { 'data-i18n': 'signin.title' }), form, dev);
  try {
    await api('GET', '/development-token');
    dev.hidden = false;
  } catch (e) { /* 404: not an embedded run with development keys */ }
}

async function useToken(form, token) {
  clearProblems(form);
  const fail = (key) => showProblem(form, new ProblemError(401, { detail: T(key), errors: [{ field: 'token', message: T(key) }] }));
  if (!token) { fail('signin.refused'); return; }
  const response = await fetch('/api/v1/dashboard', { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (response.status === 401) { fail('signin.refused'); return; }
  if (response.status === 403) { fail('signin.notAdmin'); return; }
  sessionStorage.setItem(TOKEN, token);
  go('#/dashboard');
}

// ---- dashboard ----
let charts = [];
function disposeCharts() { charts.forEach((c) => c.dispose()); charts = []; }

function chart(el, option, label) {
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  if (!window.echarts) return;
  const c = window.echarts.init(el, null, { renderer: 'svg' });
  c.setOption({ aria: { enabled: true }, animation: false, tooltip: { trigger: 'axis' }, grid: { left: 50, right: 20, top: 40, bottom: 40 }, ...option });
  charts.push(c);
}

function card(label, value, sub, id) {
  return h('div', { class: 'card', id }, h('div', { class: 'label', text: label }), h('div', { class: 'value', text: value }), sub ? h('div', { class: 'sub', text: sub }) : null);
}

async function dashboard() {
  const main = currentView;
  document.title = `${T('dash.title')} - ${T('brand')}`;
  const d = await api('GET', '/dashboard');
  if (main !== currentView) return;
  const weeks = d.weeks.map((w) => fmtDate(w.start));
  const cards = h('div', { class: 'cards' },
    card(T('dash.members'), fmtNumber(d.members), null, 'card-members'),
    card(T('dash.active'), fmtNumber(d.activeCustomers), null, 'card-active'),
    card(T('dash.liability'), fmtNumber(d.pointsOutstanding), `${T('dash.value')} ${fmtMoney(d.pointsValue, d.currency)}`, 'card-liability'),
    card(T('dash.expiring'), fmtNumber(d.pointsExpiringNextMonth), null, 'card-expiring'),
    card(T('dash.backlog'), fmtNumber(d.reactionsBacklog), null, 'card-backlog'),
    card(T('dash.parked'), fmtNumber(d.parkedEvents), null, 'card-parked'));
  const box = (key, id) => {
    const el = h('div', { class: 'chart', id });
    return [h('section', { class: 'panel' }, h('h2', { text: T(key) }), el), el];
  };
  const [membersPanel, membersEl] = box('dash.membersChart', 'chart-members');
  const [couponsPanel, couponsEl] = box('dash.couponsChart', 'chart-coupons');
  const [messagesPanel, messagesEl] = box('dash.messagesChart', 'chart-messages');
  const [suppressedPanel, suppressedEl] = box('dash.suppressedChart', 'chart-suppressed');
  main.append(h('h1', { 'data-i18n': 'dash.title' }), h('p', { class: 'muted' }, `${T('dash.at')} ${fmtTime(d.at)}`), cards,
    h('div', { class: 'charts' }, membersPanel, couponsPanel, messagesPanel, suppressedPanel));
  chart(membersEl, {
    legend: {}, xAxis: { type: 'category', data: weeks }, yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1 }],
    series: [
      { name: T('dash.members'), type: 'line', data: d.weeks.map((w) => w.members) },
      { name: T('dash.newMembers'), type: 'bar', yAxisIndex: 1, data: d.weeks.map((w) => w.newMembers) }],
  }, T('dash.membersChart'));
  chart(couponsEl, {
    legend: {}, xAxis: { type: 'category', data: weeks }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: T('dash.issued'), type: 'bar', data: d.weeks.map((w) => w.couponsIssued) },
      { name: T('dash.redeemed'), type: 'bar', data: d.weeks.map((w) => w.couponsRedeemed) }],
  }, T('dash.couponsChart'));
  const statuses = ['QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'SUPPRESSED'];
  chart(messagesEl, {
    xAxis: { type: 'category', data: statuses }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: T('dash.count'), type: 'bar', data: statuses.map((s) => d.messagesByStatus[s] || 0) }],
  }, `${T('dash.messagesChart')}: ${statuses.map((s) => `${s} ${d.messagesByStatus[s] || 0}`).join(', ')}`);
  const reasons = Object.entries(d.suppressedByReason);
  if (reasons.length === 0) suppressedEl.replaceWith(h('p', { class: 'muted', text: T('dash.none') }));
  else chart(suppressedEl, {
    grid: { left: 220, right: 20, top: 20, bottom: 30 }, tooltip: { trigger: 'item' },
    yAxis: { type: 'category', data: reasons.map(([r]) => r), axisLabel: { width: 200, overflow: 'truncate' } }, xAxis: { type: 'value', minInterval: 1 },
    series: [{ name: T('dash.count'), type: 'bar', data: reasons.map(([, n]) => n) }],
  }, `${T('dash.suppressedChart')}: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
}

// ---- customers ----
async function customers() {
  const main = currentView;
  document.title = `${T('cust.title')} - ${T('brand')}`;
  const by = h('select', { id: 'search-by', name: 'by' },
    ...['name', 'email', 'phone', 'card', 'id'].map((k) => h('option', { value: k, 'data-i18n': `cust.${k}` })));
  const value = h('input', { id: 'search-value', name: 'value', 'data-field': 'value', required: true, autocomplete: 'off' });
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline panel', role: 'search', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'search-by', 'data-i18n': 'cust.by' }), by),
    h('div', { class: 'field' }, h('label', { for: 'search-value', 'data-i18n': 'cust.value' }), value),
    h('button', { type: 'submit', id: 'search-submit', 'data-i18n': 'cust.search' }));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    say('');
    results.replaceChildren();
    const v = value.value.trim();
    if (by.value === 'name') {
      try { await byName(v, null); } catch (e) { showProblem(form, fieldOf(e, 'name')); }
      return;
    }
    try {
      const found = by.value === 'id'
        ? await api('GET', `/customers/${encodeURIComponent(v)}`)
        : await api('GET', `/customers/lookup?${by.value}=${encodeURIComponent(v)}`);
      results.append(h('section', { class: 'panel' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { text: T('col.name') }), h('th', { text: T('c360.card') }), h('th', { class: 'num', text: T('c360.balance') }), h('th', { text: T('col.actions') }))),
        h('tbody', {}, h('tr', {},
          h('td', { text: `${found.firstName || ''} ${found.lastName || ''}` }), h('td', { text: found.cardNumber }),
          h('td', { class: 'num', text: fmtNumber(found.pointsBalance) }),
          h('td', {}, h('a', { href: `#/customers/${encodeURIComponent(found.customerId)}`, id: 'open-customer', text: `${T('cust.open')} ${found.firstName || ''}` })))))));
    } catch (e) {
      if (e.status === 404 && !(e.problem.errors || []).length) results.append(h('p', { text: T('cust.notFound') }));
      else {
        const problem = { ...e.problem, errors: (e.problem.errors || []).map((x) => ({ ...x, field: 'value' })) };
        if (e.status === 400 || e.status === 422) problem.errors = problem.errors.length ? problem.errors : [{ field: 'value', message: e.message }];
        showProblem(form, new ProblemError(e.status, problem));
      }
    }
  });
  main.append(h('h1', { 'data-i18n': 'cust.title' }), form, results);

  // a page of customers by name; "more" goes on after the last one (keyset cursor)
  async function byName(v, after) {
    const page = await api('GET', `/customers?name=${encodeURIComponent(v)}&limit=20${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    results.querySelector('#more')?.remove();
    let body = results.querySelector('#found tbody');
    if (!body) {
      if (!page.items.length) { results.append(h('p', { text: T('cust.notFound') })); return; }
      const found = h('table', { id: 'found' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: T('col.name') }), h('th', { scope: 'col', text: T('c360.card') }), h('th', { scope: 'col', text: T('c360.enrolled') }))),
        h('tbody'));
      results.append(h('section', { class: 'panel' }, found));
      body = found.querySelector('tbody');
    }
    for (const c of page.items) {
      body.append(h('tr', {},
        h('td', {}, h('a', { href: `#/customers/${encodeURIComponent(c.customerId)}`, text: `${c.lastName || ''} ${c.firstName}`.trim() })),
        h('td', { text: c.cardNumber }), h('td', { text: fmtDate(c.enrolledAt) })));
    }
    if (page.next) results.append(h('button', { type: 'button', class: 'secondary', id: 'more', text: T('cust.more'), onclick: () => byName(v, page.next).catch((e) => say(e.message)) }));
  }
}

/** The problem with its errors moved to the form's one input (the API names its query parameter). */
function fieldOf(e, name) {
  const errors = (e.problem.errors || []).filter((x) => x.field === name).map((x) => ({ ...x, field: 'value' }));
  return new ProblemError(e.status, { ...e.problem, errors });
}

function table(columns, rows, id) {
  if (!rows.length) return h('p', { class: 'muted', text: T('empty') });
  return h('table', { id },
    h('thead', {}, h('tr', {}, ...columns.map(([key, , cls]) => h('th', { class: cls, scope: 'col', text: T(key) })))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...columns.map(([, f, cls]) => { const v = f(r); return h('td', { class: cls }, v instanceof Node ? v : String(v ?? '')); })))));
}

function panel(key, ...content) { return h('section', { class: 'panel', 'aria-labelledby': `h-${key}` }, h('h2', { id: `h-${key}`, text: T(key) }), ...content); }

async function customer(id) {
  const main = currentView;
  const path = `/customers/${encodeURIComponent(id)}`;
  const [profile, wallet, timeline, exported, missions, messagesList] = await Promise.all([
    api('GET', path), api('GET', `${path}/wallet?size=50`), api('GET', `${path}/timeline?limit=50`), api('GET', `${path}/export`),
    api('GET', `${path}/missions`).catch(() => ({ items: [] })), api('GET', `${path}/messages`).catch(() => [])]);
  const name = `${profile.firstName || ''} ${profile.lastName || ''}`.trim();
  document.title = `${name || id} - ${T('brand')}`;
  const facts = (pairs) => h('dl', { class: 'facts' }, ...pairs.flatMap(([k, v]) => [h('dt', { text: T(k) }), h('dd', { text: v ?? '' })]));
  const tier = profile.tier;

  const points = h('input', { id: 'adjust-points', name: 'points', type: 'number', step: '1', 'data-field': 'points', required: true });
  const reason = h('input', { id: 'adjust-reason', name: 'reason', 'data-field': 'reason', required: true, maxlength: '400', size: '40' });
  const adjust = h('form', { class: 'inline', id: 'adjust-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'adjust-points', text: T('c360.points') }), points),
    h('div', { class: 'field' }, h('label', { for: 'adjust-reason', text: T('c360.reason') }), reason),
    h('button', { type: 'submit', id: 'adjust-submit', text: T('c360.apply') }));
  adjust.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(adjust);
    const n = points.value.trim() === '' ? null : Number(points.value);
    try {
      await api('POST', `${path}/wallet/adjustments`, { points: Number.isInteger(n) ? n : points.value === '' ? null : n, reason: reason.value });
      go(location.hash, T('c360.adjusted'));
      say(T('c360.adjusted'), true);
    } catch (e) { showProblem(adjust, e); }
  });

  const tierName = h('input', { id: 'tier-name', name: 'tier', 'data-field': 'tier', required: true, autocomplete: 'off' });
  const tierReason = h('input', { id: 'tier-reason', name: 'reason', 'data-field': 'reason', required: true, size: '40' });
  const tierUntil = h('input', { id: 'tier-until', name: 'until', 'data-field': 'until', type: 'date' });
  const override = h('form', { class: 'inline', id: 'tier-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'tier-name', text: T('c360.tierName') }), tierName),
    h('div', { class: 'field' }, h('label', { for: 'tier-reason', text: T('c360.tierReason') }), tierReason),
    h('div', { class: 'field' }, h('label', { for: 'tier-until', text: T('c360.tierUntil') }), tierUntil),
    h('button', { type: 'submit', id: 'tier-submit', text: T('c360.tierSet') }));
  override.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(override);
    try {
      await api('PUT', `${path}/tier`, { tier: tierName.value, reason: tierReason.value, until: tierUntil.value ? `${tierUntil.value}T00:00:00Z` : null });
      go(location.hash, T('c360.tierDone'));
      say(T('c360.tierDone'), true);
    } catch (e) { showProblem(override, e); }
  });

  const confirmDialog = h('dialog', { id: 'erase-dialog', 'aria-labelledby': 'erase-text' },
    h('p', { id: 'erase-text', text: T('c360.eraseConfirm') }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', id: 'erase-confirm', text: T('c360.eraseYes'), onclick: async () => {
        confirmDialog.close();
        try { await api('DELETE', path); go(location.hash, T('c360.erased')); say(T('c360.erased'), true); } catch (e) { say(e.message); }
      } }),
      h('button', { type: 'button', class: 'secondary', id: 'erase-cancel', text: T('c360.cancel'), onclick: () => confirmDialog.close() })));

  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'export', text: T('c360.export'), onclick: async () => {
    const response = await api('GET', `${path}/export`, undefined, { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: `customer-${id}.json` });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } });

  main.append(
    h('h1', { text: name || id }),
    h('div', { class: 'grid2' },
      panel('c360.profile', facts([
        ['c360.card', profile.cardNumber], ['c360.email', profile.email], ['c360.phone', profile.phone],
        ['c360.channel', profile.preferredChannel], ['c360.enrolled', fmtTime(profile.enrolledAt)],
        ['c360.balance', fmtNumber(profile.pointsBalance)],
        ['c360.tier', tier ? `${tier.name}${tier.nextTier ? ` (${tier.nextTier}: ${fmtNumber(tier.neededForNext)})` : ''}` : T('c360.noTier')]])),
      panel('c360.adjust', adjust,
        h('h2', { text: T('c360.override'), style: 'margin-top:1rem' }), override,
        h('h2', { text: T('c360.gdpr'), style: 'margin-top:1rem' }),
        h('div', { class: 'actions' }, exportButton,
          h('button', { type: 'button', class: 'danger', id: 'erase', text: T('c360.erase'), onclick: () => confirmDialog.showModal() })),
        confirmDialog)),
    panel('c360.timeline', table([
      ['col.at', (e) => fmtTime(e.at)], ['col.kind', (e) => e.kind], ['col.type', (e) => e.type], ['col.summary', (e) => e.summary]], timeline.items, 'timeline')),
    panel('c360.wallet', table([
      ['col.at', (e) => fmtTime(e.occurredAt)], ['col.type', (e) => e.type], ['col.points', (e) => fmtNumber(e.points), 'num'],
      ['col.reason', (e) => e.reason], ['col.expires', (e) => fmtDate(e.expiresAt)]], wallet.entries, 'ledger')),
    h('div', { class: 'grid2' },
      panel('c360.coupons', table([
        ['col.code', (c) => c.printableCode || c.code], ['col.name', (c) => c.name], ['col.status', (c) => c.status],
        ['col.validUntil', (c) => fmtDate(c.validUntil)]], exported.coupons || [], 'coupons')),
      panel('c360.missions', table([
        ['col.name', (m) => m.name], ['col.progress', (m) => (m.progress ? `${m.progress.current}/${m.progress.target} (${m.progress.percent}%)` : '')]],
      missions.items || [], 'missions'))),
    h('div', { class: 'grid2' },
      panel('c360.consents', table([
        ['col.at', (c) => fmtTime(c.recordedAt)], ['col.purpose', (c) => c.purpose], ['col.granted', (c) => T(c.granted ? 'yes' : 'no')],
        ['col.source', (c) => c.source], ['col.text', (c) => c.textVersion]], exported.consentHistory || [], 'consents')),
      panel('c360.tierHistory', table([
        ['col.at', (c) => fmtTime(c.at || c.occurredAt)], ['col.from', (c) => c.fromTier || c.from], ['col.to', (c) => c.toTier || c.to],
        ['col.reason', (c) => c.reason || c.cause]], exported.tierHistory || [], 'tier-history'))),
    panel('c360.messages', messageTable(messagesList.items || messagesList, false)));
}

// ---- messages ----
function messageTable(list, withRetry, form) {
  return table([
    ['col.at', (m) => fmtTime(m.createdAt)], ['col.kind', (m) => m.kind], ['col.channel', (m) => m.channel || m.requestedChannel],
    ['col.status', (m) => h('span', { class: 'badge', text: m.status })], ['col.reason', (m) => m.reason],
    ['col.attempts', (m) => m.attempts, 'num'],
    ...(withRetry ? [
      ['col.customer', (m) => h('a', { href: `#/customers/${encodeURIComponent(m.customerId)}`, text: m.customerId.slice(0, 8) })],
      ['col.actions', (m) => (m.status === 'FAILED' ? h('button', { type: 'button', class: 'secondary', 'data-message': m.messageId, 'aria-label': `${T('msg.retry')} ${m.messageId}`, text: T('msg.retry'), onclick: async () => {
        try { await api('POST', `/messages/${encodeURIComponent(m.messageId)}/retry`); go(location.hash, T('msg.retried')); say(T('msg.retried'), true); } catch (e) { showProblem(form, e); }
      } }) : '')]] : [])], list, withRetry ? 'dead-letters' : 'customer-messages');
}

async function messages() {
  const main = currentView;
  document.title = `${T('msg.title')} - ${T('brand')}`;
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const status = h('select', { id: 'msg-status', name: 'status', 'data-field': 'status' },
    ...['FAILED', 'QUEUED', 'SENT', 'DELIVERED', 'SUPPRESSED'].map((s) => h('option', { value: s, selected: s === (params.get('status') || 'FAILED'), text: s })));
  const form = h('form', { class: 'inline panel', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'msg-status', 'data-i18n': 'msg.status' }), status),
    h('button', { type: 'submit', 'data-i18n': 'msg.show' }));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); go(`#/messages?status=${status.value}`); });
  const list = await api('GET', `/messages?status=${encodeURIComponent(status.value)}&limit=100`);
  main.append(h('h1', { 'data-i18n': 'msg.title' }), form,
    h('section', { class: 'panel' }, h('h2', { text: status.value === 'FAILED' ? T('msg.deadLetters') : status.value }), messageTable(list, true, form)));
}

// ---- start ----
const langSelect = document.getElementById('lang');
setLanguage(language());
langSelect.value = language();
langSelect.addEventListener('change', () => { setLanguage(langSelect.value); translate(); route(); });
document.getElementById('signout').addEventListener('click', () => { sessionStorage.removeItem(TOKEN); go('#/signin'); });
window.addEventListener('hashchange', () => route());
translate();
route();
