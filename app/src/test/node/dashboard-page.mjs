// Drives the dashboard's page (the files of app/src/main/resources/web, unbuilt) in headless
// Chromium against an API that one scenario plays, and prints what the page did as one JSON object.
// No instance runs: a small HTTP server here serves the files and answers the API as the scenario
// says, so it can answer slowly or never, fail, end or hold the alert stream, or send hostile text.
// The page is served with the Content-Security-Policy given (the instance's), and every violation
// of it the browser reports is printed too.
// usage: node dashboard-page.mjs <web dir> <scenario> [content security policy]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [webDir, scenarioName, policy] = process.argv.slice(2);

const crisis = (id, eventTime, summary = 'Negative mentions of acme-air rose') => ({
  id, type: 'CRISIS_OPENED', brand: 'acme-air', severity: 2, eventTime, episodeId: 'e-' + id,
  summary, metrics: null, topTerms: ['delay'], topSources: ['bluesky'], reasons: ['volume 4x baseline'],
  score: null, samples: [{ key: 'bluesky:1', url: null, author: 'ann', followers: 10, text: 'late again',
    sentiment: -0.6 }],
});
const lead = (id, eventTime, sample) => ({
  id, type: 'LEAD', brand: 'acme-air', severity: 1, eventTime, episodeId: null, summary: 'a lead',
  metrics: null, topTerms: [], topSources: [], reasons: ['asks for a price'], score: 0.8,
  samples: [sample],
});
const windowAt = (start, minutes, volume) => ({
  brand: 'acme-air', windowStart: start,
  windowEnd: new Date(Date.parse(start) + minutes * 60000).toISOString().replace('.000Z', 'Z'),
  volume, uniqueVolume: volume, positive: 0, neutral: volume, negative: 0, meanSentiment: 0,
  netSentiment: 0, reach: volume, leads: 0,
});
const WINDOWS = {
  '1m': [windowAt('2026-01-05T10:00:00Z', 1, 4), windowAt('2026-01-05T10:01:00Z', 1, 2),
    windowAt('2026-01-05T10:05:00Z', 1, 3)],
  '1h': [windowAt('2026-01-05T08:00:00Z', 60, 40), windowAt('2026-01-05T09:00:00Z', 60, 30)],
};
const A1 = crisis('a1', '2026-01-05T10:05:00Z');
const A2 = crisis('a2', '2026-01-05T10:20:00Z', 'Negative mentions of acme-air rose again');
const json = (body, status = 200) => ({ status, contentType: 'application/json', body: JSON.stringify(body) });
// an alert stream that sends these alerts, then ends
const events = (retryMs, ...alerts) => ({
  status: 200, contentType: 'text/event-stream',
  body: `retry: ${retryMs}\n: connected\n\n` + alerts.map((a) => `event: alert\ndata: ${JSON.stringify(a)}\n\n`).join(''),
});
// an alert stream that sends these alerts, then stays open
const held = (...alerts) => ({ ...events(3000, ...alerts), hold: true });
const never = () => new Promise(() => {});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The API a scenario does not replace: one brand, its windows, one crisis, one lead, and an alert
// stream that stays open without alerts.
const defaults = {
  brands: () => json({ brands: ['acme-air'] }),
  windows: (url) => json({ brand: 'acme-air', size: url.searchParams.get('size'), servedBy: 'here:8080',
    stale: false, windows: WINDOWS[url.searchParams.get('size')] }),
  alerts: () => json({ alerts: [A1] }),
  leads: () => json({ leads: [lead('l1', '2026-01-05T10:03:00Z',
    { key: 'bluesky:7', url: 'https://bsky.app/post/7', author: 'bob', followers: 5, text: 'price?', sentiment: 0 })] }),
  stream: () => held(),
};

const alertIds = (page) => page.$$eval('li.alert', (items) => items.map((i) => i.dataset.id));

const scenarios = {
  // A lead's post link, brand and reasons come from the posts themselves.
  'hostile-lead': {
    api: {
      leads: () => json({ leads: [
        lead('l1', '2026-01-05T10:03:00Z', { key: 'rss:1', url: 'javascript:document.body.dataset.pwned="link"',
          author: 'x', followers: null, text: 'cheap <img src=x onerror="document.body.dataset.pwned=\'img\'">',
          sentiment: 0 }),
        lead('l2', '2026-01-05T10:02:00Z', { key: 'rss:2', url: ' JavaScript:document.body.dataset.pwned="spaced"',
          author: 'x', followers: null, text: 'second', sentiment: 0 }),
        lead('l3', '2026-01-05T10:01:00Z', { key: 'rss:3', url: 'https://example.com/p?a=1&b=2', author: 'y',
          followers: null, text: 'third', sentiment: 0 }),
      ] }),
    },
    run: async (page) => {
      await page.waitForSelector('tr.lead');
      for (const link of await page.$$('#leads tr.lead td:nth-child(4) > *')) {
        await link.click({ modifiers: [] }).catch(() => {});
      }
      await sleep(500);
      return {
        links: await page.$$eval('#leads a', (as) => as.map((a) => a.getAttribute('href'))),
        posts: await page.$$eval('#leads tr.lead td:nth-child(4)', (tds) => tds.map((td) => td.textContent)),
        images: await page.$$eval('#leads img', (imgs) => imgs.length),
        pwned: await page.evaluate(() => document.body.dataset.pwned || null),
      };
    },
  },
  // A proxy answers 503 for the alert stream while the instance restarts.
  'stream-http-error': {
    api: { stream: (n) => (n === 1 ? json({ error: 'restarting' }, 503) : held(A2)) },
    run: async (page, api) => {
      await page.waitForSelector('li.alert[data-id="a2"]', { timeout: 15000 }).catch(() => {});
      return { streamRequests: api.count('stream'), alerts: await alertIds(page),
        status: await page.textContent('#status') };
    },
  },
  // The alert stream ends (an instance restart, a proxy's idle timeout); A2 is published while
  // the browser reconnects, so it never comes over the stream.
  'reconnect': {
    api: {
      alerts: (n, _, api) => json({ alerts: api.count('stream') < 2 ? [A1] : [A2, A1] }),
      stream: (n) => (n === 1 ? events(100) : held()),
    },
    run: async (page, api) => {
      await page.waitForFunction(() => document.querySelectorAll('li.alert').length === 2, null,
        { timeout: 5000 }).catch(() => {});
      return { streamRequests: api.count('stream'), alerts: await alertIds(page) };
    },
  },
  // The instance is not answering yet when the page loads.
  'start-fails': {
    api: { alerts: (n) => (n === 1 ? json({ error: 'starting' }, 503) : json({ alerts: [A1] })) },
    run: async (page, api) => {
      await page.waitForSelector('li.alert[data-id="a1"]', { timeout: 15000 }).catch(() => {});
      return { alertRequests: api.count('alerts'), alerts: await alertIds(page),
        loaded: await page.evaluate(() => document.body.dataset.loaded || null) };
    },
  },
  // Lead alerts arrive in a burst over the stream.
  'lead-burst': {
    api: {
      stream: () => held(...Array.from({ length: 50 }, (_, i) =>
        lead('burst-' + i, '2026-01-05T10:10:00Z', { key: 'x:' + i, url: null, author: 'c', followers: null,
          text: 'buy', sentiment: 0 }))),
      leads: async () => { await sleep(200); return defaults.leads(); },
    },
    run: async (page, api) => {
      await sleep(3000);
      return { leadRequests: api.count('leads') };
    },
  },
  // The 1-minute windows answer slowly; the user switches to 1-hour windows meanwhile.
  'size-switch': {
    api: {
      windows: async (url, n) => {
        if (url.searchParams.get('size') === '1m' && n > 1) await sleep(1500);
        return defaults.windows(url);
      },
    },
    run: async (page) => {
      await page.waitForSelector('svg.chart[data-points="3"]');
      await page.selectOption('#size', '1m'); // the same size again: a refresh, answered slowly
      await page.evaluate(() => document.getElementById('size').dispatchEvent(new Event('change')));
      await sleep(100);
      await page.selectOption('#size', '1h');
      await sleep(2500);
      return { size: await page.inputValue('#size'),
        points: await page.$eval('svg.chart', (c) => Number(c.dataset.points)) };
    },
  },
  // The windows API stops answering while the tab stays open.
  'hung-api': {
    clock: true,
    // the page's own count of the windows requests it waits for (the browser sends one request
    // per address at a time and holds the others back)
    init: () => {
      const fetch = window.fetch;
      window.windowsWaiting = 0;
      window.windowsWaitingMax = 0;
      window.fetch = async (...args) => {
        const windows = String(args[0]).includes('/windows');
        if (windows) window.windowsWaitingMax = Math.max(window.windowsWaitingMax, ++window.windowsWaiting);
        try {
          return await fetch(...args);
        } finally {
          if (windows) window.windowsWaiting -= 1;
        }
      };
    },
    api: { windows: (url, n) => (n === 1 ? defaults.windows(url) : never()) },
    run: async (page, api) => {
      await page.waitForSelector('svg.chart[data-points="3"]');
      for (let i = 0; i < 12; i++) {
        await page.clock.runFor(10000);
        await sleep(50);
      }
      return { mostWaiting: await page.evaluate(() => window.windowsWaitingMax),
        note: await page.textContent('.brand h3 small') };
    },
  },
  // Minutes without mentions have no window.
  'gaps': {
    run: async (page) => {
      await page.waitForSelector('svg.chart[data-points="3"]');
      return {
        bars: await page.$$eval('svg.chart rect.bar', (rs) => rs.map((r) => Number(r.getAttribute('x')))),
        lines: await page.$$eval('svg.chart polyline.net', (ls) => ls.map((l) => l.getAttribute('points'))),
      };
    },
  },
  // A person in New York.
  'time-zone': {
    timezoneId: 'America/New_York',
    run: async (page) => {
      await page.waitForSelector('li.alert');
      await page.waitForSelector('tr.lead');
      return {
        alertTime: await page.textContent('li.alert .head span:last-child'),
        leadTime: await page.textContent('tr.lead td:first-child'),
        chartLabels: await page.$$eval('svg.chart text', (ts) => ts.map((t) => t.textContent)),
        barTitle: await page.textContent('svg.chart rect.bar title'),
        zone: await page.$eval('#zone', (z) => z.textContent).catch(() => null),
      };
    },
  },
};

const scenario = scenarios[scenarioName];
if (!scenario) throw new Error('No scenario ' + scenarioName + '; one of ' + Object.keys(scenarios));
const counts = {};
const api = { count: (name) => counts[name] || 0 };
const handlers = { ...defaults, ...(scenario.api || {}) };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname;
  if (!path.startsWith('/api/')) {
    const file = path === '/' ? 'index.html' : path.slice(1);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    const headers = { 'Content-Type': type };
    if (policy && type === 'text/html') headers['Content-Security-Policy'] = policy;
    res.writeHead(200, headers);
    res.end(await readFile(join(webDir, file), 'utf8'));
    return;
  }
  const name = path === '/api/brands' ? 'brands' : path.endsWith('/windows') ? 'windows'
    : path === '/api/alerts' ? 'alerts' : path === '/api/leads' ? 'leads'
      : path === '/api/alerts/stream' ? 'stream' : null;
  if (!name) {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"error":"No such endpoint"}');
    return;
  }
  counts[name] = (counts[name] || 0) + 1;
  let open = true;
  res.on('close', () => { open = false; });
  const answer = await handlers[name](name === 'windows' ? url : counts[name], counts[name], api);
  if (!open) return; // the page gave up on it
  res.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Cache-Control': 'no-store' });
  res.write(answer.body);
  if (!answer.hold) res.end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ timezoneId: scenario.timezoneId || 'UTC' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const policyViolations = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) policyViolations.push(m.text());
  });
  if (scenario.init) await page.addInitScript(scenario.init);
  if (scenario.clock) await page.clock.install();
  await page.goto(origin + '/');
  const shown = await scenario.run(page, api);
  shown.pageErrors = pageErrors;
  shown.policyViolations = policyViolations;
  console.log(JSON.stringify(shown));
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
