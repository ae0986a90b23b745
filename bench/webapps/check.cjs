#!/usr/bin/env node
// Browser check of one old React app (d67994b = first app, 805144e = current app) against a
// running solarintel that serves the built app from STATIC_DIR (same origin).
//
//   node check.cjs --app 805144e --base http://127.0.0.1:18102 --out /tmp/webapps/805144e \
//        --admin admin@example.com --admin-password ... [--mail /tmp/webapps/805144e/mail.jsonl]
//
// Every step records pass/fail, a screenshot, the browser console errors and every failed
// first-party request (status >= 400 or a request failure) with its body's first 300 characters.
// A step fails when its assertion fails or a first-party request failed that the step does not
// expect. Third-party requests (Google Analytics, offline here) are listed but never fail a step.
// Results: <out>/report.json and a table on stdout; exit 1 when any step failed.
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

// ---------------------------------------------------------------- arguments
const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const APP = args.app;
const BASE = (args.base || '').replace(/\/$/, '');
const OUT = args.out || `/tmp/webapps/${APP}`;
const ADMIN = args.admin || 'admin@example.com';
const ADMIN_PW = args['admin-password'];
const MAIL = args.mail || '';
const CHROME = process.env.CHROMIUM || args.chromium || '/usr/bin/chromium';
const CURRENT = APP === '805144e';
const INPUT = CURRENT ? 'textarea' : 'input[type="text"][placeholder]'; // the chat box
if (!['d67994b', '805144e'].includes(APP) || !BASE || !ADMIN_PW) {
  console.error('usage: check.cjs --app d67994b|805144e --base URL --out DIR --admin EMAIL --admin-password PW [--mail FILE]');
  process.exit(2);
}
const SHOTS = path.join(OUT, 'shots');
fs.mkdirSync(SHOTS, { recursive: true });
for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.unlinkSync(path.join(SHOTS, f));

const stamp = Date.now().toString(36);
const USER = {
  email: `webcheck-${APP}-${stamp}@example.com`,
  password: 'SolarCheck2024x',
  first: 'Webapp',
  last: 'Checker',
  job: 'Analyst',
  company: 'Check Company',
};

// ---------------------------------------------------------------- recording
const results = [];
let cur = null; // the running step's buckets
const pending = new Set();
const firstParty = (url) => url.startsWith(BASE);
const short = (url) => (firstParty(url) ? url.slice(BASE.length) : url);

function bucket(name) {
  return { name, console: [], failed: [], thirdParty: [], aborted: [], api: [], notes: [] };
}

function attach(page) {
  page.on('console', (msg) => {
    if (!cur || msg.type() !== 'error') return;
    const loc = msg.location() || {};
    const text = msg.text().slice(0, 400);
    if (loc.url && !firstParty(loc.url) && /Failed to load resource/.test(text)) {
      cur.thirdParty.push(`console: ${text} (${loc.url})`);
    } else cur.console.push(text + (loc.url ? ` @ ${short(loc.url)}` : ''));
  });
  page.on('pageerror', (err) => {
    if (cur) cur.console.push(`pageerror: ${String(err && err.message || err).slice(0, 400)}`);
  });
  page.on('requestfailed', (req) => {
    if (!cur) return;
    const f = req.failure();
    const entry = { method: req.method(), path: short(req.url()), status: 'failed', body: (f && f.errorText) || '' };
    if (!firstParty(req.url())) cur.thirdParty.push(`${entry.method} ${req.url()} ${entry.body}`);
    else if (/ERR_ABORTED/.test(entry.body)) cur.aborted.push(entry);
    else cur.failed.push(entry);
  });
  page.on('response', (resp) => {
    if (!cur) return;
    const req = resp.request();
    const url = resp.url();
    const status = resp.status();
    const b = cur;
    if (firstParty(url) && url.includes('/api/')) b.api.push(`${req.method()} ${short(url)} ${status}`);
    if (status < 400) return;
    const entry = { method: req.method(), path: short(url), status, body: '' };
    if (!firstParty(url)) { b.thirdParty.push(`${entry.method} ${url} ${status}`); return; }
    b.failed.push(entry);
    const p = resp.text().then((t) => { entry.body = t.slice(0, 300); }, () => { entry.body = '(body unavailable)'; });
    pending.add(p);
    p.finally(() => pending.delete(p));
  });
}

let shotNo = 0;
async function shot(page, name) {
  shotNo += 1;
  const file = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60)}.png`);
  try { await page.screenshot({ path: file }); return file; } catch (e) { return `(screenshot failed: ${e.message})`; }
}

// expect: [{method, path (regex), status}] first-party failures this step expects (they are listed, not failing)
async function step(page, name, fn, opts = {}) {
  cur = bucket(name);
  const b = cur;
  const t0 = Date.now();
  let ok = true;
  let error = '';
  let evidence = '';
  try {
    evidence = (await withTimeout(fn(b), opts.timeout || 45000, name)) || '';
  } catch (e) {
    ok = false;
    error = (e && e.message ? e.message : String(e)).split('\n')[0].slice(0, 400);
  }
  await settle(page, 600);
  await Promise.allSettled([...pending]);
  const file = await shot(page, name);
  const expect = opts.expect || [];
  const unexpected = b.failed.filter((f) => !expect.some((x) => x.method === f.method && x.status === f.status && x.path.test(f.path)));
  const expected = b.failed.filter((f) => !unexpected.includes(f));
  if (ok && unexpected.length) { ok = false; error = `${unexpected.length} failed request(s)`; }
  const status = opts.known && !ok ? 'KNOWN' : ok ? 'PASS' : 'FAIL';
  const r = {
    step: name, status, seconds: ((Date.now() - t0) / 1000).toFixed(1), evidence, error, screenshot: file,
    failedRequests: unexpected, expectedFailures: expected, consoleErrors: b.console,
    thirdParty: b.thirdParty, aborted: b.aborted, notes: b.notes, known: opts.known || '', apiCalls: b.api,
  };
  results.push(r);
  cur = null;
  const mark = status === 'PASS' ? 'ok  ' : status === 'KNOWN' ? 'known' : 'FAIL';
  console.log(`[${APP}] ${mark} ${name}${evidence ? ` -- ${evidence}` : ''}${error ? ` -- ${error}` : ''}`);
  for (const f of unexpected) console.log(`         ${f.method} ${f.path} -> ${f.status} ${JSON.stringify(f.body)}`);
  return ok;
}

function withTimeout(p, ms, name) {
  let t;
  return Promise.race([p, new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`step timed out after ${ms / 1000}s`)), ms); })])
    .finally(() => clearTimeout(t));
}

async function settle(page, idle = 500, timeout = 5000) {
  try { await page.waitForNetworkIdle({ idleTime: idle, timeout }); } catch (_) { /* streams or GA may keep it busy */ }
}

function assert(cond, msg) { if (!cond) throw new Error(msg); }

// ---------------------------------------------------------------- page helpers
async function goto(page, p) {
  await page.goto(BASE + p, { waitUntil: 'domcontentloaded', timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('#root') && document.querySelector('#root').children.length > 0, { timeout: 15000 });
  await settle(page);
}

async function byText(page, selector, re, { timeout = 15000, visible = true } = {}) {
  const handle = await page.waitForFunction(
    (sel, src, flags, vis) => [...document.querySelectorAll(sel)].find((e) =>
      new RegExp(src, flags).test(e.innerText || e.textContent || '') && (!vis || e.getClientRects().length > 0)),
    { timeout }, selector, re.source, re.flags, visible);
  return handle.asElement();
}

async function clickText(page, selector, re, opts) {
  const el = await byText(page, selector, re, opts);
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await el.click();
  return el;
}

async function waitPath(page, re, timeout = 15000) {
  await page.waitForFunction((src) => new RegExp(src).test(location.pathname), { timeout }, re.source);
}

async function token(page) {
  return page.evaluate(() => localStorage.getItem('fastapi_access_token'));
}

async function dismissCookies(page) {
  const btn = await page.evaluateHandle(() => [...document.querySelectorAll('button')].find((b) => /^\s*Accept All\s*$/.test(b.innerText)));
  const el = btn.asElement();
  if (el) { await el.click(); await settle(page, 300); }
}

async function fillForm(page, values) {
  for (const [sel, v] of Object.entries(values)) {
    await page.waitForSelector(sel, { visible: true, timeout: 10000 });
    await page.$eval(sel, (e) => { e.value = ''; });
    await page.type(sel, v);
  }
}

async function selectFirst(page, sel, prefer) {
  const v = await page.$eval(sel, (s, pref) => {
    const opts = [...s.options].map((o) => o.value).filter(Boolean);
    return opts.includes(pref) ? pref : opts[0];
  }, prefer);
  await page.select(sel, v);
  return v;
}

async function login(page, email, password) {
  await goto(page, '/login');
  await dismissCookies(page);
  await fillForm(page, { '#username': email, '#password': password });
  const resp = page.waitForResponse((r) => r.url().includes('/api/v1/auth/login'), { timeout: 15000 });
  await page.click('button[type="submit"]');
  return resp;
}

// Passive observation of the streamed answer: the last bot bubble's text length on every DOM change.
const OBSERVER = () => {
  window.__stream = [];
  const start = () => {
    new MutationObserver(() => {
      const b = document.querySelectorAll('.bot-message-bubble');
      if (!b.length) return;
      const n = (b[b.length - 1].innerText || '').length;
      const log = window.__stream;
      if (!log.length || log[log.length - 1].n !== n) log.push({ t: performance.now(), n, count: b.length });
      if (log.length > 2000) log.shift();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
};

// The network reads of the chat/send streams (CDP Network.dataReceived), reset by ask().
const chatReads = { ids: new Set(), reads: [] };

// Ask one question in the chat page and wait for the whole answer.
async function ask(page, question, expectRe, b) {
  await page.waitForSelector(INPUT, { visible: true, timeout: 15000 });
  await page.waitForFunction((sel) => { const t = document.querySelector(sel); return t && !t.disabled; }, { timeout: 15000 }, INPUT);
  const before = await page.$$eval('.bot-message-bubble', (l) => l.length);
  await page.evaluate(() => { window.__stream = []; });
  chatReads.reads = [];
  await page.click(INPUT);
  await page.type(INPUT, question);
  const respP = page.waitForResponse((r) => r.url().includes('/api/v1/chat/send') && r.request().method() === 'POST', { timeout: 20000 });
  await page.click('.send-btn');
  const resp = await respP;
  assert(resp.status() === 200, `chat/send answered ${resp.status()}`);
  let sse = '';
  try { sse = await resp.text(); } catch (_) { sse = ''; }
  const events = (sse.match(/^data: .*$/gm) || []).map((l) => { try { return JSON.parse(l.slice(6)); } catch (_) { return {}; } });
  const kinds = {};
  for (const e of events) kinds[e.type] = (kinds[e.type] || 0) + 1;
  await page.waitForFunction((n, src, flags, sel) => {
    const l = document.querySelectorAll('.bot-message-bubble');
    const t = document.querySelector(sel);
    return l.length > n && new RegExp(src, flags).test(l[l.length - 1].innerText) && t && !t.disabled && !document.querySelector('.typing-indicator');
  }, { timeout: 30000 }, before, expectRe.source, expectRe.flags, INPUT).catch(async () => {
    const last = await page.$$eval('.bot-message-bubble', (l) => (l.length ? l[l.length - 1].innerText : '(no bot bubble)'));
    throw new Error(`answer not shown or not matching ${expectRe}: ${JSON.stringify(last.slice(0, 200))}`);
  });
  // text lengths of the new answer bubble only (the log starts with the previous answer's)
  const stream = (await page.evaluate(() => window.__stream || [])).filter((x) => x.count > before);
  const answer = await page.$$eval('.bot-message-bubble', (l) => l[l.length - 1].innerText);
  const reads = chatReads.reads.slice();
  const span = reads.length > 1 ? ((reads[reads.length - 1].t - reads[0].t) * 1000).toFixed(0) : 0;
  b.notes.push(`SSE events: ${JSON.stringify(kinds)}; network reads of the stream: ${reads.length} over ${span} ms (${reads.map((r) => r.bytes).join(',')} bytes)`);
  b.notes.push(`DOM text states of the answer bubble while streaming: ${stream.map((s) => s.n).join(',')}`);
  b.notes.push(`answer: ${answer.replace(/\s+/g, ' ').slice(0, 300)}`);
  return { kinds, stream, answer, sse, reads };
}

// The response of the first request matching, or an error as soon as that request fails.
function responseOrFailure(page, match, timeout) {
  return new Promise((resolve, reject) => {
    const done = () => { page.off('response', onResp); page.off('requestfailed', onFail); clearTimeout(t); };
    const onResp = (r) => { if (match(r.url())) { done(); resolve(r); } };
    const onFail = (q) => { if (match(q.url())) { done(); reject(new Error(`${q.method()} ${short(q.url())} failed: ${(q.failure() || {}).errorText}`)); } };
    const t = setTimeout(() => { done(); reject(new Error(`no response within ${timeout / 1000}s`)); }, timeout);
    page.on('response', onResp);
    page.on('requestfailed', onFail);
  });
}

async function pickAgent(page, optionRe) {
  const btn = await page.waitForSelector('button[aria-haspopup="listbox"]', { visible: true, timeout: 15000 });
  await page.waitForFunction((b) => !b.disabled, { timeout: 15000 }, btn).catch(async () => {
    throw new Error(`agent switcher disabled: ${JSON.stringify(await btn.evaluate((e) => e.innerText))}`);
  });
  await btn.click();
  await clickText(page, '[role="option"]', optionRe, { timeout: 8000 }).catch(async () => {
    const opts = await page.$$eval('[role="option"]', (l) => l.map((e) => e.innerText.trim()));
    throw new Error(`no option ${optionRe} in the agent switcher; options: ${JSON.stringify(opts)}`);
  });
  await page.waitForFunction((src) => { const e = document.querySelector('button[aria-haspopup="listbox"]'); return e && new RegExp(src).test(e.innerText); }, { timeout: 8000 }, optionRe.source);
}

async function chartState(page) {
  return page.evaluate(() => {
    const c = [...document.querySelectorAll('.interactive-chart-container')];
    return c.map((e) => ({
      svg: e.querySelectorAll('svg').length,
      marks: e.querySelectorAll('svg path, svg circle, svg rect, svg line').length,
      text: (e.innerText || '').slice(0, 200),
    }));
  });
}

async function waitChart(page, timeout = 20000) {
  await page.waitForFunction(() => [...document.querySelectorAll('.interactive-chart-container svg')]
    .some((s) => s.querySelectorAll('path, circle, rect').length >= 3), { timeout }).catch(async () => {
    const st = await chartState(page);
    const obj = await page.evaluate(() => document.body.innerText.includes('[object Object]'));
    throw new Error(`no chart drawn; chart containers: ${JSON.stringify(st)}${obj ? '; the page shows "[object Object]"' : ''}`);
  });
  return chartState(page);
}

// The current app starts with the sidebar collapsed (conversations and the user menu hidden).
async function expandSidebar(page) {
  const btn = await page.$('button[aria-label="Expand sidebar"]');
  if (btn && (await btn.evaluate((e) => e.getClientRects().length > 0))) {
    await btn.click();
    await page.waitForSelector('button[aria-label="Collapse sidebar"]', { visible: true, timeout: 5000 });
  }
}

async function convItems(page) {
  return page.$$eval('.conversation-item-expanded', (l) => l.map((e) => e.innerText.split('\n')[0].trim()));
}

async function logoutViaMenu(page) {
  await page.waitForSelector('.sidebar-user-profile', { visible: true, timeout: 15000 });
  await expandSidebar(page);
  await page.click('.sidebar-user-profile');
  await clickText(page, 'button', /^\s*Logout\s*$/, { timeout: 5000 });
  await waitPath(page, /^\/login/);
}

function readMail(email) {
  if (!MAIL || !fs.existsSync(MAIL)) return [];
  return fs.readFileSync(MAIL, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((m) => (m.to || []).some((t) => t.toLowerCase() === email.toLowerCase()));
}

// ---------------------------------------------------------------- the flows
async function main() {
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1440,900'],
    defaultViewport: { width: 1440, height: 900 },
  });
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000);
  page.on('dialog', (d) => d.accept());
  await page.evaluateOnNewDocument(OBSERVER);
  attach(page);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => { if (/\/api\/v1\/chat\/send/.test(e.request.url)) chatReads.ids.add(e.requestId); });
  cdp.on('Network.dataReceived', (e) => { if (chatReads.ids.has(e.requestId)) chatReads.reads.push({ t: e.timestamp, bytes: e.dataLength }); });

  console.log(`[${APP}] app at ${BASE}, new user ${USER.email}, screenshots in ${SHOTS}`);

  await step(page, 'landing page loads', async () => {
    await goto(page, '/');
    const title = await page.title();
    const d3 = await page.evaluate(() => typeof window.d3 !== 'undefined' && typeof window.renderD3Chart === 'function');
    assert(d3, 'd3 or chart-utils.js did not load (window.d3 / window.renderD3Chart missing)');
    return `title "${title}", d3 and chart-utils loaded`;
  });

  // ---- register
  const registered = await step(page, 'register with GDPR consent', async () => {
    await goto(page, '/register');
    await dismissCookies(page);
    await fillForm(page, {
      '#first_name': USER.first, '#last_name': USER.last, '#job_title': USER.job,
      '#company_name': USER.company, '#email': USER.email, '#password': USER.password,
    });
    if (CURRENT) await fillForm(page, { '#confirmPassword': USER.password });
    const country = await selectFirst(page, '#country', 'DE');
    await selectFirst(page, '#company_size', '');
    await page.click('#terms-agreement');
    const reg = page.waitForResponse((r) => r.url().includes('/api/v1/auth/register'), { timeout: 15000 });
    await page.click('button[type="submit"]');
    const r = await reg;
    assert(r.status() === 200 || r.status() === 201, `register answered ${r.status()}`);
    const sent = JSON.parse(r.request().postData() || '{}');
    assert(sent.terms_agreement === true, `register body had terms_agreement=${sent.terms_agreement}`);
    if (CURRENT) {
      await waitPath(page, /^\/login/);
      return `POST /auth/register ${r.status()} (country ${country}, terms_agreement true); app moved to /login`;
    }
    await waitPath(page, /^\/agents/);
    assert(await token(page), 'no token stored after register + auto-login');
    return `POST /auth/register ${r.status()} (terms_agreement true), auto-login, app moved to /agents`;
  });

  if (CURRENT && MAIL) {
    await step(page, 'login refused before email verification', async () => {
      const r = await login(page, USER.email, USER.password);
      assert(r.status() === 403, `login before verification answered ${r.status()}`);
      await byText(page, '[data-sonner-toast], li, div', /verify your email/i, { timeout: 8000 });
      return 'POST /auth/login 403, the app shows the "verify your email" message';
    }, { expect: [{ method: 'POST', path: /^\/api\/v1\/auth\/login/, status: 403 }] });

    await step(page, 'verify email from the mailed link', async () => {
      let link = '';
      for (let i = 0; i < 40 && !link; i++) {
        for (const m of readMail(USER.email)) {
          const hit = /https?:\/\/\S*verify-email\?token=[A-Za-z0-9_\-.%]+/.exec(m.body);
          if (hit) link = hit[0];
        }
        if (!link) await new Promise((r) => setTimeout(r, 250));
      }
      assert(link, `no verification link mailed to ${USER.email} (mail file ${MAIL})`);
      const rel = link.replace(/^https?:\/\/[^/]+/, '');
      assert(link.startsWith(BASE), `the link points at ${link.replace(/\?.*$/, '')}, not the app`);
      const v = page.waitForResponse((r) => r.url().includes('/api/v1/auth/verify-email'), { timeout: 15000 });
      await goto(page, rel);
      const r = await v;
      assert(r.status() === 200, `verify-email answered ${r.status()}`);
      await byText(page, 'h1, h2, p, div', /verified/i, { timeout: 8000 });
      await waitPath(page, /^\/login/, 10000);
      return `mailed link ${rel.replace(/token=.*/, 'token=...')}; POST /auth/verify-email 200; app shows success and returns to /login`;
    });
  }

  if (CURRENT) {
    await step(page, 'login (new user)', async () => {
      const r = await login(page, USER.email, USER.password);
      assert(r.status() === 200, `login answered ${r.status()}`);
      await waitPath(page, /^\/agents/);
      assert(await token(page), 'no token stored');
      return 'POST /auth/login 200, app moved to /agents';
    });
  }

  // ---- hire agents
  await step(page, 'hire the market agent (Alex)', async () => {
    if (!/^\/agents/.test(await page.evaluate(() => location.pathname))) await goto(page, '/agents');
    await settle(page);
    await dismissCookies(page);
    const card = await byText(page, '.agent-card', /\bAlex\b/);
    const hire = page.waitForResponse((r) => r.url().includes('/agent-management/hire'), { timeout: 10000 });
    if (CURRENT) {
      const btn = await card.evaluateHandle((c) => [...c.querySelectorAll('button')].find((b) => /^\s*Hire\s*$/.test(b.innerText)));
      assert(btn.asElement(), 'no "Hire" button on the Alex card');
      await btn.asElement().click();
    } else {
      await (await card.$('.agent-card__btn')).click();
    }
    const r = await hire;
    assert(r.ok(), `hire answered ${r.status()}`);
    if (CURRENT) await page.waitForFunction((c) => [...c.querySelectorAll('button')].some((b) => /^\s*Hired\s*$/.test(b.innerText)), { timeout: 8000 }, card);
    else await page.waitForFunction((c) => c.classList.contains('agent-card--hired'), { timeout: 8000 }, card);
    return `POST /agent-management/hire ${r.status()}, card shows hired`;
  });

  if (CURRENT) {
    await step(page, 'hire the prices agent (Priya, component_prices)', async () => {
      const card = await byText(page, '.agent-card', /\bPriya\b/);
      const btn = await card.evaluateHandle((c) => [...c.querySelectorAll('button')].find((b) => /^\s*Hire\s*$/.test(b.innerText)));
      assert(btn.asElement(), 'no "Hire" button on the Priya card');
      const hire = page.waitForResponse((r) => r.url().includes('/agent-management/hire'), { timeout: 10000 });
      await btn.asElement().click();
      const r = await hire;
      assert(r.ok(), `hire answered ${r.status()}: ${await r.text()}`);
      await page.waitForFunction((c) => [...c.querySelectorAll('button')].some((b) => /^\s*Hired\s*$/.test(b.innerText)), { timeout: 8000 }, card);
      return `POST /agent-management/hire ${r.status()} {"agent_type":"component_prices"}, card shows Hired`;
    });
  }

  // ---- chat with the market agent
  await step(page, 'market agent: answer streamed (SSE) and rendered', async (b) => {
    if (CURRENT) {
      const card = await byText(page, '.agent-card', /\bAlex\b/);
      const chat = await card.evaluateHandle((c) => [...c.querySelectorAll('button')].find((x) => /^\s*Chat\s*$/.test(x.innerText)));
      await chat.asElement().click();
      await waitPath(page, /^\/chat/);
    } else {
      await goto(page, '/chat');
    }
    await settle(page);
    const sel = await page.waitForSelector('button[aria-haspopup="listbox"]', { visible: true });
    await page.waitForFunction((e) => !/Loading agents/.test(e.innerText), { timeout: 10000 }, sel);
    const header = (await sel.evaluate((e) => e.innerText)).trim();
    assert(/Alex/.test(header), `agent switcher shows "${header}" instead of the market agent`);
    const enabled = await sel.evaluate((e) => !e.disabled);
    b.notes.push(`agent switcher: "${header}", ${enabled ? 'enabled' : 'DISABLED'}`);
    const { kinds, stream, answer, reads } = await ask(page, 'Annual installations in Germany in 2024', /Germany/, b);
    assert((kinds.chunk || 0) >= 2 && kinds.done === 1, `SSE had ${kinds.chunk || 0} chunk events and ${kinds.done || 0} done`);
    assert(/\d/.test(answer), 'the answer holds no figure');
    assert(enabled, `agent switcher disabled ("${header}")`);
    const partial = stream.filter((s) => s.n > 0).length;
    return `SSE ${kinds.chunk} chunk events + done in ${reads.length} network read(s); answer bubble went through ${partial} text state(s) (${stream.map((s) => s.n).slice(0, 12).join('→')} chars); "${answer.replace(/\s+/g, ' ').slice(0, 80)}..."`;
  });

  await step(page, 'market agent: chart drawn live', async (b) => {
    const { kinds } = await ask(page, 'Cumulative capacity of Germany from 2019 to 2024 as a chart', /Germany/, b);
    assert(kinds.plot === 1, `SSE had ${kinds.plot || 0} plot events`);
    const st = await waitChart(page);
    return `SSE plot event; chart svg with ${st.map((s) => s.marks).join('/')} marks`;
  });

  let firstConvTitle = '';
  await step(page, 'conversation list after reload', async (b) => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.sidebar-user-profile', { visible: true, timeout: 15000 });
    await expandSidebar(page);
    await page.waitForSelector('.conversation-item-expanded', { visible: true, timeout: 15000 }).catch(() => {
      throw new Error('no conversation in the sidebar after reload');
    });
    const items = await convItems(page);
    b.notes.push(`sidebar: ${JSON.stringify(items)}`);
    assert(items.length >= 1, 'no conversation listed');
    firstConvTitle = items[0];
    assert(/Germany/i.test(items.join(' ')), `sidebar does not show the Germany conversation: ${JSON.stringify(items)}`);
    return `${items.length} conversation(s): ${JSON.stringify(items)}`;
  });

  await step(page, 'chart drawn again after reload', async (b) => {
    await clickText(page, '.conversation-item-expanded', /Germany/i);
    await page.waitForFunction(() => document.querySelectorAll('.bot-message-bubble').length >= 2, { timeout: 15000 });
    const texts = await page.$$eval('.bot-message-bubble', (l) => l.map((e) => e.innerText.replace(/\s+/g, ' ').slice(0, 120)));
    b.notes.push(`bot bubbles after reload: ${JSON.stringify(texts)}`);
    const st = await waitChart(page, 10000);
    return `conversation reopened from the sidebar; ${texts.length} bot messages; chart svg with ${st.map((s) => s.marks).join('/')} marks`;
  }, CURRENT ? {} : { known: 'README: "the first app shows a reloaded chart as [object Object]" (the first app never maps a stored plot back to plotData)' });

  // ---- the price agent
  await step(page, CURRENT ? 'prices agent (Priya) answers' : 'price agent answers (hired through the API: the first app\'s Agents page does not offer it)', async (b) => {
    if (!CURRENT) {
      const r = await page.evaluate(async (base) => {
        const t = localStorage.getItem('fastapi_access_token');
        const res = await fetch(`${base}/api/v1/agent-management/hire`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}` }, body: JSON.stringify({ agent_type: 'price' }) });
        return `${res.status} ${(await res.text()).slice(0, 200)}`;
      }, BASE);
      b.notes.push(`POST /agent-management/hire {"agent_type":"price"} -> ${r}`);
      assert(/^20[01]/.test(r), `hire price answered ${r}`);
      await goto(page, '/app');
    } else {
      await goto(page, '/chat');
    }
    await pickAgent(page, CURRENT ? /Priya/ : /Price Analysis/);
    const { kinds, answer } = await ask(page, 'Latest module price in China', /China|module/i, b);
    assert((kinds.chunk || 0) >= 1 && kinds.done === 1, `SSE ${JSON.stringify(kinds)}`);
    assert(/\d/.test(answer), 'the answer holds no figure');
    return `picked in the agent switcher; SSE ${JSON.stringify(kinds)}; "${answer.replace(/\s+/g, ' ').slice(0, 100)}..."`;
  });

  await step(page, 'both conversations listed after reload', async (b) => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.sidebar-user-profile', { visible: true, timeout: 15000 });
    await expandSidebar(page);
    await page.waitForFunction(() => document.querySelectorAll('.conversation-item-expanded').length >= 2, { timeout: 15000 }).catch(async () => {
      throw new Error(`sidebar lists ${JSON.stringify(await convItems(page))}`);
    });
    const items = await convItems(page);
    b.notes.push(`sidebar: ${JSON.stringify(items)}`);
    assert(/China|price/i.test(items[0]), `newest conversation is not first: ${JSON.stringify(items)}`);
    return `${items.length} conversations, newest first: ${JSON.stringify(items)}`;
  });

  // ---- profile
  await step(page, 'profile page', async (b) => {
    const pr = page.waitForResponse((r) => /\/api\/v1\/profile\/?(\?|$)/.test(r.url()) && r.request().method() === 'GET', { timeout: 15000 });
    await goto(page, '/profile');
    const r = await pr;
    assert(r.status() === 200, `GET /profile answered ${r.status()}`);
    await byText(page, 'h1', /My Profile/);
    await byText(page, 'h2', /Account Information/);
    const body = await page.evaluate(() => document.body.innerText);
    assert(body.includes(USER.email), 'the profile page does not show the email');
    const usage = /Usage Statistics[\s\S]{0,300}/.exec(body);
    if (usage) b.notes.push(usage[0].replace(/\s+/g, ' '));
    return `GET /profile 200; page shows ${USER.email}, Account Information${usage ? ', Usage Statistics' : ''}`;
  });

  if (CURRENT) {
    await step(page, 'GDPR export: the app\'s "Export My Data" button', async (b) => {
      const resp = page.waitForResponse((r) => r.url().includes('/profile/export-data'), { timeout: 10000 });
      await clickText(page, 'button', /Export My Data/);
      const r = await resp;
      b.notes.push(`sent Authorization: ${JSON.stringify(r.request().headers().authorization || null)}`);
      assert(r.status() === 200, `GET /profile/export-data answered ${r.status()}`);
      return `GET /profile/export-data ${r.status()}`;
    }, { known: 'latest-app.md §2.2: the app reads the token from localStorage["access_token"] instead of "fastapi_access_token", so it always gets 401 (upstream client bug)', expect: [{ method: 'GET', path: /^\/api\/v1\/profile\/export-data/, status: 401 }] });

    await step(page, 'GDPR export: same endpoint with the app\'s stored token', async () => {
      const r = await page.evaluate(async (base) => {
        const t = localStorage.getItem('fastapi_access_token');
        try {
          const res = await fetch(`${base}/api/v1/profile/export-data`, { headers: { Authorization: `Bearer ${t}` } });
          const text = await res.text();
          return { status: res.status, type: res.headers.get('content-type'), disp: res.headers.get('content-disposition'), text: text.slice(0, 20000) };
        } catch (e) { return { error: String(e) }; }
      }, BASE);
      assert(!r.error, `fetch of /api/v1/profile/export-data with the stored token failed in the browser: ${r.error}`);
      assert(r.status === 200, `export-data answered ${r.status}: ${r.text.slice(0, 300)}`);
      const j = JSON.parse(r.text);
      const keys = Object.keys(j);
      assert(r.text.includes(USER.email), 'the export does not hold the user\'s email');
      assert(/Germany/.test(r.text), 'the export does not hold the conversations');
      return `200 ${r.type}${r.disp ? `, ${r.disp}` : ''}; keys ${JSON.stringify(keys)}`;
    });
  }

  // ---- logout and login again
  await step(page, 'logout', async () => {
    await goto(page, CURRENT ? '/chat' : '/app');
    await logoutViaMenu(page);
    assert(!(await token(page)), 'token still in localStorage after logout');
    await goto(page, '/profile');
    await waitPath(page, /^\/login/, 8000);
    return 'Logout from the sidebar menu: token cleared, /profile redirects to /login';
  });

  await step(page, 'login again; conversations still listed', async (b) => {
    const r = await login(page, USER.email, USER.password);
    assert(r.status() === 200, `login answered ${r.status()}`);
    await waitPath(page, /^\/(?!login)/); // /agents, or the page the app was sent away from (/profile)
    b.notes.push(`after login the app went to ${await page.evaluate(() => location.pathname)}`);
    await goto(page, CURRENT ? '/chat' : '/app');
    await page.waitForSelector('.sidebar-user-profile', { visible: true, timeout: 15000 });
    await expandSidebar(page);
    await page.waitForFunction(() => document.querySelectorAll('.conversation-item-expanded').length >= 2, { timeout: 15000 });
    const items = await convItems(page);
    b.notes.push(`sidebar: ${JSON.stringify(items)}`);
    return `POST /auth/login 200; sidebar lists ${items.length} conversations`;
  });

  // ---- admin
  await step(page, 'admin login', async () => {
    await page.evaluate(() => { localStorage.removeItem('fastapi_access_token'); localStorage.removeItem('fastapi_user'); localStorage.removeItem('auth-storage'); });
    const r = await login(page, ADMIN, ADMIN_PW);
    assert(r.status() === 200, `admin login answered ${r.status()}`);
    await waitPath(page, /^\/agents/);
    const user = await page.evaluate(() => JSON.parse(localStorage.getItem('fastapi_user') || '{}'));
    assert(user.role === 'admin', `stored user role ${user.role}`);
    return 'POST /auth/login 200 as admin (logged out through localStorage, the logout UI was checked above)';
  });

  if (CURRENT) {
    // Eco (storage) is offered to admins only by the app; Aria (BIPV) needs the strategist plan,
    // which an admin passes. Neither runs here: each says so, and says the upload was not used.
    await step(page, 'storage (Eco) and BIPV (Aria) agents: uploads through the app, answered honestly', async (b) => {
      await goto(page, '/agents');
      await settle(page);
      await dismissCookies(page);
      for (const name of ['Eco', 'Aria']) {
        const card = await byText(page, '.agent-card', new RegExp(`\\b${name}\\b`));
        const btn = await card.evaluateHandle((c) => [...c.querySelectorAll('button')].find((x) => /^\s*Hire\s*$/.test(x.innerText)));
        assert(btn.asElement(), `no "Hire" button on the ${name} card`);
        const hire = page.waitForResponse((r) => r.url().includes('/agent-management/hire'), { timeout: 10000 });
        await btn.asElement().click();
        const r = await hire;
        assert(r.ok(), `hire ${name} answered ${r.status()}: ${await r.text()}`);
      }
      await goto(page, '/chat');
      await pickAgent(page, /Eco/);
      const csv = path.join(OUT, 'load-profile.csv');
      fs.writeFileSync(csv, 'hour,load_kw\n0,0.4\n1,0.3\n');
      const fileInput = await page.waitForSelector('input[type="file"][accept=".csv,.xlsx,.xls,.json"]', { timeout: 8000 });
      await fileInput.uploadFile(csv);
      const eco = await ask(page, 'Size a battery for this load profile', /not available on this installation/, b);
      assert(eco.sse.includes('"done"'), 'no done event from send-with-file');
      assert(/load-profile\.csv/.test(eco.answer) && /not read or kept/.test(eco.answer), `Eco's answer does not say the file was not used: ${eco.answer.slice(0, 300)}`);
      assert(!/\d+(\.\d+)?\s*kWh/.test(eco.answer), 'Eco stated a battery size');
      await pickAgent(page, /Aria/);
      const png = path.join(OUT, 'facade.png');
      fs.writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
      const imageInput = await page.waitForSelector('input[type="file"][accept="image/jpeg,image/png,image/webp"]', { timeout: 8000 });
      const sent = page.waitForResponse((r) => r.url().includes('/chat/send-with-images'), { timeout: 20000 });
      await imageInput.uploadFile(png);
      const aria = await ask(page, 'Show this facade with BIPV modules', /not available on this installation/, b);
      const r = await sent;
      assert(r.status() === 200, `send-with-images answered ${r.status()}`);
      assert(/received but not kept/.test(aria.answer), `Aria's answer does not say the image was not used: ${aria.answer.slice(0, 300)}`);
      return `Eco: send-with-file 200, SSE ${JSON.stringify(eco.kinds)}; Aria: send-with-images 200, SSE ${JSON.stringify(aria.kinds)}; both say they cannot run here and that the upload was not used`;
    }, { expect: [{ method: 'GET', path: /\/chat\/dashboard\//, status: 404 }] });
  }

  // The admin may hire every agent either app offers (a free user's quota would run out first).
  // Both apps stop a user on the free plan after five questions a month by themselves, whatever
  // the role (the server never limits an admin), so the admin is first given the max plan and
  // logged in again for the app to know it.
  await step(page, 'every agent offered: hired on the Agents page, and each answers in the chat', async (b) => {
    const auth = { Authorization: `Bearer ${await token(page)}`, 'Content-Type': 'application/json' };
    const me = await (await fetch(`${BASE}/api/v1/auth/me`, { headers: auth })).json();
    const put = await fetch(`${BASE}/api/v1/admin/users/${me.id}`, { method: 'PUT', headers: auth, body: JSON.stringify({ plan_type: 'max' }) });
    assert(put.ok, `PUT /admin/users/${me.id} {"plan_type":"max"} answered ${put.status}`);
    await page.evaluate(() => { localStorage.removeItem('fastapi_access_token'); localStorage.removeItem('fastapi_user'); localStorage.removeItem('auth-storage'); });
    const relog = await login(page, ADMIN, ADMIN_PW);
    assert(relog.status() === 200, `admin login answered ${relog.status()}`);
    await waitPath(page, /^\/agents/);
    await goto(page, '/agents');
    await settle(page);
    await dismissCookies(page);
    const hired = [];
    for (const card of await page.$$('.agent-card')) {
      const name = (await card.evaluate((c) => c.innerText)).trim().split('\n')[0];
      const btn = CURRENT
        ? (await card.evaluateHandle((c) => [...c.querySelectorAll('button')].find((x) => /^\s*Hire\s*$/.test(x.innerText)))).asElement()
        : (await card.evaluate((c) => c.classList.contains('agent-card--hired'))) ? null : await card.$('.agent-card__btn');
      if (!btn || (await btn.evaluate((x) => x.disabled))) continue;
      const hire = page.waitForResponse((r) => r.url().includes('/agent-management/hire'), { timeout: 10000 });
      await btn.click();
      const r = await hire;
      assert(r.ok(), `hire ${name} answered ${r.status()}: ${await r.text()}`);
      hired.push((JSON.parse(r.request().postData() || '{}').agent_type) || name);
    }
    await goto(page, CURRENT ? '/chat' : '/app');
    const sw = await page.waitForSelector('button[aria-haspopup="listbox"]', { visible: true, timeout: 15000 });
    await sw.click();
    await page.waitForSelector('[role="option"]', { visible: true, timeout: 8000 });
    const options = await page.$$eval('[role="option"]', (l) => l.map((e) => e.innerText.trim().split('\n')[0]));
    await page.keyboard.press('Escape');
    if (await page.$$eval('[role="option"]', (l) => l.some((e) => e.offsetParent !== null))) await sw.click();
    const answered = [];
    for (const option of options) {
      await pickAgent(page, new RegExp(option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const { kinds } = await ask(page, 'What were the main solar PV developments in Germany in 2024?', /\S/, b);
      assert(kinds.done === 1 && !kinds.error, `${option}: SSE ${JSON.stringify(kinds)}`);
      answered.push(option);
    }
    return `hired here: ${JSON.stringify(hired)}; answered in the chat (${answered.length}): ${JSON.stringify(answered)}`;
  }, { timeout: 300000, expect: [{ method: 'GET', path: /\/chat\/dashboard\//, status: 404 }] });

  if (CURRENT) {
    await step(page, 'admin dashboard', async () => {
      await goto(page, '/admin');
      await settle(page);
      const text = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
      assert(/admin/i.test(text) && !/Access denied|not authorized/i.test(text), 'dashboard did not render');
      return `"${text.slice(0, 160)}"`;
    });
  }

  await step(page, 'admin users list', async () => {
    const ur = page.waitForResponse((r) => /\/api\/v1\/admin\/users\/?(\?|$)/.test(r.url()), { timeout: 15000 });
    await goto(page, '/admin/users');
    const r = await ur;
    assert(r.status() === 200, `GET /admin/users answered ${r.status()}`);
    await byText(page, 'tr, [class*="row"], div', new RegExp(USER.email.replace(/[.+]/g, '\\$&')), { timeout: 10000 });
    const users = await r.json().catch(() => null);
    return `GET /admin/users 200 (${Array.isArray(users) ? users.length : '?'} users); the new user ${USER.email} is shown`;
  });

  if (!CURRENT) {
    await step(page, 'admin pending users', async () => {
      const ur = page.waitForResponse((r) => r.url().includes('/api/v1/admin/users/pending'), { timeout: 15000 });
      await goto(page, '/admin/users/pending');
      const r = await ur;
      assert(r.status() === 200, `GET /admin/users/pending answered ${r.status()}`);
      return `GET /admin/users/pending 200; ${(await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ').slice(0, 120)}`;
    });
    await step(page, 'admin agent access', async (b) => {
      b.notes.push('the first app has no agent-access admin page (routes: /admin/users, /admin/users/pending, /admin/users/create)');
      await goto(page, '/admin/users/create');
      await byText(page, 'h1, h2', /Create/i);
      return 'no agent-access page in this app; /admin/users/create renders';
    });
  } else {
    await step(page, 'admin agent access: grant and revoke for the new user', async (b) => {
      // the users list is a grid of divs: the button whose nearest ancestor naming an email names this user's
      const btnH = await page.waitForFunction((email) => [...document.querySelectorAll('button[title="Agent Access"]')].find((btn) => {
        let e = btn.parentElement;
        while (e && !(e.innerText || '').includes('@')) e = e.parentElement;
        return e && e.innerText.includes(email);
      }), { timeout: 10000 }, USER.email);
      const list = page.waitForResponse((r) => /agent-whitelist/.test(r.url()) && r.request().method() === 'GET', { timeout: 10000 });
      await btnH.asElement().click();
      const lr = await list;
      assert(lr.status() === 200, `GET agent-whitelist answered ${lr.status()}`);
      await byText(page, 'h2', /Agent Access/);
      const modalSel = await page.waitForFunction(() => [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => /Select an agent/.test(o.text))), { timeout: 5000 });
      const options = await modalSel.evaluate((s) => [...s.options].map((o) => o.value).filter(Boolean));
      b.notes.push(`grantable agents: ${JSON.stringify(options)}`);
      const agent = options.includes('nzia_market_impact') ? 'nzia_market_impact' : options[0];
      await modalSel.asElement().select(agent);
      const grant = page.waitForResponse((r) => /agent-whitelist/.test(r.url()) && r.request().method() === 'POST', { timeout: 10000 });
      await clickText(page, 'button[type="submit"]', /Grant Access/);
      const gr = await grant;
      assert(gr.status() === 200 || gr.status() === 201, `POST agent-whitelist answered ${gr.status()}`);
      b.notes.push(`grant body sent: ${gr.request().postData()}`);
      const revokeBtn = await page.waitForSelector('button[title="Revoke Access"]', { visible: true, timeout: 8000 });
      const revoke = page.waitForResponse((r) => /agent-whitelist/.test(r.url()) && r.request().method() === 'DELETE', { timeout: 10000 });
      await revokeBtn.click();
      const rr = await revoke;
      assert(rr.status() === 200, `DELETE agent-whitelist answered ${rr.status()}`);
      return `GET agent-whitelist ${lr.status()}; POST grant ${agent} ${gr.status()}; DELETE revoke ${rr.status()}`;
    });

    await step(page, 'admin analytics', async (b) => {
      const fr = page.waitForResponse((r) => r.url().includes('/admin/analytics/full-report'), { timeout: 15000 });
      await goto(page, '/admin/analytics');
      const r = await fr;
      assert(r.status() === 200, `full-report answered ${r.status()}`);
      await page.waitForSelector('.stats-grid .stat-card', { visible: true, timeout: 10000 });
      const stats = await page.$$eval('.stat-card', (l) => l.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
      b.notes.push(`stat cards: ${JSON.stringify(stats)}`);
      const q = stats.find((s) => /Total Queries/i.test(s)) || '';
      const n = Number((/Total Queries\s*([\d,]+)/i.exec(q) || [])[1]?.replace(/,/g, '') || NaN);
      assert(n >= 3, `Total Queries shows ${JSON.stringify(q)}, expected at least the 3 queries of this run`);
      return `full-report 200; ${stats.slice(0, 4).join(' | ')}`;
    });

    await step(page, 'admin analytics: CSV export', async (b) => {
      const ex = responseOrFailure(page, (u) => u.includes('/admin/analytics/export-queries-csv'), 15000);
      ex.catch(() => {}); // awaited below; may reject while the click is still pending
      await page.click('button[title="Export queries to CSV"]');
      const r = await ex;
      assert(r.status() === 200, `export-queries-csv answered ${r.status()}`);
      const h = r.headers();
      // (The app reads the download as a blob; DevTools keeps no body for it, so the same request
      // is made again in the page, with the app's stored token, to read what the service sent.)
      const again = await page.evaluate(async (url) => {
        const t = localStorage.getItem('fastapi_access_token');
        try {
          const res = await fetch(url, { headers: { Authorization: `Bearer ${t}` } });
          return { status: res.status, text: await res.text() };
        } catch (e) { return { error: String(e) }; }
      }, r.url());
      assert(!again.error, `fetch of the CSV export failed in the browser: ${again.error}`);
      assert(again.status === 200, `the CSV export answered ${again.status} when fetched again`);
      const text = again.text;
      const lines = text.split(/\r?\n/).filter(Boolean);
      b.notes.push(`CSV head: ${JSON.stringify(text.slice(0, 300))}`);
      assert(/csv/.test(h['content-type'] || ''), `content-type ${h['content-type']}`);
      assert(/filename=/.test(h['content-disposition'] || ''), `content-disposition ${h['content-disposition']}`);
      assert(lines.length >= 4, `CSV has ${lines.length} lines`);
      assert(text.includes('Annual installations in Germany in 2024'), 'CSV does not hold this run\'s query');
      await byText(page, '[data-sonner-toast], li', /CSV exported/i, { timeout: 5000 });
      return `200 ${h['content-type']}; ${h['content-disposition']}; ${lines.length} lines; toast "CSV exported successfully"`;
    });

    await step(page, 'admin breaches: list and report one', async (b) => {
      const lr = page.waitForResponse((r) => r.url().includes('/admin/breach/active'), { timeout: 15000 });
      await goto(page, '/admin/breaches');
      const r = await lr;
      assert(r.status() === 200, `breach/active answered ${r.status()}`);
      await byText(page, 'h1', /Data Breach Management/);
      await clickText(page, 'button', /Report Breach/);
      await page.waitForSelector('.modal-content textarea', { visible: true });
      await page.type('.modal-content textarea', 'Browser check: test breach report (not a real incident).');
      const inputs = await page.$$('.modal-content input');
      for (const i of inputs) {
        const type = await i.evaluate((e) => e.type);
        if (type === 'number') { await i.click({ clickCount: 3 }); await i.type('1'); }
        else if (type === 'text' || type === 'email') { await i.click({ clickCount: 3 }); await i.type('webapps check'); }
      }
      const cr = page.waitForResponse((x) => x.url().includes('/admin/breach/create'), { timeout: 10000 });
      await clickText(page, '.modal-content button[type="submit"]', /Create Breach Report/);
      const c = await cr;
      b.notes.push(`create body sent: ${c.request().postData()}`);
      assert(c.status() === 200 || c.status() === 201, `breach/create answered ${c.status()}`);
      await page.waitForSelector('.breach-card', { visible: true, timeout: 8000 });
      const cards = await page.$$eval('.breach-card h3', (l) => l.map((e) => e.innerText));
      return `breach/active 200; breach/create ${c.status()}; cards ${JSON.stringify(cards)}`;
    });
  }

  await browser.close();
}

function report() {
  const failed = results.filter((r) => r.status === 'FAIL');
  fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify({ app: APP, base: BASE, user: USER.email, results }, null, 2));
  const w = Math.max(...results.map((r) => r.step.length), 10);
  console.log(`\n=== ${APP}: ${results.length - failed.length}/${results.length} steps without failure (${failed.length} FAIL, ${results.filter((r) => r.status === 'KNOWN').length} KNOWN) ===`);
  console.log(`${'step'.padEnd(w)}  status  console-errors  failed-requests  screenshot`);
  for (const r of results) {
    console.log(`${r.step.padEnd(w)}  ${r.status.padEnd(6)}  ${String(r.consoleErrors.length).padEnd(14)}  ${String(r.failedRequests.length + r.expectedFailures.length).padEnd(15)}  ${r.screenshot}`);
  }
  for (const r of results.filter((x) => x.status !== 'PASS' || x.failedRequests.length || x.consoleErrors.length)) {
    console.log(`\n-- ${r.status} ${r.step}${r.error ? `: ${r.error}` : ''}`);
    if (r.known) console.log(`   known: ${r.known}`);
    for (const f of [...r.failedRequests, ...r.expectedFailures]) console.log(`   request: ${f.method} ${f.path} -> ${f.status} ${JSON.stringify(f.body)}`);
    for (const c of r.consoleErrors) console.log(`   console: ${c}`);
  }
  console.log(`\nreport: ${path.join(OUT, 'report.json')}`);
  return failed.length;
}

process.on('unhandledRejection', (e) => { if (cur) cur.console.push(`(check script) unhandled rejection: ${e && e.message || e}`); });

main()
  .catch((e) => { console.error(`[${APP}] aborted: ${e && e.stack || e}`); results.push({ step: 'run', status: 'FAIL', error: String(e), screenshot: '', failedRequests: [], expectedFailures: [], consoleErrors: [] }); })
  .finally(() => { const n = report(); process.exit(n ? 1 : 0); });
