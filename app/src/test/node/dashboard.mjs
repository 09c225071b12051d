// Drives the dashboard in headless Chromium (Debian's /usr/bin/chromium; playwright-core never
// downloads a browser) and prints what it shows as one JSON object; saves a screenshot.
// usage: node dashboard.mjs <dashboard url with #token=...> <screenshot.png> <plain url>
import { chromium } from 'playwright-core';

const [url, screenshot, plainUrl] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const consoleErrors = [];
  let answering503 = false; // the browser logs each 503 the test itself answers
  page.on('console', (m) => {
    if (m.type() === 'error' && !(answering503 && m.text().includes('status of 503'))) {
      consoleErrors.push(m.text());
    }
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 30000 });
  await page.waitForSelector('li.alert[data-type="CRISIS_OPENED"]', { timeout: 60000 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('svg.chart')].some((c) => Number(c.dataset.points) > 0),
  null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('status').textContent === 'live',
    null, { timeout: 30000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  const shown = await page.evaluate(() => ({
    status: document.getElementById('status').textContent,
    tokenInUrl: location.href.includes('token'),
    brands: [...document.querySelectorAll('.brand')].map((b) => ({
      brand: b.dataset.brand,
      points: Number(b.querySelector('svg.chart').dataset.points),
      bars: b.querySelectorAll('svg.chart rect.bar').length,
      line: b.querySelector('svg.chart polyline.net') != null,
    })),
    alerts: [...document.querySelectorAll('li.alert')].map((a) => ({
      type: a.dataset.type,
      brand: a.dataset.brand,
      summary: a.querySelector('.summary').textContent,
      terms: [...a.querySelectorAll('.terms .chip')].map((c) => c.textContent),
      explanation: a.querySelector('.explanation').textContent,
    })),
    leads: [...document.querySelectorAll('tr.lead')].map((l) => l.dataset.brand),
  }));
  // While the stores are rebalancing the windows API answers 503: the charts keep what they showed.
  answering503 = true;
  await page.route('**/api/brands/*/windows*', (route) => route.fulfill({
    status: 503, contentType: 'application/json', body: '{"error":"rebalancing"}' }));
  await page.evaluate(() => document.getElementById('size').dispatchEvent(new Event('change')));
  await page.waitForFunction(() => [...document.querySelectorAll('.brand h3 small')]
    .every((s) => s.textContent.includes('HTTP 503')), null, { timeout: 30000 });
  shown.whileUnavailable = await page.evaluate(() =>
    [...document.querySelectorAll('.brand')].map((b) => ({
      brand: b.dataset.brand,
      points: Number(b.querySelector('svg.chart').dataset.points),
      note: b.querySelector('h3 small').textContent,
    })));
  await page.unroute('**/api/brands/*/windows*');
  answering503 = false;
  // A fresh tab without the token gets the login form, not data.
  const stranger = await browser.newPage();
  await stranger.goto(plainUrl);
  await stranger.waitForSelector('#login:not([hidden])', { timeout: 15000 });
  shown.loginShownWithoutToken = await stranger.isVisible('#login');
  shown.consoleErrors = consoleErrors;
  console.log(JSON.stringify(shown));
} finally {
  await browser.close();
}
