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
  const problem = error.problem || {};
  if (problem.path && form) {
    // a bad node of a condition: the deepest element of the builder whose path starts the problem's
    const holders = [...form.querySelectorAll('[data-path]')].filter((e) => e.dataset.path && (problem.path === e.dataset.path || problem.path.startsWith(`${e.dataset.path}.`) || problem.path.startsWith(`${e.dataset.path}[`)));
    const holder = holders.sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
    if (holder) {
      const id = `path-error-${holders.length}`;
      holder.setAttribute('aria-invalid', 'true');
      holder.append(h('p', { class: 'field-error', id, text: problem.detail || error.message }));
      holder.querySelector('select, input, textarea')?.focus();
      say(`${T('err.field')} ${error.message}`);
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
    else if (page === 'programme') await programme(id, hash.split('?')[0].split('/')[3]);
    else if (page === 'segments') await segmentsPage(id && decodeURIComponent(id));
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
