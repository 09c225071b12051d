// The live dashboard: brand charts from the interactive-query API, alerts from the server-sent
// event stream, the lead queue. No build step and no third-party code. A token (http.token) is
// taken once from the URL fragment (#token=...) or the login form and kept in sessionStorage.
(function () {
  'use strict';
  const TOKEN_KEY = 'social-listening-token';
  const MAX_ALERTS = 100;
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const $ = (id) => document.getElementById(id);
  const token = () => sessionStorage.getItem(TOKEN_KEY) || '';
  const RETRY_MS = 5000;
  const ANSWER_MS = 30000;
  const REOPEN_MIN_MS = 3000;
  const REOPEN_MAX_MS = 60000;
  let source = null;
  let reopenTimer = null;
  let reopenDelay = REOPEN_MIN_MS;
  // The last windows each brand's chart showed, by size and brand: kept on screen while the API
  // cannot answer (503 while the stores rebalance, 502 while an owner is away).
  const lastWindows = new Map();

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child == null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // The API's times are UTC; the page shows them in the browser's time zone, named in the header.
  const two = (n) => String(n).padStart(2, '0');
  function localTime(iso) {
    const t = new Date(iso);
    return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ` +
      `${two(t.getHours())}:${two(t.getMinutes())}`;
  }
  $('zone').textContent = 'times in ' + Intl.DateTimeFormat().resolvedOptions().timeZone;

  function svg(tag, attrs) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  async function api(path, signal) {
    const headers = token() ? { Authorization: 'Bearer ' + token() } : {};
    const response = await fetch(path, { headers, signal });
    if (response.status === 401) {
      showLogin();
      throw new Error('unauthorised');
    }
    if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
    return response.json();
  }

  function showLogin() {
    $('login').hidden = false;
    $('main').hidden = true;
    $('status').textContent = 'token required';
  }

  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value);
    $('login').hidden = true;
    $('main').hidden = false;
    start();
  });

  function chart(windows) {
    const width = 600, height = 110, pad = 18;
    const root = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`,
      preserveAspectRatio: 'none', 'data-points': String(windows.length) });
    if (windows.length === 0) return root;
    const maxVolume = Math.max(1, ...windows.map((w) => w.volume));
    // The x axis is time: a window without mentions has no record, and its slot stays empty
    // (the net sentiment line breaks there) instead of the next window moving into it.
    const first = Date.parse(windows[0].windowStart);
    const length = Date.parse(windows[0].windowEnd) - first;
    const slot = (w) => Math.round((Date.parse(w.windowStart) - first) / length);
    const step = (width - 2 * pad) / (slot(windows[windows.length - 1]) + 1);
    const mid = height / 2;
    root.append(svg('line', { class: 'zero', x1: pad, x2: width - pad, y1: mid, y2: mid }));
    const lines = [];
    let points = [];
    windows.forEach((w, i) => {
      const x = pad + slot(w) * step;
      if (i > 0 && slot(w) !== slot(windows[i - 1]) + 1) {
        lines.push(points);
        points = [];
      }
      const h = (w.volume / maxVolume) * (height - 2 * pad);
      const bar = svg('rect', { class: 'bar', x: x.toFixed(1), y: (height - pad - h).toFixed(1),
        width: Math.max(1, step - 1).toFixed(1), height: h.toFixed(1) });
      const title = svg('title', {});
      title.textContent = `${localTime(w.windowStart)}: ${w.volume} mentions, net ${w.netSentiment.toFixed(2)}`;
      bar.append(title);
      root.append(bar);
      points.push(`${(x + step / 2).toFixed(1)},${(mid - w.netSentiment * (mid - pad)).toFixed(1)}`);
    });
    lines.push(points);
    for (const line of lines) root.append(svg('polyline', { class: 'net', points: line.join(' ') }));
    const from = svg('text', { x: pad, y: height - 4 });
    from.textContent = localTime(windows[0].windowStart);
    const to = svg('text', { x: width - pad, y: height - 4, 'text-anchor': 'end' });
    to.textContent = localTime(windows[windows.length - 1].windowStart);
    const top = svg('text', { x: pad, y: 10 });
    top.textContent = `max ${maxVolume}`;
    root.append(from, to, top);
    return root;
  }

  // One refresh of the charts at a time: the periodic one waits while one runs, and one that has
  // no answer after 30 s (an instance that stopped answering) gives up, so requests never pile up.
  // A change of window size replaces the running refresh, whose answers are for the other size.
  let brandsRefresh = null;
  function refreshBrands(replace) {
    if (brandsRefresh) {
      if (!replace) return brandsRefresh.done;
      brandsRefresh.replaced = true;
      brandsRefresh.controller.abort();
    }
    const current = { controller: new AbortController(), replaced: false };
    const timer = setTimeout(() => current.controller.abort(), ANSWER_MS);
    current.done = showBrands(current).finally(() => {
      clearTimeout(timer);
      if (brandsRefresh === current) brandsRefresh = null;
    });
    brandsRefresh = current;
    return current.done;
  }

  async function showBrands(refresh) {
    const signal = refresh.controller.signal;
    const size = $('size').value;
    const limit = size === '1h' ? 168 : 240;
    const { brands } = await api('/api/brands', signal);
    const container = $('brands');
    const cards = await Promise.all(brands.map(async (brand) => {
      let windows = [];
      let note = '';
      const key = size + ' ' + brand;
      try {
        const answer = await api(`/api/brands/${encodeURIComponent(brand)}/windows?size=${size}&limit=${limit}`,
          signal);
        windows = answer.windows;
        note = 'from ' + answer.servedBy;
        lastWindows.set(key, windows);
      } catch (e) {
        const error = signal.aborted ? `no answer in ${ANSWER_MS / 1000} s` : String(e.message || e);
        if (lastWindows.has(key)) {
          windows = lastWindows.get(key);
          note = 'last known, now ' + error;
        } else {
          note = error;
        }
      }
      const total = windows.reduce((sum, w) => sum + w.volume, 0);
      const unique = windows.reduce((sum, w) => sum + w.uniqueVolume, 0);
      const net = unique === 0 ? 0
        : windows.reduce((sum, w) => sum + w.netSentiment * w.uniqueVolume, 0) / unique;
      return el('div', { class: 'brand', 'data-brand': brand },
        el('h3', {}, brand, el('small', {}, `${total} mentions · net sentiment ${net.toFixed(2)} · ${note}`)),
        chart(windows));
    }));
    if (refresh.replaced) return;
    container.replaceChildren(...cards);
    if (brands.length === 0) container.append(el('p', { class: 'empty' }, 'No brand rules yet.'));
  }

  function alertItem(a) {
    const explanation = el('div', { class: 'explanation' });
    if (a.metrics) {
      explanation.append(el('div', {}, `negative ${a.metrics.negativeVolume}/${a.metrics.volume}` +
        ` (${(a.metrics.negativeShare * 100).toFixed(0)}%, baseline ` +
        `${(a.metrics.baselineNegativeShare * 100).toFixed(0)}%), score ${a.metrics.score.toFixed(2)}`));
    }
    if (a.topTerms.length) {
      explanation.append(el('div', { class: 'terms' }, 'terms: ',
        ...a.topTerms.map((t) => el('span', { class: 'chip' }, t))));
    }
    if (a.topSources.length) explanation.append(el('div', {}, 'sources: ' + a.topSources.join(', ')));
    if (a.reasons.length) explanation.append(el('div', { class: 'reasons' }, 'why: ' + a.reasons.join('; ')));
    for (const s of a.samples.slice(0, 2)) {
      explanation.append(el('div', { class: 'sample' }, `@${s.author}: ${s.text}`));
    }
    return el('li', { class: 'alert', 'data-type': a.type, 'data-brand': a.brand, 'data-id': a.id },
      el('div', { class: 'head' },
        el('span', { class: 'type' }, a.type),
        el('span', { class: 'brand-name' }, a.brand),
        el('span', { class: 'severity' }, 'severity ' + a.severity),
        el('span', {}, localTime(a.eventTime))),
      el('div', { class: 'summary' }, a.summary),
      explanation);
  }

  // Crisis alerts go to the feed, newest event time first, each once; leads have their own queue.
  // Only the alerts on screen are remembered, so a tab open for weeks keeps MAX_ALERTS of them.
  function addAlert(a) {
    if (a.type === 'LEAD') return;
    const list = $('alerts');
    const items = [...list.children];
    if (items.some((item) => item.dataset.id === a.id)) return;
    const item = alertItem(a);
    item.dataset.time = String(Date.parse(a.eventTime));
    const older = items.find((shown) => Number(shown.dataset.time) < Number(item.dataset.time));
    list.insertBefore(item, older || null);
    while (list.children.length > MAX_ALERTS) list.lastChild.remove();
  }

  // What was published while the stream was not connected (before it first opened, while it
  // reconnected) is not sent over it: each time it opens the alerts and the leads are fetched,
  // again every 5 s until that succeeds.
  async function catchUp(current) {
    try {
      const { alerts } = await api('/api/alerts?type=CRISIS&limit=' + MAX_ALERTS);
      alerts.forEach(addAlert);
      await refreshLeads();
      if (current.readyState === EventSource.OPEN) $('status').textContent = 'live';
    } catch (e) {
      if (String(e.message) === 'unauthorised') return;
      $('status').textContent = String(e.message || e);
      setTimeout(() => {
        if (current === source && current.readyState === EventSource.OPEN) catchUp(current);
      }, RETRY_MS);
    }
  }

  // A post's address comes from the post's source: only http and https are links, so that a
  // javascript: or data: address is never one click away.
  function webAddress(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  // One request for the lead queue at a time: asked for while one runs (a burst of lead alerts),
  // it is asked for once more when that one is answered.
  let leadsRequest = null;
  let leadsAgain = false;
  function refreshLeads() {
    if (leadsRequest) {
      leadsAgain = true;
      return leadsRequest;
    }
    leadsRequest = (async () => {
      try {
        do {
          leadsAgain = false;
          await showLeads();
        } while (leadsAgain);
      } finally {
        leadsRequest = null;
      }
    })();
    return leadsRequest;
  }

  async function showLeads() {
    const { leads } = await api('/api/leads?limit=30');
    const rows = leads.map((l) => {
      const sample = l.samples[0];
      const href = sample && sample.url ? webAddress(sample.url) : null;
      const post = href
        ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, sample.text)
        : (sample ? sample.text : l.summary);
      return el('tr', { class: 'lead', 'data-brand': l.brand },
        el('td', {}, localTime(l.eventTime)),
        el('td', {}, l.brand),
        el('td', {}, l.score == null ? '' : l.score.toFixed(2)),
        el('td', {}, post),
        el('td', {}, l.reasons.join('; ')));
    });
    $('leads').replaceChildren(...rows);
  }

  // An EventSource reconnects by itself after a network error or the end of the response, but
  // gives up for good on an HTTP error answer (a proxy's 502 or 503 while the instance restarts):
  // then the stream is opened again, after 3 s, doubling up to a minute while it keeps failing.
  function openStream() {
    clearTimeout(reopenTimer);
    if (source) source.close();
    const query = token() ? '?access_token=' + encodeURIComponent(token()) : '';
    const current = new EventSource('/api/alerts/stream' + query);
    source = current;
    current.addEventListener('open', () => {
      reopenDelay = REOPEN_MIN_MS;
      $('status').textContent = 'live';
      catchUp(current);
    });
    current.addEventListener('error', () => {
      $('status').textContent = 'reconnecting…';
      if (current !== source || current.readyState !== EventSource.CLOSED) return;
      reopenTimer = setTimeout(() => {
        if (!$('main').hidden) openStream(); // else the login form starts again
      }, reopenDelay);
      reopenDelay = Math.min(2 * reopenDelay, REOPEN_MAX_MS);
    });
    current.addEventListener('alert', (event) => {
      const a = JSON.parse(event.data);
      addAlert(a);
      if (a.type === 'LEAD') refreshLeads().catch(() => {});
    });
  }

  // The stream opens whatever the first requests answer: an instance that is not answering yet
  // when the page loads is asked again, and its alerts reach the page once it answers.
  function start() {
    openStream();
    load();
  }

  async function load() {
    try {
      await Promise.all([refreshBrands(), refreshLeads()]);
      document.body.dataset.loaded = 'true';
    } catch (e) {
      if (String(e.message) === 'unauthorised') return;
      $('status').textContent = String(e.message || e);
      setTimeout(() => { if (!$('main').hidden) load(); }, RETRY_MS);
    }
  }

  $('size').addEventListener('change', () => refreshBrands(true).catch(() => {}));
  setInterval(() => { if (!$('main').hidden) refreshBrands().catch(() => {}); }, 10000);
  setInterval(() => { if (!$('main').hidden) refreshLeads().catch(() => {}); }, 15000);
  start();
})();
