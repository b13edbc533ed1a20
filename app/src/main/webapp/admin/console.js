// The admin console: a single page over the service's own REST API (/api/v1), signed in with a
// bearer token kept in sessionStorage. Pages: sign-in, dashboard, customers (search and 360 view),
// messages (dead letters), store call lists, the programme (coupon templates, rewards, earning rules, tiers,
// missions, rules, message templates, referrals) and segments. Problems (RFC 9457) are shown at the field they name.
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

async function api(method, path, body, { raw = false, accept = 'application/json' } = {}) {
  const headers = { Accept: `${accept}, application/problem+json` };
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
  const problem = error.problem || {};
  if (problem.path && form) {
    // a bad node of a condition: the deepest element of the builder whose path starts the problem's
    const holders = [...form.querySelectorAll('[data-path]')].filter((e) => e.dataset.path && (problem.path === e.dataset.path || problem.path.startsWith(`${e.dataset.path}.`) || problem.path.startsWith(`${e.dataset.path}[`)));
    const holder = holders.sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
    if (holder) {
      const id = `path-error-${holders.length}`;
      holder.setAttribute('aria-invalid', 'true');
      const detail = problem.detail || error.message;
      const text = detail.startsWith(`${problem.path}: `) ? detail.slice(problem.path.length + 2) : detail;
      holder.append(h('p', { class: 'field-error', id, text }));
      const input = holder.matches('select, input, textarea') ? holder : holder.querySelector('select, input, textarea');
      if (input && input !== holder) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', id); }
      input?.focus();
      // the banner names the field as the form labels it, never the API's JSON path
      const label = (holder.querySelector('label') || holder.querySelector('legend'))?.textContent.trim();
      say(`${T('err.field')} ${label ? `${label}: ` : ''}${text}`);
      return;
    }
  }
  for (const { field, message } of errors) {
    const input = form && (form.querySelector(`[data-field="${CSS.escape(field)}"]`)
      || form.querySelector(`[data-alias="${CSS.escape(field)}"]`)
      || form.querySelector(`[data-field="${CSS.escape(field.split('.').pop())}"]`));
    if (!input) continue;
    const id = `${input.id}-error`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    (input.closest('.field') || input).append(h('span', { class: 'field-error', id, text: message }));
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
  // a message carried to a page is what was just done, except the sign-in's "your session has ended"
  pendingOk = hash !== '#/signin';
  if (location.hash === hash) route(message);
  else { pendingMessage = message; location.hash = hash; }
}
let pendingMessage = null;
let pendingOk = false;

async function route(message) {
  const note = message ?? pendingMessage;
  pendingMessage = null;
  say(note || '', pendingOk);
  pendingOk = false;
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
    else if (page === 'programme') await programme(id, hash.split('?')[0].split('/')[3]);
    else if (page === 'segments') await segmentsPage(id && decodeURIComponent(id));
    else if (page === 'campaigns') await campaignsPage(id && decodeURIComponent(id), hash.split('?')[0].split('/').slice(3).map(decodeURIComponent));
    else if (page === 'calls') await callsPage();
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
  // production: the retailer's identity provider (OpenID Connect), when the service is configured for it
  const oidc = h('section', { class: 'panel signin', id: 'oidc-signin', hidden: true },
    h('p', { 'data-i18n': 'signin.oidcHelp' }),
    h('a', { class: 'button', href: '/admin/oidc/login', id: 'oidc-login', 'data-i18n': 'signin.oidc' }));
  main.append(h('h1', { 'data-i18n': 'signin.title' }), oidc, form, dev);
  try {
    const status = await fetch('/admin/oidc/status', { headers: { Accept: 'application/json' } });
    if (status.ok && (await status.json()).enabled) oidc.hidden = false;
  } catch (e) { /* no OpenID Connect here */ }
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
  const values = (option.series || []).flatMap((s) => s.data || []);
  if (!values.some((v) => Number(v) > 0)) {
    // nothing to draw: a sentence, not an empty axis
    el.replaceWith(h('p', { class: 'muted', id: el.id, text: T('dash.none') }));
    return;
  }
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
  const [profile, wallet, timeline, exported, missions, messagesList, insight, tiers] = await Promise.all([
    api('GET', path), api('GET', `${path}/wallet?size=50`), api('GET', `${path}/timeline?limit=50`), api('GET', `${path}/export`),
    api('GET', `${path}/missions`).catch(() => ({ items: [] })), api('GET', `${path}/messages`).catch(() => []),
    api('GET', `${path}/profile`).catch((e) => { if (e.status === 404) return null; throw e; }), tierNames()]);
  const name = `${profile.firstName || ''} ${profile.lastName || ''}`.trim();
  document.title = `${name || id} - ${T('brand')}`;
  // a fact without a value is left out (no empty Phone row)
  const facts = (pairs) => h('dl', { class: 'facts' }, ...pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [h('dt', { text: T(k) }), h('dd', {}, v)]));
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

  // the override is one of the programme's tiers, never free text
  const tierName = h('select', { id: 'tier-name', name: 'tier', 'data-field': 'tier', required: true },
    h('option', { value: '', text: T('act.choose') }), ...tiers.map((n) => h('option', { value: n, text: n, selected: tier && tier.name === n })));
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
        ['c360.pending', profile.pending ? fmtNumber(profile.pending) : null],
        ['c360.tier', tier ? `${tier.name}${tier.nextTier ? ` (${tier.nextTier}: ${fmtNumber(tier.neededForNext)})` : ''}` : T('c360.noTier')]])),
      panel('c360.adjust', adjust,
        h('h2', { text: T('c360.override'), style: 'margin-top:1rem' }), override,
        h('h2', { text: T('c360.gdpr'), style: 'margin-top:1rem' }),
        h('div', { class: 'actions' }, exportButton,
          h('button', { type: 'button', class: 'danger', id: 'erase', text: T('c360.erase'), onclick: () => confirmDialog.showModal() })),
        confirmDialog)),
    insightPanel(insight),
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

/** The customer's profile: metrics, RFM, engagement, categories, last SKUs, segments and answers. */
function insightPanel(p) {
  if (!p) return panel('c360.insight', h('p', { class: 'muted', text: T('c360.noInsight') }));
  const m = p.metrics || {};
  const rfm = m.rfm ? `R${m.rfm.r ?? '-'} F${m.rfm.f ?? '-'} M${m.rfm.m ?? '-'}` : null;
  const facts = (pairs) => h('dl', { class: 'facts', id: 'insight-metrics' }, ...pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [h('dt', { text: T(k) }), h('dd', { text: String(v) })]));
  return panel('c360.insight', h('div', { class: 'grid3' },
    h('div', {}, h('h3', { text: T('c360.metrics') }), facts([
      ['ins.recency', m.recencyDays !== null && m.recencyDays !== undefined ? `${fmtNumber(m.recencyDays)} ${T('unit.days')}` : null],
      ['ins.frequency', fmtNumber(m.frequency)], ['ins.monetary', fmtMoney(m.monetary)], ['ins.basket', fmtMoney(m.averageBasket)],
      ['ins.perMonth', m.visitsPerMonth], ['ins.lifetime', `${fmtMoney(m.lifetimeValue)} (${fmtNumber(m.lifetimeVisits)} ${T('ins.visits')})`],
      ['ins.first', fmtDate(m.firstPurchaseAt)], ['ins.last', fmtDate(m.lastPurchaseAt)], ['ins.home', m.homeStore],
      ['ins.rfm', rfm], ['ins.engagement', m.engagement], ['ins.computed', fmtTime(m.computedAt)]])),
    h('div', {}, h('h3', { text: T('c360.categories') }), table([['col.name', (c) => c.name || c.category], ['ins.spend', (c) => fmtMoney(c.spend), 'num'],
      ['ins.share', (c) => (c.share === null || c.share === undefined ? '' : `${(Number(c.share) * 100).toFixed(1)}%`), 'num'], ['ins.last', (c) => fmtDate(c.lastPurchaseAt)]], p.categories || [], 'insight-categories'),
    h('h3', { text: T('c360.lastSkus') }), table([['ins.sku', (s) => s.sku], ['ins.last', (s) => fmtDate(s.lastPurchaseAt)]], p.lastPurchases || [], 'insight-skus')),
    h('div', {}, h('h3', { text: T('c360.segments') }),
      (p.segments || []).length ? h('ul', { id: 'insight-segments' }, ...p.segments.map((s) => h('li', {}, h('a', { href: `#/segments/${encodeURIComponent(s.id)}`, text: s.name })))) : h('p', { class: 'muted', text: T('empty') }),
      h('h3', { text: T('c360.answers') }), table([['ins.question', (a) => a.question], ['ins.answer', (a) => a.value], ['col.at', (a) => fmtDate(a.answeredAt)]], p.answers || [], 'insight-answers'))));
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

// ---- form helpers for the programme and segment pages ----
/** A labelled field; the input carries data-field, the path the API names in its problems. */
function fld(id, key, input, hintKey) {
  if (hintKey) input.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'field' }, h('label', { for: id, text: T(key) }), input,
    hintKey ? h('span', { class: 'muted small', id: `${id}-hint`, text: T(hintKey) }) : null);
}
function inp(id, field, attrs = {}) { return h('input', { id, name: field, 'data-field': field, autocomplete: 'off', ...attrs }); }
function sel(id, field, options, value) {
  return h('select', { id, name: field, 'data-field': field },
    ...options.map((o) => { const [v, label] = Array.isArray(o) ? o : [o, o]; return h('option', { value: v, selected: String(v) === String(value ?? ''), text: label }); }));
}
function check(id, field, key, checked) {
  return h('div', { class: 'check' }, h('input', { type: 'checkbox', id, name: field, 'data-field': field, checked: !!checked }), h('label', { for: id, text: T(key) }));
}
/** A group of checkboxes sharing one data-field (the API's list), in a fieldset with its legend. */
function checks(idPrefix, field, key, values, chosen = []) {
  return h('fieldset', { class: 'field checks', 'data-field': field, id: `${idPrefix}-set`, tabindex: '-1' }, h('legend', { text: T(key) }),
    ...values.map((o) => { const [v, label] = Array.isArray(o) ? o : [o, o]; const id = `${idPrefix}-${String(v).replace(/[^A-Za-z0-9_-]/g, '_')}`;
      return h('span', { class: 'check' }, h('input', { type: 'checkbox', id, value: v, checked: chosen.includes(v) }), h('label', { for: id, text: label })); }));
}
const checked = (set) => [...set.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
const num = (input) => { const v = input.value.trim(); return v === '' ? null : Number(v); };
const text = (input) => { const v = input.value.trim(); return v === '' ? null : v; };
const list = (input) => input.value.split(',').map((s) => s.trim()).filter(Boolean);
const cents = (input) => { const v = input.value.trim().replace(',', '.'); return v === '' ? null : Math.round(Number(v) * 100); };
const euros = (c) => (c === null || c === undefined ? '' : (c / 100).toFixed(2));
const isoDay = (input) => (input.value ? `${input.value}T00:00:00Z` : null);
const dayOf = (iso) => (iso ? String(iso).slice(0, 10) : '');
function submitting(form, action) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    try { await action(); } catch (e) { if (e instanceof ProblemError) showProblem(form, e); else throw e; }
  });
  return form;
}
function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
function discountText(d) { return d.type === 'PERCENT_OFF' ? `${d.value}%` : fmtMoney(d.value, d.currency); }
async function tierNames() {
  try { return (await api('GET', '/tiers')).tiers.map((x) => x.name); } catch (e) { if (e.status === 404) return []; throw e; }
}

// ---- programme ----
const PROGRAMME_TABS = ['coupons', 'rewards', 'earning', 'tiers', 'missions', 'rules', 'templates', 'referral'];

async function programme(tab, id) {
  const main = currentView;
  const current = PROGRAMME_TABS.includes(tab) ? tab : 'coupons';
  document.title = `${T(`prog.${current}`)} - ${T('brand')}`;
  main.append(h('h1', { text: T('prog.title') }),
    h('nav', { class: 'tabs', 'aria-label': T('prog.title') },
      ...PROGRAMME_TABS.map((k) => h('a', { href: `#/programme/${k}`, id: `tab-${k}`, 'aria-current': k === current ? 'page' : null, text: T(`prog.${k}`) }))));
  const pages = { coupons: couponsPage, rewards: rewardsPage, earning: earningPage, tiers: tiersPage, missions: missionsPage, rules: rulesPage, templates: templatesPage, referral: referralPage };
  await pages[current](main, id);
}

async function couponsPage(main) {
  const [templates, tiers] = await Promise.all([api('GET', '/coupon-templates'), tierNames()]);
  if (main !== currentView) return;
  const name = inp('ct-name', 'name', { required: true, maxlength: '200' });
  const type = sel('ct-type', 'discount.type', [['AMOUNT_OFF', T('ct.amountOff')], ['PERCENT_OFF', T('ct.percentOff')]]);
  const value = inp('ct-value', 'discount.value', { type: 'number', step: 'any', required: true });
  const minSpend = inp('ct-minspend', 'minSpend', { type: 'number', step: '0.01', min: '0' });
  const channels = checks('ct-ch', 'channels', 'ct.channels', [['STORE', T('ct.store')], ['ONLINE', T('ct.online')]], ['STORE']);
  const validDays = inp('ct-days', 'validDays', { type: 'number', step: '1' });
  const validUntil = inp('ct-until', 'validUntil', { type: 'date' });
  const perCustomer = inp('ct-percustomer', 'perCustomerLimit', { type: 'number', step: '1' });
  const maxRedemptions = inp('ct-max', 'maxRedemptions', { type: 'number', step: '1' });
  const categories = inp('ct-categories', 'categories');
  const tierSet = checks('ct-tier', 'tiers', 'ct.tiers', tiers);
  const valueLabel = () => { value.previousSibling.textContent = T(type.value === 'PERCENT_OFF' ? 'ct.valuePercent' : 'ct.valueAmount'); };
  type.addEventListener('change', valueLabel);
  const form = submitting(h('form', { id: 'ct-form', class: 'grid-form', novalidate: true },
    fld('ct-name', 'ct.name', name), fld('ct-type', 'ct.type', type), fld('ct-value', 'ct.valueAmount', value),
    fld('ct-minspend', 'ct.minSpend', minSpend), channels, fld('ct-days', 'ct.validDays', validDays, 'ct.validDaysHint'),
    fld('ct-until', 'ct.validUntil', validUntil), fld('ct-percustomer', 'ct.perCustomer', perCustomer),
    fld('ct-max', 'ct.maxRedemptions', maxRedemptions), fld('ct-categories', 'ct.categories', categories, 'hint.commas'),
    tiers.length ? tierSet : null,
    h('div', { class: 'actions span' }, h('button', { type: 'submit', id: 'ct-submit', text: T('act.create') }))), async () => {
    const v = num(value);
    await api('POST', '/coupon-templates', {
      name: name.value, discount: { type: type.value, value: type.value === 'AMOUNT_OFF' && v !== null ? Math.round(v * 100) : v },
      minSpend: cents(minSpend), channels: checked(channels), validDays: num(validDays), validUntil: isoDay(validUntil),
      perCustomerLimit: num(perCustomer), maxRedemptions: num(maxRedemptions), categories: list(categories), tiers: checked(tierSet) });
    go(location.hash, T('ct.created'));
  });

  const rows = templates.items;
  const issueForm = (tpl) => {
    const customer = inp(`issue-${tpl.templateId}`, 'customerId', { size: '36' });
    const count = inp(`bulk-${tpl.templateId}`, 'count', { type: 'number', min: '1', max: '10000', step: '1', size: '6' });
    const personal = submitting(h('form', { class: 'inline', novalidate: true },
      fld(`issue-${tpl.templateId}`, 'ct.customerId', customer),
      h('button', { type: 'submit', class: 'secondary', 'data-issue': tpl.templateId, text: T('ct.issue'), 'aria-label': `${T('ct.issue')}: ${tpl.name}` })), async () => {
      const issued = await api('POST', `/coupon-templates/${encodeURIComponent(tpl.templateId)}/issue`, { customerId: text(customer) });
      say(`${T('ct.issued')} ${issued.code}`, true);
    });
    const bulk = submitting(h('form', { class: 'inline', novalidate: true },
      fld(`bulk-${tpl.templateId}`, 'ct.count', count),
      h('button', { type: 'submit', class: 'secondary', text: T('ct.bulk'), 'aria-label': `${T('ct.bulk')}: ${tpl.name}` })), async () => {
      const issued = await api('POST', `/coupon-templates/${encodeURIComponent(tpl.templateId)}/issue`, { count: num(count) });
      download(`codes-${tpl.name.replace(/[^A-Za-z0-9]+/g, '-')}.csv`, 'text/csv', `code\n${issued.codes.join('\n')}\n`);
      say(`${fmtNumber(issued.codes.length)} ${T('ct.codesDownloaded')}`, true);
    });
    return h('details', {}, h('summary', { text: T('ct.issueOrBulk') }), personal, bulk);
  };
  main.append(
    panel('prog.coupons', table([
      ['col.name', (c) => c.name], ['ct.discount', (c) => discountText(c.discount)], ['ct.minSpend', (c) => (c.minSpend ? fmtMoney(c.minSpend) : ''), 'num'],
      ['ct.channels', (c) => c.channels.join(', ')],
      ['ct.validity', (c) => [c.validDays ? `${c.validDays} ${T('unit.days')}` : '', c.validUntil ? `≤ ${fmtDate(c.validUntil)}` : ''].filter(Boolean).join(', ')],
      ['ct.limits', (c) => [c.perCustomerLimit ? `${c.perCustomerLimit}/${T('ct.perCustomerShort')}` : '', c.maxRedemptions ? `${fmtNumber(c.maxRedemptions)} ${T('ct.total')}` : ''].filter(Boolean).join(', ')],
      ['ct.tiers', (c) => c.tiers.join(', ')], ['col.actions', issueForm]], rows, 'coupon-templates')),
    panel('ct.new', form));
}

async function rewardsPage(main) {
  const [rewards, templates, tiers] = await Promise.all([api('GET', '/rewards'), api('GET', '/coupon-templates'), tierNames()]);
  if (main !== currentView) return;
  const names = Object.fromEntries(templates.items.map((x) => [x.templateId, x.name]));
  const name = inp('rw-name', 'name', { required: true, maxlength: '200' });
  const cost = inp('rw-cost', 'pointsCost', { type: 'number', step: '1', min: '1' });
  const template = sel('rw-template', 'templateId', [['', T('act.choose')], ...templates.items.map((x) => [x.templateId, x.name])]);
  const tierSet = checks('rw-tier', 'tiers', 'ct.tiers', tiers);
  const form = submitting(h('form', { id: 'rw-form', class: 'grid-form', novalidate: true },
    fld('rw-name', 'col.name', name), fld('rw-cost', 'rw.cost', cost), fld('rw-template', 'rw.template', template),
    tiers.length ? tierSet : null, h('div', { class: 'actions span' }, h('button', { type: 'submit', id: 'rw-submit', text: T('act.create') }))), async () => {
    await api('POST', '/rewards', { name: name.value, pointsCost: num(cost), templateId: template.value, tiers: checked(tierSet) });
    go(location.hash, T('act.saved'));
  });
  main.append(panel('prog.rewards', table([
    ['col.name', (r) => r.name], ['rw.cost', (r) => fmtNumber(r.pointsCost), 'num'], ['rw.template', (r) => names[r.templateId] || r.templateId],
    ['col.status', (r) => h('span', { class: 'badge', text: r.active ? T('st.reward.active') : T('st.reward.inactive') })], ['ct.tiers', (r) => (r.tiers || []).join(', ')]], rewards.items, 'rewards')),
  panel('rw.new', form));
}

async function earningPage(main) {
  const history = await api('GET', '/earning-rules').catch((e) => { if (e.status === 404) return { current: null, versions: [] }; throw e; });
  if (main !== currentView) return;
  const c = history.current || {};
  const rate = inp('er-rate', 'pointsPerCurrencyUnit', { type: 'number', step: '1', min: '1', value: c.pointsPerCurrencyUnit });
  const rounding = sel('er-rounding', 'rounding', [['FLOOR', T('er.floor')], ['HALF_UP', T('er.halfUp')]], c.rounding);
  const multipliers = inp('er-mult', 'categoryMultipliers', { size: '40', value: Object.entries(c.categoryMultipliers || {}).map(([k, v]) => `${k}=${v}`).join(', ') });
  const excluded = inp('er-excl', 'excludedCategories', { size: '40', value: (c.excludedCategories || []).join(', ') });
  const from = inp('er-from', 'effectiveFrom', { type: 'date' });
  const form = submitting(h('form', { id: 'er-form', class: 'grid-form', novalidate: true },
    fld('er-rate', 'er.rate', rate), fld('er-rounding', 'er.rounding', rounding), fld('er-mult', 'er.multipliers', multipliers, 'er.multipliersHint'),
    fld('er-excl', 'er.excluded', excluded, 'hint.commas'), fld('er-from', 'er.from', from, 'er.fromHint'),
    h('div', { class: 'actions span' }, h('button', { type: 'submit', id: 'er-submit', text: T('er.schedule') }))), async () => {
    const mult = {};
    for (const pair of list(multipliers)) { const [k, v] = pair.split('='); mult[k.trim()] = v === undefined ? null : Number(v); }
    await api('POST', '/earning-rules', { pointsPerCurrencyUnit: num(rate), rounding: rounding.value, categoryMultipliers: mult, excludedCategories: list(excluded), effectiveFrom: isoDay(from) });
    go(location.hash, T('act.saved'));
  });
  main.append(panel('prog.earning', table([
    ['er.from', (v) => fmtTime(v.effectiveFrom)], ['er.rate', (v) => `${v.pointsPerCurrencyUnit} / ${v.currency}`, 'num'], ['er.rounding', (v) => v.rounding],
    ['er.multipliers', (v) => Object.entries(v.categoryMultipliers).map(([k, m]) => `${k} ×${m}`).join(', ')], ['er.excluded', (v) => v.excludedCategories.join(', ')]],
  history.versions || [], 'earning-versions')), panel('er.new', form));
}

async function tiersPage(main) {
  const current = await api('GET', '/tiers').catch((e) => { if (e.status === 404) return null; throw e; });
  if (main !== currentView) return;
  const p = current || { metric: 'POINTS_EARNED', windowMonths: 12, graceDays: 30, reviewMonths: 1, downgradeOneStep: true, tiers: [{ name: 'Bronze', threshold: 0, earnMultiplier: 1 }] };
  const metric = sel('tp-metric', 'metric', [['POINTS_EARNED', T('tp.points')], ['NET_SPEND', T('tp.spend')]], p.metric);
  const windowMonths = inp('tp-window', 'windowMonths', { type: 'number', step: '1', value: p.windowMonths });
  const grace = inp('tp-grace', 'graceDays', { type: 'number', step: '1', value: p.graceDays });
  const review = inp('tp-review', 'reviewMonths', { type: 'number', step: '1', value: p.reviewMonths });
  const oneStep = check('tp-onestep', 'downgradeOneStep', 'tp.oneStep', p.downgradeOneStep);
  const rowsBody = h('tbody');
  const addRow = (t = {}) => {
    const i = rowsBody.children.length;
    rowsBody.append(h('tr', {},
      h('td', {}, h('div', { class: 'field' }, inp(`tp-name-${i}`, `tiers[${i}].name`, { value: t.name, 'aria-label': `${T('col.name')} ${i + 1}` }))),
      h('td', {}, h('div', { class: 'field' }, inp(`tp-threshold-${i}`, `tiers[${i}].threshold`, { type: 'number', step: '1', value: t.threshold, 'aria-label': `${T('tp.threshold')} ${i + 1}` }))),
      h('td', {}, h('div', { class: 'field' }, inp(`tp-mult-${i}`, `tiers[${i}].earnMultiplier`, { type: 'number', step: '0.01', value: t.earnMultiplier, 'aria-label': `${T('tp.multiplier')} ${i + 1}` })))));
  };
  p.tiers.forEach(addRow);
  const form = submitting(h('form', { id: 'tp-form', novalidate: true },
    h('div', { class: 'grid-form' }, fld('tp-metric', 'tp.metric', metric), fld('tp-window', 'tp.window', windowMonths), fld('tp-grace', 'tp.grace', grace),
      fld('tp-review', 'tp.review', review), oneStep),
    h('table', { id: 'tier-lines' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: T('col.name') }), h('th', { scope: 'col', text: T('tp.threshold') }), h('th', { scope: 'col', text: T('tp.multiplier') }))), rowsBody),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', text: T('tp.addTier'), onclick: () => addRow() }),
      h('button', { type: 'submit', id: 'tp-submit', text: T('act.save') }))), async () => {
    const tiers = [...rowsBody.children].map((tr) => tr.querySelectorAll('input')).map(([n, th, m]) => ({ name: text(n), threshold: num(th), earnMultiplier: num(m) }))
      .filter((t) => t.name !== null || t.threshold !== null);
    await api('PUT', '/tiers', { metric: metric.value, windowMonths: num(windowMonths), graceDays: num(grace), reviewMonths: num(review), downgradeOneStep: oneStep.querySelector('input').checked, tiers });
    go(location.hash, T('act.saved'));
  });
  main.append(current ? h('p', { class: 'muted', text: `${T('tp.version')} ${current.version}, ${fmtTime(current.changedAt)} (${current.changedBy})` }) : h('p', { class: 'muted', text: T('tp.none') }),
    panel('prog.tiers', form));
}

async function missionsPage(main) {
  const missions = await api('GET', '/missions');
  if (main !== currentView) return;
  const name = inp('ms-name', 'name', { required: true, maxlength: '200' });
  const type = sel('ms-type', 'goal.type', ['EVENT_COUNT', 'PURCHASE_COUNT', 'SPEND', 'CATEGORY_PURCHASE'].map((g) => [g, T(`goal.${g}`)]));
  const eventType = inp('ms-event', 'goal.eventType', { list: 'event-types' });
  const target = inp('ms-target', 'goal.target', { type: 'number', step: '1' });
  const within = inp('ms-within', 'goal.withinDays', { type: 'number', step: '1' });
  const category = inp('ms-category', 'goal.category');
  const points = inp('ms-points', 'rewardPoints', { type: 'number', step: '1' });
  const repeatable = check('ms-repeat', 'repeatable', 'ms.repeatable');
  const max = inp('ms-max', 'maxCompletions', { type: 'number', step: '1' });
  const until = inp('ms-until', 'activeUntil', { type: 'date' });
  const form = submitting(h('form', { id: 'ms-form', class: 'grid-form', novalidate: true },
    fld('ms-name', 'col.name', name), fld('ms-type', 'ms.goal', type), fld('ms-event', 'ms.event', eventType), fld('ms-target', 'ms.target', target, 'ms.targetHint'),
    fld('ms-within', 'ms.within', within), fld('ms-category', 'ms.category', category), fld('ms-points', 'ms.points', points), repeatable,
    fld('ms-max', 'ms.max', max), fld('ms-until', 'ms.until', until), eventTypes(),
    h('div', { class: 'actions span' }, h('button', { type: 'submit', id: 'ms-submit', text: T('act.create') }))), async () => {
    await api('POST', '/missions', { name: name.value, goal: { type: type.value, eventType: text(eventType), target: num(target), withinDays: num(within), category: text(category) },
      rewardPoints: num(points), repeatable: repeatable.querySelector('input').checked, maxCompletions: num(max), activeUntil: isoDay(until) });
    go(location.hash, T('act.saved'));
  });
  main.append(panel('prog.missions', table([
    ['col.name', (m) => m.name], ['ms.goal', (m) => `${T(`goal.${m.goal.type}`)}${m.goal.eventType ? ` ${m.goal.eventType}` : ''}${m.goal.category ? ` ${m.goal.category}` : ''} ≥ ${fmtNumber(m.goal.target)}${m.goal.withinDays ? `, ${m.goal.withinDays} ${T('unit.days')}` : ''}`],
    ['ms.points', (m) => fmtNumber(m.rewardPoints), 'num'], ['ms.until', (m) => fmtDate(m.activeUntil)],
    ['col.status', (m) => h('span', { class: 'badge', text: T(m.status === 'ACTIVE' ? 'st.active' : 'st.ended') })],
    ['col.actions', (m) => (m.status === 'ACTIVE' ? h('button', { type: 'button', class: 'secondary', 'aria-label': `${T('ms.end')}: ${m.name}`, text: T('ms.end'), onclick: async () => {
      try { await api('DELETE', `/missions/${encodeURIComponent(m.missionId)}`); go(location.hash, T('act.saved')); } catch (e) { say(e.message); }
    } }) : '')]], missions.items, 'missions')), panel('ms.new', form));
}

const EVENT_TYPES = ['CUSTOMER_ENROLLED', 'PURCHASE_RECORDED', 'COUPON_REDEEMED', 'MISSION_COMPLETED', 'REFERRAL_COMPLETED', 'TIER_CHANGED', 'APP_INSTALLED', 'PROFILE_COMPLETED'];
function eventTypes() { return h('datalist', { id: 'event-types' }, ...EVENT_TYPES.map((e) => h('option', { value: e }))); }

async function rulesPage(main, id) {
  if (id) { await ruleDetail(main, id); return; }
  const rules = await api('GET', '/rules');
  if (main !== currentView) return;
  main.append(h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/programme/rules/new', id: 'rule-new', text: T('rule.new') })),
    panel('prog.rules', table([
      ['col.name', (r) => h('a', { href: `#/programme/rules/${encodeURIComponent(r.ruleId)}`, text: r.name })], ['rule.on', (r) => r.on],
      ['rule.actions', (r) => r.actions.map((a) => T(`act.${a.type}`)).join(', ')], ['rule.version', (r) => r.version, 'num'],
      ['col.status', (r) => h('span', { class: 'badge', text: T(`st.${r.status.toLowerCase()}`) })]], rules.items, 'rules')));
}

async function ruleDetail(main, id) {
  const isNew = id === 'new';
  const [rule, templates, missions, segments] = await Promise.all([
    isNew ? null : api('GET', `/rules/${encodeURIComponent(id)}`), api('GET', '/coupon-templates'), api('GET', '/missions'), api('GET', '/segments')]);
  if (main !== currentView) return;
  const r = rule || { name: '', on: 'PURCHASE_RECORDED', conditions: {}, actions: [{ type: 'AWARD_POINTS', points: 10 }] };
  const c = r.conditions || {};
  const name = inp('rule-name', 'name', { value: r.name, required: true, maxlength: '200' });
  const on = inp('rule-on', 'on', { value: r.on, list: 'event-types', size: '28' });
  const minAmount = inp('rule-min', 'conditions.minAmount', { type: 'number', step: '0.01', value: euros(c.minAmount) });
  const categories = inp('rule-categories', 'conditions.categories', { value: (c.categories || []).join(', ') });
  const stores = inp('rule-stores', 'conditions.storeIds', { value: (c.storeIds || []).join(', ') });
  const consents = checks('rule-consent', 'conditions.consents', 'rule.consents', ['MARKETING_EMAIL', 'MARKETING_SMS', 'MARKETING_PUSH', 'PROFILING'].map((x) => [x, T(`consent.${x}`)]), c.consents || []);
  const segs = checks('rule-seg', 'conditions.segments', 'rule.segments', segments.items.map((s) => [s.segmentId, s.name]), c.segments || []);
  const once = check('rule-once', 'conditions.oncePerCustomer', 'rule.once', c.oncePerCustomer);
  const actionsBox = h('div', { id: 'rule-actions' });
  const addAction = (a = { type: 'AWARD_POINTS' }) => {
    const i = actionsBox.children.length;
    const f = (k) => `actions[${i}].${k}`;
    const type = sel(`ra-type-${i}`, f('type'), ['AWARD_POINTS', 'ISSUE_COUPON', 'SEND_MESSAGE', 'ADVANCE_MISSION'].map((x) => [x, T(`act.${x}`)]), a.type);
    const points = inp(`ra-points-${i}`, f('points'), { type: 'number', step: '1', value: a.points });
    const template = sel(`ra-template-${i}`, f('templateId'), [['', T('act.choose')], ...templates.items.map((x) => [x.templateId, x.name])], a.templateId);
    const channel = sel(`ra-channel-${i}`, f('channel'), [['', T('rule.preferred')], 'SMS', 'EMAIL', 'PUSH', 'PRINT_AT_TILL', 'STAFF_CALL'], a.channel);
    const message = h('textarea', { id: `ra-text-${i}`, name: f('template'), 'data-field': f('template'), rows: '2' });
    message.value = a.template || '';
    const transactional = check(`ra-tx-${i}`, f('transactional'), 'rule.transactional', a.transactional);
    const mission = sel(`ra-mission-${i}`, f('missionId'), [['', T('act.choose')], ...missions.items.map((m) => [m.missionId, m.name])], a.missionId);
    const parts = { AWARD_POINTS: [fld(`ra-points-${i}`, 'col.points', points)], ISSUE_COUPON: [fld(`ra-template-${i}`, 'rw.template', template)],
      SEND_MESSAGE: [fld(`ra-channel-${i}`, 'col.channel', channel), fld(`ra-text-${i}`, 'rule.text', message, 'tpl.placeholders'), transactional],
      ADVANCE_MISSION: [fld(`ra-mission-${i}`, 'rule.mission', mission)] };
    const box = h('fieldset', { class: 'action grid-form', 'data-index': i }, h('legend', { text: `${T('rule.action')} ${i + 1}` }), fld(`ra-type-${i}`, 'col.type', type));
    const shown = h('div', { class: 'span grid-form' });
    const show = () => shown.replaceChildren(...parts[type.value]);
    type.addEventListener('change', show); show();
    box.append(shown);
    box.read = () => ({ type: type.value, points: type.value === 'AWARD_POINTS' ? num(points) : null, templateId: type.value === 'ISSUE_COUPON' ? template.value : null,
      channel: type.value === 'SEND_MESSAGE' ? (channel.value || null) : null, template: type.value === 'SEND_MESSAGE' ? message.value : null,
      transactional: type.value === 'SEND_MESSAGE' ? transactional.querySelector('input').checked : null, missionId: type.value === 'ADVANCE_MISSION' ? mission.value : null });
    actionsBox.append(box);
  };
  r.actions.forEach(addAction);
  const form = submitting(h('form', { id: 'rule-form', novalidate: true },
    h('div', { class: 'grid-form' }, fld('rule-name', 'col.name', name), fld('rule-on', 'rule.on', on), eventTypes()),
    h('h3', { text: T('rule.conditions') }),
    h('div', { class: 'grid-form' }, fld('rule-min', 'rule.minAmount', minAmount), fld('rule-categories', 'rule.categories', categories, 'hint.commas'),
      fld('rule-stores', 'rule.stores', stores, 'hint.commas'), consents, segments.items.length ? segs : null, once),
    h('h3', { text: T('rule.actions') }), actionsBox,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', text: T('rule.addAction'), onclick: () => addAction() }),
      h('button', { type: 'submit', id: 'rule-submit', text: T(isNew ? 'act.create' : 'act.save') }))), async () => {
    const body = { name: name.value, on: on.value, conditions: { minAmount: cents(minAmount), categories: list(categories), storeIds: list(stores), consents: checked(consents),
      segments: checked(segs), oncePerCustomer: once.querySelector('input').checked }, actions: [...actionsBox.children].map((b) => b.read()) };
    if (isNew) {
      const created = await api('POST', '/rules', body);
      go(`#/programme/rules/${encodeURIComponent(created.ruleId)}`, T('act.saved'));
    } else {
      await api('PUT', `/rules/${encodeURIComponent(id)}`, body);
      go(location.hash, T('act.saved'));
    }
  });
  main.append(h('p', {}, h('a', { href: '#/programme/rules', text: `← ${T('prog.rules')}` })), h('h2', { class: 'page-sub', text: isNew ? T('rule.new') : `${r.name} (${T(`st.${r.status.toLowerCase()}`)}, v${r.version})` }));
  if (!isNew) {
    const status = async (s) => { try { await api('PUT', `/rules/${encodeURIComponent(id)}/status`, { status: s }); go(location.hash, T('act.saved')); } catch (e) { say(e.message); } };
    main.append(h('div', { class: 'actions' },
      r.status === 'ACTIVE' ? h('button', { type: 'button', class: 'secondary', id: 'rule-pause', text: T('rule.pause'), onclick: () => status('PAUSED') }) : null,
      r.status === 'PAUSED' ? h('button', { type: 'button', class: 'secondary', id: 'rule-activate', text: T('rule.activate'), onclick: () => status('ACTIVE') }) : null,
      r.status !== 'ARCHIVED' ? h('button', { type: 'button', class: 'danger', id: 'rule-archive', text: T('rule.archive'), onclick: async () => {
        try { await api('DELETE', `/rules/${encodeURIComponent(id)}`); go('#/programme/rules', T('act.saved')); } catch (e) { say(e.message); }
      } }) : null));
  }
  main.append(panel(isNew ? 'rule.new' : 'rule.edit', form));
  if (isNew) return;
  const evaluations = await api('GET', `/rules/${encodeURIComponent(id)}/evaluations?limit=50`);
  const evalTable = (items, tid) => table([['col.at', (e) => fmtTime(e.evaluatedAt)], ['rule.event', (e) => `${e.eventType} ${fmtTime(e.eventOccurredAt)}`],
    ['col.customer', (e) => h('a', { href: `#/customers/${encodeURIComponent(e.customerId)}`, text: e.customerId.slice(0, 8) })],
    ['rule.outcome', (e) => h('span', { class: 'badge', text: e.outcome })], ['rule.reasons', (e) => e.reasons.join('; ')]], items, tid);
  const who = inp('why-customer', 'customerId', { size: '36' });
  const at = inp('why-at', 'at', { type: 'datetime-local' });
  const answer = h('div', { id: 'why-answer', 'aria-live': 'polite' });
  const why = submitting(h('form', { class: 'inline', id: 'why-form', novalidate: true },
    fld('why-customer', 'col.customer', who), fld('why-at', 'rule.whyAt', at),
    h('button', { type: 'submit', id: 'why-submit', text: T('rule.explain') })), async () => {
    const q = new URLSearchParams({ customerId: who.value.trim() });
    if (at.value) q.set('at', new Date(at.value).toISOString());
    const e = await api('GET', `/rules/${encodeURIComponent(id)}/explanation?${q}`);
    answer.replaceChildren(h('p', { class: 'summary', text: e.summary }), evalTable(e.evaluations, 'why-evaluations'));
  });
  main.append(panel('rule.why', why, answer), panel('rule.evaluations', evalTable(evaluations.items, 'evaluations')));
}

async function templatesPage(main) {
  const templates = await api('GET', '/message-templates');
  if (main !== currentView) return;
  const name = inp('tpl-name', 'name', { required: true, list: 'template-names' });
  const language = sel('tpl-language', 'language', [['it', 'Italiano'], ['en', 'English']]);
  const subject = inp('tpl-subject', 'subject', { size: '60' });
  const body = h('textarea', { id: 'tpl-body', name: 'body', 'data-field': 'body', 'data-alias': 'template', rows: '6' });
  const preview = h('div', { id: 'tpl-preview', class: 'preview', 'aria-live': 'polite' });
  const load = (t) => { name.value = t.name; language.value = t.language; subject.value = t.subject || ''; body.value = t.body; render(); name.focus(); };
  let timer = null;
  const render = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!body.value.trim()) { preview.replaceChildren(h('p', { class: 'muted', text: T('tpl.previewEmpty') })); return; }
      try {
        const p = await api('POST', '/message-templates/preview', { subject: text(subject), body: body.value, values: {} });
        preview.replaceChildren(p.subject ? h('p', {}, h('strong', { text: p.subject })) : null, h('p', { class: 'preview-text', text: p.text }));
        clearProblems(form);
      } catch (e) { if (e instanceof ProblemError) showProblem(form, e); }
    }, 300);
  };
  [name, subject, body].forEach((x) => x.addEventListener('input', render));
  const form = submitting(h('form', { id: 'tpl-form', novalidate: true },
    h('div', { class: 'grid-form' }, fld('tpl-name', 'tpl.name', name, 'tpl.nameHint'), fld('tpl-language', 'language', language), fld('tpl-subject', 'tpl.subject', subject)),
    fld('tpl-body', 'tpl.body', body, 'tpl.placeholders'),
    h('datalist', { id: 'template-names' }, ...[...new Set(templates.map((t) => t.name))].map((n) => h('option', { value: n }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'tpl-submit', text: T('act.save') }))), async () => {
    await api('PUT', `/message-templates/${encodeURIComponent(name.value.trim())}/${encodeURIComponent(language.value)}`, { subject: text(subject), body: body.value });
    go(location.hash, T('act.saved'));
  });
  main.append(panel('prog.templates', table([
    ['tpl.name', (t) => t.name], ['language', (t) => t.language], ['tpl.subject', (t) => t.subject], ['tpl.body', (t) => (t.body.length > 80 ? `${t.body.slice(0, 80)}…` : t.body)],
    ['col.actions', (t) => h('button', { type: 'button', class: 'secondary', 'aria-label': `${T('act.edit')} ${t.name} ${t.language}`, text: T('act.edit'), onclick: () => load(t) })]], templates, 'message-templates')),
  h('div', { class: 'grid2' }, panel('tpl.edit', form), panel('tpl.preview', preview)));
  render();
}

async function referralPage(main) {
  const p = await api('GET', '/referral-programme');
  if (main !== currentView) return;
  const referrer = inp('ref-referrer', 'referrerPoints', { type: 'number', step: '1', value: p.referrerPoints });
  const referred = inp('ref-referred', 'referredPoints', { type: 'number', step: '1', value: p.referredPoints });
  const min = inp('ref-min', 'minPurchase', { type: 'number', step: '0.01', value: euros(p.minPurchase) });
  const cap = inp('ref-cap', 'monthlyCap', { type: 'number', step: '1', value: p.monthlyCap });
  const form = submitting(h('form', { id: 'ref-form', class: 'grid-form', novalidate: true },
    fld('ref-referrer', 'ref.referrer', referrer), fld('ref-referred', 'ref.referred', referred), fld('ref-min', 'ref.min', min), fld('ref-cap', 'ref.cap', cap),
    h('div', { class: 'actions span' }, h('button', { type: 'submit', id: 'ref-submit', text: T('act.save') }))), async () => {
    await api('PUT', '/referral-programme', { referrerPoints: num(referrer), referredPoints: num(referred), minPurchase: cents(min), monthlyCap: num(cap) });
    go(location.hash, T('act.saved'));
  });
  main.append(panel('prog.referral', h('p', { class: 'muted', text: T('ref.help') }), form));
}

// ---- segments ----
async function segmentsPage(id) {
  const main = currentView;
  document.title = `${T('seg.title')} - ${T('brand')}`;
  if (id) { await segmentDetail(main, id); return; }
  const segments = await api('GET', '/segments');
  if (main !== currentView) return;
  main.append(h('h1', { text: T('seg.title') }), h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/segments/new', id: 'segment-new', text: T('seg.new') })),
    panel('seg.saved', table([
      ['col.name', (s) => h('a', { href: `#/segments/${encodeURIComponent(s.segmentId)}`, text: s.name })],
      ['seg.count', (s) => (s.count === null || s.count === undefined ? '' : fmtNumber(s.count)), 'num'], ['seg.evaluated', (s) => fmtTime(s.evaluatedAt)], ['rule.version', (s) => s.version, 'num']],
    segments.items, 'segments')));
}

const METRICS = ['recencyDays', 'frequency', 'monetary', 'averageBasket', 'lifetimeValue', 'rfm.r', 'rfm.f', 'rfm.m', 'engagement', 'visitsPerMonth'];
const CENT_METRICS = ['monetary', 'averageBasket', 'lifetimeValue'];
const KINDS = ['metric', 'bought', 'consent', 'channel', 'tier', 'city', 'json'];

/** One line of the builder: a condition node of a kind, read back as the API's JSON. */
function conditionRow(idx, node, tiers) {
  const id = (k) => `cond-${idx}-${k}`;
  const parsed = parseNode(node);
  const kind = sel(id('kind'), 'kind', KINDS.map((k) => [k, T(`cond.${k}`)]), parsed.kind);
  const not = check(id('not'), 'not', 'cond.not', parsed.not);
  const parts = h('div', { class: 'cond-parts' });
  const row = h('fieldset', { class: 'cond', 'data-path': '' }, h('legend', { class: 'visually-hidden', text: `${T('seg.condition')} ${idx + 1}` }));
  const p = parsed;
  const metric = sel(id('metric'), 'metric', [...METRICS.map((m) => [m, T(`metric.${m}`)]), ['categoryShare', T('metric.categoryShare')]], p.metric);
  const shareOf = inp(id('share'), 'categoryShare', { value: p.shareOf, size: '12' });
  const op = sel(id('op'), 'op', [['gte', '≥'], ['lte', '≤'], ['gt', '>'], ['lt', '<'], ['eq', '=']], p.op);
  const value = inp(id('value'), 'value', { type: 'number', step: 'any', value: p.value, size: '8' });
  const category = inp(id('category'), 'category', { value: p.category, size: '14' });
  const days = inp(id('days'), 'days', { type: 'number', step: '1', min: '0', value: p.days, size: '5' });
  const consent = sel(id('consent'), 'consent', ['MARKETING_SMS', 'MARKETING_EMAIL', 'MARKETING_PUSH', 'PROFILING'].map((x) => [x, T(`consent.${x}`)]), p.consent);
  const channel = sel(id('channel'), 'channel', [['STORE', T('ct.store')], ['APP', 'App'], ['WEB', 'Web']], p.channel);
  const tier = sel(id('tier'), 'tier', tiers.length ? tiers : [''], p.tier);
  const city = inp(id('city'), 'city', { value: p.city, size: '14' });
  const raw = h('textarea', { id: id('json'), 'data-field': 'json', rows: '3' });
  raw.value = p.json || '';
  const byKind = {
    metric: [fld(id('metric'), 'cond.metric', metric), fld(id('share'), 'cond.shareOf', shareOf), fld(id('op'), 'cond.op', op), fld(id('value'), 'cond.value', value)],
    bought: [fld(id('category'), 'cond.category', category), fld(id('days'), 'cond.withinDays', days, 'cond.withinDaysHint')],
    consent: [fld(id('consent'), 'cond.consent', consent)], channel: [fld(id('channel'), 'cond.channel', channel)],
    tier: [fld(id('tier'), 'cond.tier', tier)], city: [fld(id('city'), 'cond.city', city)], json: [fld(id('json'), 'cond.json', raw)],
  };
  const show = () => {
    parts.replaceChildren(...byKind[kind.value]);
    shareOf.closest('.field').hidden = metric.value !== 'categoryShare';
    const unit = CENT_METRICS.includes(metric.value) ? T('cond.inEuro') : '';
    value.previousSibling.textContent = `${T('cond.value')}${unit ? ` (${unit})` : ''}`;
  };
  kind.addEventListener('change', show); metric.addEventListener('change', show);
  const remove = h('button', { type: 'button', class: 'secondary', 'aria-label': `${T('cond.remove')} ${idx + 1}`, text: '✕', onclick: () => { row.remove(); row.dispatchEvent(new Event('input', { bubbles: true })); } });
  row.append(fld(id('kind'), 'cond.kind', kind), parts, not, remove);
  show();
  row.read = () => {
    let n;
    switch (kind.value) {
      case 'metric': {
        const m = metric.value === 'categoryShare' ? `categoryShare:${shareOf.value.trim()}` : metric.value;
        let v = num(value);
        if (v !== null && CENT_METRICS.includes(metric.value)) v = Math.round(v * 100);
        n = { metric: m, op: op.value, value: v };
        break;
      }
      case 'bought': n = { bought: { category: category.value.trim(), ...(days.value !== '' ? { betweenDaysAgo: [0, num(days)] } : {}) } }; break;
      case 'consent': n = { consent: consent.value }; break;
      case 'channel': n = { attribute: 'enrolmentChannel', eq: channel.value }; break;
      case 'tier': n = { tier: tier.value }; break;
      case 'city': n = { attribute: 'city', eq: city.value.trim() }; break;
      default: try { n = JSON.parse(raw.value || 'null'); } catch (e) { n = raw.value; }
    }
    return not.querySelector('input').checked ? { not: n } : n;
  };
  return row;
}

/** The builder's view of a node; what it cannot show as a line stays JSON. */
function parseNode(node) {
  const d = { kind: 'metric', metric: 'recencyDays', op: 'lte', not: false };
  if (!node) return d;
  let n = node;
  let not = false;
  if (n.not && Object.keys(n).length === 1) { not = true; n = n.not; }
  const keys = Object.keys(n);
  const one = (k) => keys.length === 1 && keys[0] === k;
  if (keys.includes('metric') && typeof n.value === 'number' && n.op !== 'between') {
    const share = String(n.metric).startsWith('categoryShare:');
    return { kind: 'metric', not, metric: share ? 'categoryShare' : n.metric, shareOf: share ? n.metric.slice(14) : '', op: n.op,
      value: CENT_METRICS.includes(n.metric) ? n.value / 100 : n.value };
  }
  if (one('bought') && n.bought.category && !n.bought.notSince && (!n.bought.betweenDaysAgo || n.bought.betweenDaysAgo[0] === 0)) {
    return { kind: 'bought', not, category: n.bought.category, days: n.bought.betweenDaysAgo ? n.bought.betweenDaysAgo[1] : '' };
  }
  if (one('consent')) return { kind: 'consent', not, consent: n.consent };
  if (one('tier')) return { kind: 'tier', not, tier: n.tier };
  if (n.attribute === 'enrolmentChannel' && n.eq) return { kind: 'channel', not, channel: n.eq };
  if (n.attribute === 'city' && n.eq) return { kind: 'city', not, city: n.eq };
  return { kind: 'json', not: false, json: JSON.stringify(node) };
}

async function segmentDetail(main, id) {
  const isNew = id === 'new';
  const [segment, tiers] = await Promise.all([isNew ? null : api('GET', `/segments/${encodeURIComponent(id)}`), tierNames()]);
  if (main !== currentView) return;
  const cond = segment ? segment.condition : { all: [{ metric: 'recencyDays', op: 'lte', value: 60 }] };
  const top = cond.all || cond.any ? cond : { all: [cond] };
  const name = inp('seg-name', 'name', { value: segment ? segment.name : '', required: true, maxlength: '200' });
  const join = sel('seg-join', 'join', [['all', T('seg.all')], ['any', T('seg.any')]], top.any ? 'any' : 'all');
  const rows = h('div', { id: 'conditions', 'data-path': '$' });
  let n = 0;
  const add = (node) => { rows.append(conditionRow(n++, node, tiers)); };
  (top.all || top.any).forEach(add);
  const count = h('output', { id: 'seg-count', 'aria-live': 'polite', for: 'conditions' });
  const sample = h('div', { id: 'seg-sample' });
  const condition = () => {
    const nodes = [...rows.children].map((r, i) => { r.dataset.path = `$.${join.value}[${i}]`; return r.read(); });
    return { [join.value]: nodes };
  };
  let timer = null;
  let asked = 0;
  let previewFailed = false;
  const preview = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      // the last count stays shown, marked busy, until the new one comes
      count.setAttribute('aria-busy', 'true');
      if (!count.textContent) count.textContent = T('seg.counting');
      try {
        const p = await api('POST', '/segments/preview', { condition: condition() });
        if (mine !== asked) return;
        count.removeAttribute('aria-busy');
        clearProblems(form);
        // clear only the alert a bad condition raised, never the page's own message (saved, snapshot taken)
        if (previewFailed) { say(''); previewFailed = false; }
        count.textContent = `${fmtNumber(p.count)} ${T('seg.customers')}`;
        sample.replaceChildren(table([['col.name', (m) => h('a', { href: `#/customers/${encodeURIComponent(m.customerId)}`, text: `${m.firstName || ''} ${m.lastName || ''}`.trim() || m.customerId })],
          ['c360.card', (m) => m.cardNumber], ['c360.enrolled', (m) => fmtDate(m.enrolledAt)]], p.sample, 'seg-sample-table'));
      } catch (e) {
        if (mine !== asked) return;
        count.removeAttribute('aria-busy');
        count.textContent = T('seg.noCount');
        sample.replaceChildren();
        previewFailed = true;
        if (e instanceof ProblemError) showProblem(form, e); else throw e;
      }
    }, 350);
  };
  const form = submitting(h('form', { id: 'seg-form', novalidate: true },
    h('div', { class: 'grid-form' }, fld('seg-name', 'col.name', name), fld('seg-join', 'seg.join', join)),
    rows,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'cond-add', text: T('cond.add'), onclick: () => { add({ consent: 'MARKETING_SMS' }); preview(); rows.lastChild.querySelector('select').focus(); } }),
      h('button', { type: 'submit', id: 'seg-submit', text: T('act.save') }))), async () => {
    const body = { name: name.value, condition: condition() };
    if (isNew) {
      const created = await api('POST', '/segments', body);
      go(`#/segments/${encodeURIComponent(created.segmentId)}`, T('act.saved'));
    } else {
      await api('PUT', `/segments/${encodeURIComponent(id)}`, body);
      go(location.hash, T('act.saved'));
    }
  });
  form.addEventListener('input', (ev) => { if (ev.target !== name) preview(); });
  form.addEventListener('change', (ev) => { if (ev.target !== name) preview(); });
  main.append(h('h1', { text: segment ? segment.name : T('seg.new') }), h('p', {}, h('a', { href: '#/segments', text: `← ${T('seg.title')}` })),
    h('div', { class: 'grid-seg' }, panel('seg.builder', form), panel('seg.audience', h('p', { class: 'count' }, count), sample)));
  preview();
  if (isNew) return;
  const [snapshots, members] = await Promise.all([api('GET', `/segments/${encodeURIComponent(id)}/snapshots`), api('GET', `/segments/${encodeURIComponent(id)}/members?limit=50`)]);
  if (main !== currentView) return;
  const memberRows = (items) => items.map((m) => h('tr', {},
    h('td', {}, h('a', { href: `#/customers/${encodeURIComponent(m.customerId)}`, text: `${m.firstName || ''} ${m.lastName || ''}`.trim() || m.customerId })),
    h('td', { text: m.cardNumber }), h('td', { text: fmtDate(m.enrolledAt) })));
  const body = h('tbody', {}, ...memberRows(members.items));
  const more = (next) => (next ? h('button', { type: 'button', class: 'secondary', id: 'members-more', text: T('cust.more'), onclick: async (ev) => {
    const page = await api('GET', `/segments/${encodeURIComponent(id)}/members?limit=50&after=${encodeURIComponent(next)}`);
    body.append(...memberRows(page.items)); ev.target.replaceWith(more(page.next) || '');
  } }) : null);
  main.append(h('div', { class: 'grid2' },
    panel('seg.snapshots', h('div', { class: 'actions' }, h('button', { type: 'button', id: 'seg-snapshot', text: T('seg.takeSnapshot'), onclick: async () => {
      try { const s = await api('POST', `/segments/${encodeURIComponent(id)}/snapshots`); go(location.hash, `${T('seg.snapshotTaken')} ${fmtNumber(s.members)}`); } catch (e) { say(e.message); }
    } })), table([['col.at', (s) => fmtTime(s.takenAt)], ['seg.members', (s) => fmtNumber(s.members), 'num']], snapshots.items, 'snapshots')),
    panel('seg.members', members.items.length ? h('table', { id: 'members' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: T('col.name') }), h('th', { scope: 'col', text: T('c360.card') }), h('th', { scope: 'col', text: T('c360.enrolled') }))), body) : h('p', { class: 'muted', text: T('empty') }),
      more(members.next))));
}

// ---- campaigns ----
const CAMPAIGN_TYPES = ['CALENDAR', 'PERSONAL_OFFER', 'REPLENISHMENT', 'FOLLOW_UP'];
const MESSAGE_CHANNELS = ['SMS', 'EMAIL', 'PUSH', 'PRINT_AT_TILL', 'STAFF_CALL'];
const campaignHref = (id, ...rest) => `#/campaigns/${[id, ...rest].map(encodeURIComponent).join('/')}`;
/** An ISO instant as a datetime-local value in the browser's zone, and back. */
const localInput = (iso) => { if (!iso) return ''; const d = new Date(iso); return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); };
const instantOf = (input) => (input.value ? new Date(input.value).toISOString().replace('.000Z', 'Z') : null);
const pct = (r) => (r === null || r === undefined ? '–' : `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(r * 100)} %`);
const moneyOrDash = (c) => (c === null || c === undefined ? '–' : fmtMoney(c));

async function campaignsPage(id, rest) {
  const main = currentView;
  document.title = `${T('camp.title')} - ${T('brand')}`;
  if (id === 'new') { await campaignForm(main, null); return; }
  if (id && rest[0] === 'results') { await campaignResults(main, id); return; }
  if (id) { await campaignDetail(main, id, rest[0] === 'runs' ? rest[1] : null); return; }
  const campaigns = await api('GET', '/campaigns');
  if (main !== currentView) return;
  main.append(h('h1', { text: T('camp.title') }), h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/campaigns/new', id: 'campaign-new', text: T('camp.new') })),
    panel('camp.list', table([
      ['col.name', (c) => h('a', { href: campaignHref(c.id), text: c.name })], ['col.type', (c) => T(`camp.type.${c.type}`)],
      ['col.status', (c) => h('span', { class: `badge st-${c.status.toLowerCase()}`, text: T(`camp.st.${c.status}`) })],
      ['camp.nextRun', (c) => fmtTime(c.nextRunAt)], ['camp.launched', (c) => fmtTime(c.launchedAt)],
      ['col.actions', (c) => h('a', { href: campaignHref(c.id, 'results'), 'aria-label': `${T('camp.results')}: ${c.name}`, text: T('camp.results') })]],
    campaigns.items, 'campaigns')));
}

/** A field wrapped with the JSON path the API names in its campaign-invalid problems. */
function pfld(path, id, key, input, hintKey) {
  const f = fld(id, key, input, hintKey);
  f.dataset.path = path;
  return f;
}
function section(key, id, ...content) {
  return h('fieldset', { class: 'camp-part', id }, h('legend', { text: T(key) }), h('div', { class: 'grid-form' }, ...content));
}

/** The campaign form: a new draft (maybe a follow-up pre-filled from the query) or a draft's edit. */
async function campaignForm(main, campaign, into) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const [segments, templates, campaigns, tiers] = await Promise.all([api('GET', '/segments'), api('GET', '/coupon-templates'), api('GET', '/campaigns'), tierNames()]);
  if (main !== currentView) return;
  let d = campaign ? campaign.definition : { type: 'CALENDAR', holdoutPercent: 10, attributionDays: 14 };
  const followOf = params.get('followUp');
  if (!campaign && followOf) {
    const earlier = campaigns.items.find((c) => c.id === followOf);
    const e = earlier ? earlier.definition : {};
    d = { name: `${T('camp.followUpOf')} ${earlier ? earlier.name : ''}`.trim(), type: 'FOLLOW_UP', followUp: { campaignId: followOf, group: params.get('group') || 'NON_RESPONDERS' },
      holdoutPercent: e.holdoutPercent ?? 10, attributionDays: e.attributionDays ?? 14,
      offer: e.offer && !e.offer.personal ? e.offer : undefined, message: e.message };
  }
  const offerKind = !d.offer ? 'none' : d.offer.personal ? 'personal' : d.offer.points !== undefined ? 'points' : 'coupon';
  const scheduleKind = d.schedule ? (d.schedule.daily ? 'daily' : d.schedule.cron ? 'cron' : 'at') : 'none';
  const personal = (d.offer && d.offer.personal) || {};

  const name = inp('camp-name', 'name', { value: d.name || '', required: true, maxlength: '200' });
  const objective = inp('camp-objective', 'objective', { value: d.objective || '', maxlength: '1000' });
  const type = sel('camp-type', 'type', CAMPAIGN_TYPES.map((x) => [x, T(`camp.type.${x}`)]), d.type);
  const holdout = inp('camp-holdout', 'holdoutPercent', { type: 'number', min: '0', max: '50', step: '1', value: d.holdoutPercent ?? '' });
  const attribution = inp('camp-attribution', 'attributionDays', { type: 'number', min: '1', max: '365', step: '1', value: d.attributionDays ?? '' });
  // audience: a saved segment (frozen in a snapshot at each run) or a condition of its own
  const aud = d.audience || {};
  const audienceKind = sel('camp-audience', 'audienceKind', [['segment', T('camp.aud.segment')], ['condition', T('camp.aud.condition')]], aud.condition ? 'condition' : 'segment');
  const segment = sel('camp-segment', 'segmentId', [['', T('act.choose')], ...segments.items.map((s) => [s.segmentId, `${s.name}${s.count !== null && s.count !== undefined ? ` (${fmtNumber(s.count)})` : ''}`])], aud.segmentId);
  const cond = aud.condition || { all: [{ consent: 'MARKETING_SMS' }] };
  const top = cond.all || cond.any ? cond : { all: [cond] };
  const join = sel('camp-join', 'join', [['all', T('seg.all')], ['any', T('seg.any')]], top.any ? 'any' : 'all');
  const rows = h('div', { id: 'conditions', 'data-path': '$.audience.condition' });
  let n = 0;
  const addRow = (node) => { rows.append(conditionRow(n++, node, tiers)); };
  (top.all || top.any).forEach(addRow);
  const condBox = h('div', { class: 'span', id: 'camp-condition' }, fld('camp-join', 'seg.join', join), rows,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'cond-add', text: T('cond.add'), onclick: () => { addRow({ consent: 'MARKETING_SMS' }); rows.lastChild.querySelector('select').focus(); } })));
  const audience = section('camp.audience', 'camp-audience-part', pfld('$.audience', 'camp-audience', 'camp.aud.kind', audienceKind),
    pfld('$.audience.segmentId', 'camp-segment', 'camp.aud.segment', segment, 'camp.aud.segmentHint'), condBox);
  // replenishment and follow-up: where the targets come from for those types
  const rep = d.replenishment || {};
  const skus = inp('camp-skus', 'skus', { value: (rep.skus || []).join(', ') });
  const categories = inp('camp-categories', 'categories', { value: (rep.categories || []).join(', ') });
  const lead = inp('camp-lead', 'leadDays', { type: 'number', min: '0', step: '1', value: rep.leadDays ?? 7 });
  const propose = sel('camp-propose', 'propose', [['SAME', T('camp.rep.SAME')], ['CROSS_SELL', T('camp.rep.CROSS_SELL')]], rep.propose);
  const replenishment = section('camp.replenishment', 'camp-replenishment-part', pfld('$.replenishment.skus', 'camp-skus', 'camp.rep.skus', skus, 'hint.commas'),
    pfld('$.replenishment.categories', 'camp-categories', 'camp.rep.categories', categories, 'hint.commas'),
    pfld('$.replenishment.leadDays', 'camp-lead', 'camp.rep.lead', lead, 'camp.rep.leadHint'), pfld('$.replenishment.propose', 'camp-propose', 'camp.rep.propose', propose));
  const fu = d.followUp || {};
  const earlier = sel('camp-earlier', 'campaignId', [['', T('act.choose')], ...campaigns.items.filter((c) => !campaign || c.id !== campaign.id).map((c) => [c.id, c.name])], fu.campaignId);
  const group = sel('camp-group', 'group', [['NON_RESPONDERS', T('camp.fu.NON_RESPONDERS')], ['RESPONDERS', T('camp.fu.RESPONDERS')]], fu.group);
  const followUp = section('camp.followUp', 'camp-followup-part', pfld('$.followUp.campaignId', 'camp-earlier', 'camp.fu.campaign', earlier), pfld('$.followUp.group', 'camp-group', 'camp.fu.group', group));
  // the offer
  const offer = sel('camp-offer', 'offerKind', [['none', T('camp.offer.none')], ['coupon', T('camp.offer.coupon')], ['points', T('camp.offer.points')], ['personal', T('camp.offer.personal')]], offerKind);
  const template = sel('camp-template', 'templateId', [['', T('act.choose')], ...templates.items.map((x) => [x.templateId, `${x.name} (${discountText(x.discount)})`])], d.offer && d.offer.templateId);
  const points = inp('camp-points', 'points', { type: 'number', min: '1', step: '1', value: d.offer && d.offer.points !== undefined ? d.offer.points : '' });
  const valueBy = sel('camp-valueby', 'valueBy', [['percent', T('camp.pers.byPercent')], ['cents', T('camp.pers.byAmount')]], personal.valueCents !== undefined ? 'cents' : 'percent');
  const valuePercent = inp('camp-vpercent', 'valuePercentOfAverageBasket', { type: 'number', step: 'any', min: '0', max: '100', value: personal.valuePercentOfAverageBasket ?? '' });
  const valueCents = inp('camp-vcents', 'valueCents', { type: 'number', step: '0.01', min: '0', value: euros(personal.valueCents) });
  const multiple = inp('camp-multiple', 'minSpendMultipleOfAverageBasket', { type: 'number', step: 'any', min: '0', value: personal.minSpendMultipleOfAverageBasket ?? '' });
  const roundTo = inp('camp-round', 'roundTo', { type: 'number', step: '0.01', min: '0', value: euros(personal.roundTo) });
  const min = inp('camp-min', 'min', { type: 'number', step: '0.01', min: '0', value: euros(personal.min) });
  const max = inp('camp-max', 'max', { type: 'number', step: '0.01', min: '0', value: euros(personal.max) });
  const pCategory = inp('camp-pcategory', 'category', { value: personal.category || '' });
  const P = '$.offer.personal';
  const personalBox = h('div', { class: 'grid-form span', id: 'camp-personal', 'data-path': P },
    fld('camp-valueby', 'camp.pers.valueBy', valueBy), pfld(`${P}.valuePercentOfAverageBasket`, 'camp-vpercent', 'camp.pers.percent', valuePercent),
    pfld(`${P}.valueCents`, 'camp-vcents', 'camp.pers.amount', valueCents), pfld(`${P}.minSpendMultipleOfAverageBasket`, 'camp-multiple', 'camp.pers.multiple', multiple, 'camp.pers.multipleHint'),
    pfld(`${P}.roundTo`, 'camp-round', 'camp.pers.roundTo', roundTo), pfld(`${P}.min`, 'camp-min', 'camp.pers.min', min), pfld(`${P}.max`, 'camp-max', 'camp.pers.max', max),
    pfld(`${P}.category`, 'camp-pcategory', 'camp.pers.category', pCategory));
  const offerPart = section('camp.offer', 'camp-offer-part', pfld('$.offer', 'camp-offer', 'camp.offer.kind', offer),
    pfld('$.offer.templateId', 'camp-template', 'camp.offer.template', template), pfld('$.offer.points', 'camp-points', 'camp.offer.pointsN', points), personalBox);
  // the message
  const m = d.message || null;
  const sendMessage = check('camp-send', 'sendMessage', 'camp.msg.send', !!m);
  const channel = sel('camp-channel', 'channel', [['', T('camp.msg.preferred')], ...MESSAGE_CHANNELS.map((c) => [c, c])], m && m.channel);
  const body = h('textarea', { id: 'camp-body', name: 'template', 'data-field': 'template', rows: '3', maxlength: '2000', 'aria-describedby': 'camp-body-hint' });
  body.value = (m && m.template) || '';
  const priority = inp('camp-priority', 'priority', { type: 'number', min: '0', max: '100', step: '1', value: (m && m.priority) ?? '' });
  const messageFields = h('div', { class: 'grid-form span', id: 'camp-message' }, pfld('$.message.channel', 'camp-channel', 'camp.msg.channel', channel),
    pfld('$.message.priority', 'camp-priority', 'camp.msg.priority', priority),
    h('div', { class: 'field span', 'data-path': '$.message.template' }, h('label', { for: 'camp-body', text: T('camp.msg.template') }), body,
      h('span', { class: 'muted small', id: 'camp-body-hint', text: T('camp.msg.hint') })));
  const messagePart = section('camp.message', 'camp-message-part', h('div', { class: 'span', 'data-path': '$.message' }, sendMessage), messageFields);
  // when
  const schedule = sel('camp-schedule', 'scheduleKind', [['none', T('camp.sch.none')], ['at', T('camp.sch.at')], ['daily', T('camp.sch.daily')], ['cron', T('camp.sch.cron')]], scheduleKind);
  const at = inp('camp-at', 'at', { type: 'datetime-local', value: localInput(d.schedule && d.schedule.at) });
  const daily = inp('camp-daily', 'daily', { type: 'time', value: (d.schedule && d.schedule.daily) || '09:00' });
  const cron = inp('camp-cron', 'cron', { value: (d.schedule && d.schedule.cron) || '0 9 * * MON', spellcheck: 'false', autocomplete: 'off' });
  const from = inp('camp-from', 'activeFrom', { type: 'datetime-local', value: localInput(d.activeFrom) });
  const until = inp('camp-until', 'activeUntil', { type: 'datetime-local', value: localInput(d.activeUntil) });
  const when = section('camp.when', 'camp-when-part', pfld('$.schedule', 'camp-schedule', 'camp.sch.kind', schedule), pfld('$.schedule.at', 'camp-at', 'camp.sch.atField', at),
    pfld('$.schedule.daily', 'camp-daily', 'camp.sch.dailyField', daily, 'camp.sch.dailyHint'), pfld('$.schedule.cron', 'camp-cron', 'camp.sch.cronField', cron, 'camp.sch.cronHint'), pfld('$.activeFrom', 'camp-from', 'camp.activeFrom', from), pfld('$.activeUntil', 'camp-until', 'camp.activeUntil', until));
  // budgets
  const b = d.budget || {};
  const maxCoupons = inp('camp-maxcoupons', 'maxCoupons', { type: 'number', min: '0', step: '1', value: b.maxCoupons ?? '' });
  const maxPoints = inp('camp-maxpoints', 'maxPoints', { type: 'number', min: '0', step: '1', value: b.maxPoints ?? '' });
  const maxDiscount = inp('camp-maxdiscount', 'maxDiscountCents', { type: 'number', min: '0', step: '0.01', value: euros(b.maxDiscountCents) });
  const budget = section('camp.budget', 'camp-budget-part', pfld('$.budget.maxCoupons', 'camp-maxcoupons', 'camp.bud.coupons', maxCoupons, 'camp.bud.hint'),
    pfld('$.budget.maxPoints', 'camp-maxpoints', 'camp.bud.points', maxPoints), pfld('$.budget.maxDiscountCents', 'camp-maxdiscount', 'camp.bud.discount', maxDiscount));

  const show = () => {
    const kind = type.value;
    audience.hidden = !(kind === 'CALENDAR' || kind === 'PERSONAL_OFFER');
    replenishment.hidden = kind !== 'REPLENISHMENT';
    followUp.hidden = kind !== 'FOLLOW_UP';
    segment.closest('.field').hidden = audienceKind.value !== 'segment';
    condBox.hidden = audienceKind.value !== 'condition';
    // a personal offer is what a PERSONAL_OFFER campaign offers, and only it
    [...offer.options].forEach((o) => { o.disabled = kind === 'PERSONAL_OFFER' ? o.value !== 'personal' : o.value === 'personal'; });
    if (offer.selectedOptions[0].disabled) offer.value = kind === 'PERSONAL_OFFER' ? 'personal' : 'coupon';
    template.closest('.field').hidden = !(offer.value === 'coupon' || offer.value === 'personal');
    points.closest('.field').hidden = offer.value !== 'points';
    personalBox.hidden = offer.value !== 'personal';
    valuePercent.closest('.field').hidden = valueBy.value !== 'percent';
    valueCents.closest('.field').hidden = valueBy.value !== 'cents';
    messageFields.hidden = !sendMessage.querySelector('input').checked;
    at.closest('.field').hidden = schedule.value !== 'at';
    daily.closest('.field').hidden = schedule.value !== 'daily';
    cron.closest('.field').hidden = schedule.value !== 'cron';
  };
  [type, audienceKind, offer, valueBy, schedule, sendMessage.querySelector('input')].forEach((x) => x.addEventListener('change', show));

  const definition = () => {
    const kind = type.value;
    const out = { name: name.value, type: kind };
    if (text(objective)) out.objective = text(objective);
    if (holdout.value !== '') out.holdoutPercent = num(holdout);
    if (attribution.value !== '') out.attributionDays = num(attribution);
    if (kind === 'CALENDAR' || kind === 'PERSONAL_OFFER') {
      if (audienceKind.value === 'segment') out.audience = { segmentId: segment.value || null };
      else out.audience = { condition: { [join.value]: [...rows.children].map((r, i) => { r.dataset.path = `$.audience.condition.${join.value}[${i}]`; return r.read(); }) } };
    }
    if (kind === 'REPLENISHMENT') {
      out.replenishment = { leadDays: num(lead), propose: propose.value };
      if (list(skus).length) out.replenishment.skus = list(skus);
      if (list(categories).length) out.replenishment.categories = list(categories);
    }
    if (kind === 'FOLLOW_UP') out.followUp = { campaignId: earlier.value || null, group: group.value };
    if (offer.value === 'coupon') out.offer = { templateId: template.value || null };
    else if (offer.value === 'points') out.offer = { points: num(points) };
    else if (offer.value === 'personal') {
      const p = {};
      if (valueBy.value === 'percent') p.valuePercentOfAverageBasket = num(valuePercent); else p.valueCents = cents(valueCents);
      if (multiple.value !== '') p.minSpendMultipleOfAverageBasket = num(multiple);
      if (roundTo.value !== '') p.roundTo = cents(roundTo);
      if (min.value !== '') p.min = cents(min);
      if (max.value !== '') p.max = cents(max);
      if (text(pCategory)) p.category = text(pCategory);
      out.offer = { templateId: template.value || null, personal: p };
    }
    if (sendMessage.querySelector('input').checked) {
      out.message = { template: body.value };
      if (channel.value) out.message.channel = channel.value;
      if (priority.value !== '') out.message.priority = num(priority);
    }
    if (schedule.value === 'at') out.schedule = { at: instantOf(at) };
    else if (schedule.value === 'daily') out.schedule = { daily: daily.value };
    else if (schedule.value === 'cron') out.schedule = { cron: cron.value };
    if (from.value) out.activeFrom = instantOf(from);
    if (until.value) out.activeUntil = instantOf(until);
    const budgetOut = {};
    if (maxCoupons.value !== '') budgetOut.maxCoupons = num(maxCoupons);
    if (maxPoints.value !== '') budgetOut.maxPoints = num(maxPoints);
    if (maxDiscount.value !== '') budgetOut.maxDiscountCents = cents(maxDiscount);
    if (Object.keys(budgetOut).length) out.budget = budgetOut;
    return out;
  };
  const form = submitting(h('form', { id: 'camp-form', novalidate: true },
    h('div', { class: 'grid-form' }, pfld('$.name', 'camp-name', 'col.name', name), pfld('$.type', 'camp-type', 'col.type', type),
      pfld('$.objective', 'camp-objective', 'camp.objective', objective), pfld('$.holdoutPercent', 'camp-holdout', 'camp.holdout', holdout, 'camp.holdoutHint'),
      pfld('$.attributionDays', 'camp-attribution', 'camp.attribution', attribution, 'camp.attributionHint')),
    audience, replenishment, followUp, offerPart, messagePart, when, budget,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'camp-submit', text: campaign ? T('act.save') : T('camp.saveDraft') }))), async () => {
    if (campaign) {
      await api('PUT', `/campaigns/${encodeURIComponent(campaign.id)}`, definition());
      go(campaignHref(campaign.id), T('act.saved'));
    } else {
      const created = await api('POST', '/campaigns', definition());
      go(campaignHref(created.id), T('camp.draftSaved'));
    }
  });
  show();
  if (into) { into.append(form); return; }
  main.append(h('h1', { text: followOf ? T('camp.newFollowUp') : T('camp.new') }), h('p', {}, h('a', { href: '#/campaigns', text: `← ${T('camp.title')}` })), panel('camp.definition', form));
}

/** One campaign: its actions by status, the draft's form or the definition, and a run's progress. */
async function campaignDetail(main, id, runId) {
  const c = await api('GET', `/campaigns/${encodeURIComponent(id)}`);
  if (main !== currentView) return;
  document.title = `${c.name} - ${T('brand')}`;
  const act = (key, path, cls) => h('button', { type: 'button', id: `camp-${key}`, class: cls, text: T(`camp.act.${key}`), onclick: async () => {
    try {
      if (key === 'run') { const r = await api('POST', `/campaigns/${encodeURIComponent(id)}/runs`); go(campaignHref(id, 'runs', r.runId), T('camp.runStarted')); return; }
      await api('POST', `/campaigns/${encodeURIComponent(id)}/${path}`);
      go(campaignHref(id), T(`camp.done.${key}`));
    } catch (e) { if (e instanceof ProblemError) say(e.message); else throw e; }
  } });
  const actions = h('div', { class: 'actions', id: 'camp-actions' },
    c.status === 'DRAFT' || c.status === 'PAUSED' ? act('launch', 'launch') : null,
    c.status === 'SCHEDULED' || c.status === 'RUNNING' ? act('run', 'runs') : null,
    c.status === 'SCHEDULED' || c.status === 'RUNNING' ? act('pause', 'pause', 'secondary') : null,
    c.status !== 'CANCELLED' && c.status !== 'COMPLETED' ? act('cancel', 'cancel', 'danger') : null,
    h('a', { class: 'button', href: campaignHref(id, 'results'), id: 'camp-results', text: T('camp.results') }));
  main.append(h('h1', { text: c.name }), h('p', {}, h('a', { href: '#/campaigns', text: `← ${T('camp.title')}` })),
    h('dl', { class: 'facts', id: 'camp-facts' }, h('dt', { text: T('col.type') }), h('dd', { text: T(`camp.type.${c.type}`) }),
      h('dt', { text: T('col.status') }), h('dd', { id: 'camp-status', text: T(`camp.st.${c.status}`) }),
      h('dt', { text: T('camp.nextRun') }), h('dd', { text: fmtTime(c.nextRunAt) || '–' }), h('dt', { text: T('camp.launched') }), h('dd', { text: fmtTime(c.launchedAt) || '–' })),
    actions);
  if (runId) main.append(runProgress(main, id, runId));
  else if (c.status !== 'DRAFT') {
    // the latest runs, whoever started them (the schedule, another console, another instance)
    const runs = (await api('GET', `/campaigns/${encodeURIComponent(id)}/runs?limit=10`)).items;
    if (main !== currentView) return;
    if (runs.length && runs[0].status === 'RUNNING') main.append(runProgress(main, id, runs[0].runId));
    if (runs.length) main.append(panel('camp.runs', table([
      ['camp.run.scheduledFor', (r) => h('a', { href: campaignHref(id, 'runs', r.runId), text: fmtTime(r.scheduledFor) })],
      ['col.status', (r) => T(`camp.run.${r.status}`)], ['camp.run.percent', (r) => `${r.percent} %`, 'num'],
      ['camp.run.offered', (r) => fmtNumber(r.offered), 'num'], ['camp.run.heldOut', (r) => fmtNumber(r.heldOut), 'num'],
      ['camp.run.suppressed', (r) => fmtNumber(r.suppressed), 'num'], ['camp.run.overBudget', (r) => fmtNumber(r.overBudget), 'num']], runs, 'camp-runs')));
  }
  if (c.status === 'DRAFT') { const box = panel('camp.definition'); main.append(box); await campaignForm(main, c, box); return; }
  const [segments, templates] = await Promise.all([api('GET', '/segments'), api('GET', '/coupon-templates')]);
  if (main !== currentView) return;
  const names = new Map([...segments.items.map((s) => [s.segmentId, s.name]), ...templates.items.map((x) => [x.templateId, x.name])]);
  main.append(panel('camp.definition', definitionFacts(c.definition, names)));
}

/** The definition as a reader sees it (a launched campaign no longer changes). */
function definitionFacts(d, names) {
  const named = (id) => names.get(id) || id;
  const facts = [];
  const add = (key, value) => { if (value !== undefined && value !== null && value !== '') facts.push(h('dt', { text: T(key) }), h('dd', { text: String(value) })); };
  add('camp.objective', d.objective);
  add('camp.holdout', d.holdoutPercent !== undefined ? `${d.holdoutPercent} %` : '10 %');
  add('camp.attribution', d.attributionDays ?? 14);
  if (d.audience) add('camp.audience', d.audience.segmentId ? `${T('camp.aud.segment')}: ${named(d.audience.segmentId)}` : JSON.stringify(d.audience.condition));
  if (d.replenishment) add('camp.replenishment', JSON.stringify(d.replenishment));
  if (d.followUp) add('camp.followUp', `${T(`camp.fu.${d.followUp.group}`)} - ${d.followUp.campaignId}`);
  add('camp.offer', !d.offer ? T('camp.offer.none') : d.offer.points ? `${fmtNumber(d.offer.points)} ${T('col.points').toLowerCase()}`
    : `${T('camp.offer.coupon')}: ${named(d.offer.templateId)}${d.offer.personal ? ` ${JSON.stringify(d.offer.personal)}` : ''}`);
  if (d.message) add('camp.message', `${d.message.channel || T('camp.msg.preferred')}: ${d.message.template}`);
  add('camp.when', !d.schedule ? T('camp.sch.none') : d.schedule.at ? fmtTime(d.schedule.at) : d.schedule.cron ? `${T('camp.sch.cron')}: ${d.schedule.cron}` : `${T('camp.sch.daily')} ${d.schedule.daily}`);
  if (d.budget) add('camp.budget', JSON.stringify(d.budget));
  return h('dl', { class: 'facts' }, ...facts);
}

/** A run's progress bar, read every second until the run ends (or the page is left). */
function runProgress(main, id, runId) {
  const bar = h('progress', { id: 'run-progress', max: '100', value: '0', 'aria-labelledby': 'h-camp.run', 'aria-describedby': 'run-status' });
  const status = h('p', { id: 'run-status', 'aria-live': 'polite' });
  const counts = h('dl', { class: 'facts', id: 'run-counts' });
  const box = panel('camp.run', bar, status, counts);
  const poll = async () => {
    if (main !== currentView) return;
    let r;
    try { r = await api('GET', `/campaigns/${encodeURIComponent(id)}/runs/${encodeURIComponent(runId)}`); } catch (e) { status.textContent = e.message; return; }
    if (main !== currentView) return;
    bar.value = r.percent;
    bar.textContent = `${r.percent} %`;
    const eta = r.status === 'RUNNING' && r.etaSeconds !== null && r.etaSeconds !== undefined ? ` - ${T('camp.eta')} ${fmtNumber(r.etaSeconds)} s` : '';
    status.textContent = `${T(`camp.run.${r.status}`)}: ${r.percent} %${eta}${r.error ? ` - ${r.error}` : ''}`;
    counts.replaceChildren(...[['camp.run.total', r.total], ['camp.run.processed', r.processed], ['camp.run.offered', r.offered], ['camp.run.heldOut', r.heldOut],
      ['camp.run.suppressed', r.suppressed], ['camp.run.overBudget', r.overBudget]].flatMap(([k, v]) => [h('dt', { text: T(k) }), h('dd', { text: fmtNumber(v) })]));
    if (r.status === 'RUNNING') setTimeout(poll, 1000);
  };
  poll();
  return box;
}

/** The results: treatment against control, the uplifts with their 95% intervals, the members, CSV and a follow-up. */
async function campaignResults(main, id) {
  const [c, e] = await Promise.all([api('GET', `/campaigns/${encodeURIComponent(id)}`), api('GET', `/campaigns/${encodeURIComponent(id)}/evaluation`)]);
  if (main !== currentView) return;
  document.title = `${T('camp.results')}: ${c.name} - ${T('brand')}`;
  const tr = e.treatment;
  const co = e.control;
  const row = (key, f, fmt = fmtNumber) => h('tr', {}, h('th', { scope: 'row', text: T(key) }), h('td', { class: 'num', text: fmt(f(tr)) }), h('td', { class: 'num', text: fmt(f(co)) }));
  const groups = h('table', { id: 'eval-groups' }, h('caption', { class: 'visually-hidden', text: T('camp.res.groups') }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: T('camp.res.metric') }), h('th', { scope: 'col', class: 'num', text: T('camp.res.treatment') }), h('th', { scope: 'col', class: 'num', text: T('camp.res.control') }))),
    h('tbody', {}, row('camp.res.customers', (g) => g.customers), row('camp.res.contacted', (g) => g.contacted), row('camp.res.couponsIssued', (g) => g.couponsIssued),
      row('camp.res.couponsRedeemed', (g) => g.couponsRedeemed), row('camp.res.responders', (g) => g.responders), row('camp.res.nonResponders', (g) => g.nonResponders),
      row('camp.res.conversion', (g) => g.conversionRate, pct), row('camp.res.revenue', (g) => g.revenue, moneyOrDash),
      row('camp.res.revenuePerCustomer', (g) => g.revenuePerCustomer, moneyOrDash), row('camp.res.basket', (g) => g.averageBasket, moneyOrDash),
      row('camp.res.points', (g) => g.pointsGranted)));
  const up = e.uplift || {};
  const upText = (u, fmt) => (!u ? T('camp.res.noUplift') : `${fmt(u.difference)}${u.ci95 ? ` (${T('camp.res.ci')} ${fmt(u.ci95[0])} … ${fmt(u.ci95[1])})` : ` (${T('camp.res.noInterval')})`}`);
  const pp = (x) => `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(x * 100)} pp`;
  const eur = (x) => new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR', signDisplay: 'exceptZero' }).format(x / 100);
  const cards = h('div', { class: 'cards' },
    card(T('camp.res.targeted'), fmtNumber(e.targeted), null, 'card-targeted'),
    card(T('camp.res.upliftConversion'), up.conversion ? pp(up.conversion.difference) : '–', up.conversion && up.conversion.ci95 ? `${T('camp.res.ci')} ${pp(up.conversion.ci95[0])} … ${pp(up.conversion.ci95[1])}` : null, 'card-uplift'),
    card(T('camp.res.incremental'), moneyOrDash(e.incrementalRevenue), null, 'card-incremental'),
    card(T('camp.res.cost'), moneyOrDash(e.cost), e.returnOnCost !== null && e.returnOnCost !== undefined ? `${T('camp.res.return')} ${new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(e.returnOnCost)}` : null, 'card-cost'));
  const convEl = h('div', { class: 'chart', id: 'chart-conversion' });
  const ciConv = h('div', { class: 'chart ci', id: 'chart-ci-conversion' });
  const ciRev = h('div', { class: 'chart ci', id: 'chart-ci-revenue' });
  const csv = h('button', { type: 'button', class: 'secondary', id: 'eval-csv', text: T('camp.res.csv'), onclick: async () => {
    try {
      const response = await api('GET', `/campaigns/${encodeURIComponent(id)}/evaluation`, undefined, { raw: true, accept: 'text/csv' });
      download(`campaign-${c.name.replace(/[^A-Za-z0-9]+/g, '-')}-evaluation.csv`, 'text/csv', await response.text());
      say(T('camp.res.csvDone'), true);
    } catch (err) { if (err instanceof ProblemError) say(err.message); else throw err; }
  } });
  const followUp = h('a', { class: 'button', id: 'eval-followup', href: `#/campaigns/new?followUp=${encodeURIComponent(id)}&group=NON_RESPONDERS`, text: T('camp.res.followUp') });
  main.append(h('h1', { text: `${T('camp.results')}: ${c.name}` }), h('p', {}, h('a', { href: campaignHref(id), text: `← ${c.name}` })),
    h('p', { class: 'muted', id: 'eval-window' }, `${T('camp.res.attribution')} ${e.attributionDays} ${T('unit.days')}. `,
      e.windowClosed ? T('camp.res.final') : `${T('camp.res.open')} ${fmtTime(e.windowClosesAt)}.`, ` ${T('dash.at')} ${fmtTime(e.evaluatedAt)}.`),
    h('div', { class: 'actions' }, csv, followUp), cards,
    h('div', { class: 'charts' },
      h('section', { class: 'panel', 'aria-labelledby': 'h-conv' }, h('h2', { id: 'h-conv', text: T('camp.res.conversionChart') }), convEl),
      h('section', { class: 'panel', 'aria-labelledby': 'h-ci' }, h('h2', { id: 'h-ci', text: T('camp.res.upliftChart') }),
        h('h3', { text: T('camp.res.upliftConversion') }), h('p', { class: 'muted small', id: 'ci-conversion-text', text: upText(up.conversion, pp) }), ciConv,
        h('h3', { text: T('camp.res.upliftRevenue') }), h('p', { class: 'muted small', id: 'ci-revenue-text', text: upText(up.revenuePerCustomer, eur) }), ciRev)),
    panel('camp.res.groups', groups));
  chart(convEl, {
    xAxis: { type: 'category', data: [T('camp.res.treatment'), T('camp.res.control')] }, yAxis: { type: 'value', axisLabel: { formatter: (v) => `${Math.round(v * 100)} %` } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => pct(v) },
    series: [{ name: T('camp.res.conversion'), type: 'bar', barWidth: '40%', data: [tr.conversionRate || 0, co.conversionRate || 0], label: { show: true, position: 'top', formatter: (p) => pct(p.value) } }],
  }, `${T('camp.res.conversionChart')}: ${T('camp.res.treatment')} ${pct(tr.conversionRate)}, ${T('camp.res.control')} ${pct(co.conversionRate)}`);
  ciChart(ciConv, up.conversion, (x) => x * 100, (x) => pp(x / 100), `${T('camp.res.upliftConversion')}: ${upText(up.conversion, pp)}`);
  ciChart(ciRev, up.revenuePerCustomer, (x) => x / 100, (x) => eur(x * 100), `${T('camp.res.upliftRevenue')}: ${upText(up.revenuePerCustomer, eur)}`);
  main.append(await memberLists(main, id));
}

/** An uplift drawn as its point estimate on a line from the interval's low to its high end, with zero marked. */
function ciChart(el, uplift, scale, label, aria) {
  if (!uplift) { el.replaceWith(h('p', { class: 'muted', id: el.id, text: T('camp.res.noUplift') })); return; }
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', aria);
  if (!window.echarts) return;
  const d = scale(uplift.difference);
  const [lo, hi] = uplift.ci95 ? uplift.ci95.map(scale) : [d, d];
  const span = Math.max(Math.abs(lo), Math.abs(hi), Math.abs(d), 1e-9) * 1.15;
  const c = window.echarts.init(el, null, { renderer: 'svg' });
  c.setOption({
    aria: { enabled: true, label: { description: aria } }, animation: false, grid: { left: 20, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'value', min: -span, max: span, axisLabel: { showMinLabel: false, showMaxLabel: false, formatter: (v) => label(v) } }, yAxis: { type: 'value', show: false, min: -1, max: 1 },
    series: [
      { type: 'line', name: T('camp.res.ci'), data: [[lo, 0], [hi, 0]], symbol: 'rect', symbolSize: [3, 18], lineStyle: { width: 4, color: '#0b5cad' }, itemStyle: { color: '#0b5cad' },
        label: { show: !!uplift.ci95, position: 'bottom', formatter: (p) => label(p.value[0]) },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#a4161a', type: 'dashed' }, data: [{ xAxis: 0 }], label: { formatter: '0' } } },
      { type: 'scatter', name: T('camp.res.difference'), data: [[d, 0]], symbolSize: 14, itemStyle: { color: '#14213d' }, label: { show: true, position: 'top', formatter: (p) => label(p.value[0]) } }],
  });
  charts.push(c);
}

/** Responders and non-responders of a group, a page at a time. */
async function memberLists(main, id) {
  const groupSel = sel('mem-group', 'group', [['TREATMENT', T('camp.res.treatment')], ['CONTROL', T('camp.res.control')]], 'TREATMENT');
  const lists = h('div', { class: 'grid2', id: 'member-lists' });
  const load = async () => {
    const one = async (responded) => {
      const key = responded ? 'camp.res.responders' : 'camp.res.nonResponders';
      const tableId = responded ? 'responders' : 'non-responders';
      const q = (after) => `/campaigns/${encodeURIComponent(id)}/members?group=${groupSel.value}&responded=${responded}&limit=50${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page = await api('GET', q());
      const rows = (items) => items.map((m) => h('tr', {}, h('td', {}, h('a', { href: `#/customers/${encodeURIComponent(m.customerId)}`, text: m.customerId })), h('td', { text: fmtTime(m.contactedAt) })));
      const body = h('tbody', {}, ...rows(page.items));
      const more = (next) => (next ? h('button', { type: 'button', class: 'secondary', text: T('cust.more'), 'aria-label': `${T('cust.more')}: ${T(key)}`, onclick: async (ev) => {
        const p = await api('GET', q(next)); body.append(...rows(p.items)); ev.target.replaceWith(more(p.next) || '');
      } }) : null);
      return h('section', { class: 'panel', 'aria-labelledby': `h-${tableId}` }, h('h2', { id: `h-${tableId}`, text: T(key) }),
        page.items.length ? h('table', { id: tableId }, h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: T('col.customer') }), h('th', { scope: 'col', text: T('camp.res.contactedAt') }))), body)
          : h('p', { class: 'muted', id: tableId, text: T('empty') }), more(page.next));
    };
    const [yes, no] = await Promise.all([one(true), one(false)]);
    if (main !== currentView) return;
    lists.replaceChildren(yes, no);
  };
  groupSel.addEventListener('change', () => load().catch((e) => say(e.message)));
  await load();
  return h('div', {}, h('form', { class: 'inline', novalidate: true, onsubmit: (ev) => ev.preventDefault() }, fld('mem-group', 'camp.res.group', groupSel)), lists);
}

// ---- call lists ----
async function callsPage() {
  const main = currentView;
  document.title = `${T('calls.title')} - ${T('brand')}`;
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const store = inp('calls-store', 'storeId', { value: params.get('store') || localStorage.getItem('loyalty.store') || '', required: true, size: '12' });
  const form = h('form', { class: 'inline panel', novalidate: true }, fld('calls-store', 'calls.store', store), h('button', { type: 'submit', id: 'calls-show', text: T('msg.show') }));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); localStorage.setItem('loyalty.store', store.value.trim()); go(`#/calls?store=${encodeURIComponent(store.value.trim())}`); });
  main.append(h('h1', { text: T('calls.title') }), h('p', { class: 'muted', text: T('calls.help') }), form);
  if (!store.value.trim()) return;
  let calls;
  try { calls = await api('GET', `/stores/${encodeURIComponent(store.value.trim())}/call-list`); } catch (e) { showProblem(form, fieldOfStore(e)); return; }
  if (main !== currentView) return;
  main.append(panel('calls.list', table([
    ['col.at', (c) => fmtTime(c.since)], ['col.customer', (c) => h('a', { href: `#/customers/${encodeURIComponent(c.customerId)}`, text: `${c.firstName} ${c.lastName || ''}`.trim() })],
    ['c360.phone', (c) => h('a', { href: `tel:${c.phone}`, text: c.phone })], ['calls.text', (c) => c.text],
    ['col.actions', (c) => {
      const note = inp(`note-${c.messageId}`, 'note', { maxlength: '200', size: '20', 'aria-label': `${T('calls.note')} ${c.firstName}` });
      return submitting(h('form', { class: 'inline', novalidate: true }, h('div', { class: 'field' }, note),
        h('button', { type: 'submit', class: 'secondary', 'data-call': c.messageId, text: T('calls.done'), 'aria-label': `${T('calls.done')}: ${c.firstName}` })), async () => {
        await api('POST', `/stores/${encodeURIComponent(store.value.trim())}/call-list/${encodeURIComponent(c.messageId)}/called`, { note: text(note) });
        go(location.hash, T('calls.recorded'));
      });
    }]], calls, 'call-list')));
}
function fieldOfStore(e) {
  return new ProblemError(e.status, { ...e.problem, errors: [{ field: 'storeId', message: e.message }] });
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
