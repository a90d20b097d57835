// Every page of the Doxygen site, rendered by headless Chromium at 1280 x 900 as a reader on a
// laptop sees it. Fails on escaped markup shown as text, content wider than the window, a local
// link or #anchor that leads nowhere, and a search box that does not find what a reader types or
// whose results do not lead to what documents it.
// Saves screenshots of the main pages and of the search box's results for review.
//   node site_test.mjs HTML_DIR MODULES_DIR SCREENSHOT_DIR [CHROMIUM]
// MODULES_DIR is where `npm ci` installed puppeteer-core (tests/docs/CMakeLists.txt).
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [html_dir, modules_dir, screenshot_dir, chromium = '/usr/bin/chromium'] =
  process.argv.slice(2);
if (!screenshot_dir) {
  console.error('usage: node site_test.mjs HTML_DIR MODULES_DIR SCREENSHOT_DIR [CHROMIUM]');
  process.exit(2);
}
const puppeteer = createRequire(path.join(modules_dir, 'package.json'))('puppeteer-core');

const width = 1280;
const height = 900;
const screenshots = ['index', 'semantics', 'codes_v2', 'codes_v3', 'codes_v4', 'retrying'];
// What a reader types in the search box: symbols, and numbers copied from a log. A code's results
// lead to its row in the table of each version that documents it (tests/data/codes.tsv, transcribed
// from TrackingMore's reference), an HTTP status's to the section on HTTP statuses.
const searched = [
  { term: 'rate_limited' },
  { term: 'decide' },
  { term: '4101', code: true },
  { term: '429', code: true, http: true },
  { term: '522', http: true },
];
const tsv = fs.readFileSync(new URL('../../data/codes.tsv', import.meta.url), 'utf8');
const versions_of = (code) =>
  tsv.split('\n').filter((line) => !line.startsWith('#') && line.split('\t')[1] === code)
    .map((line) => line.split('\t')[0]).sort();
// Markup that a reader should never read as text.
const escaped_markup = /<\/?(tt|code|b|em)>/i;

// Served over http on 127.0.0.1, as a web server would: the search box loads its results in a
// frame, which Chromium does not let a file:// page read.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css',
                '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = createServer((request, response) => {
  const file = path.join(html_dir, decodeURIComponent(new URL(request.url, 'http://x').pathname));
  if (!file.startsWith(html_dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// Doxygen's search/*.html are the search box's result frames, not pages of their own.
const pages = fs.readdirSync(html_dir).filter((name) => name.endsWith('.html')).sort();
const failures = [];
const fail = (page, what) => failures.push(`${page}: ${what}`);

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // As root (CI), Chromium runs only without its sandbox.
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
const started = Date.now();
const targets = new Map(); // page -> ids and names it holds
const links = []; // [page, href]
try {
  const tab = await browser.newPage();
  await tab.setViewport({ width, height });
  tab.on('pageerror', (error) => fail(tab.url(), `script error: ${error.message}`));
  for (const page of pages) {
    const response = await tab.goto(`${origin}/${page}`, { waitUntil: 'networkidle0' });
    if (!response.ok()) fail(page, `HTTP ${response.status()}`);
    const found = await tab.evaluate(() => {
      // With the tree view, the page's content scrolls in #doc-content; without, the document.
      const content = document.getElementById('doc-content') ?? document.documentElement;
      const wide = [...content.querySelectorAll('table, pre, div.fragment, h1, h2, h3')]
        .filter((e) => e.getBoundingClientRect().right > content.clientWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()} "${e.innerText.slice(0, 40).replace(/\s+/g, ' ')}"`);
      return {
        text: document.body.innerText,
        scroll_width: content.scrollWidth,
        client_width: content.clientWidth,
        wide: wide.slice(0, 3),
        targets: [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.name),
        links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
      };
    });
    const markup = found.text.match(escaped_markup);
    if (markup) {
      const at = found.text.indexOf(markup[0]);
      fail(page, `escaped markup shown as text: "${found.text.slice(Math.max(0, at - 30), at + 30)}"`);
    }
    if (found.scroll_width > found.client_width) {
      fail(page, `content ${found.scroll_width} px wide in a ${found.client_width} px window ` +
                 `(${found.wide.join(', ') || 'no table nor heading'})`);
    }
    targets.set(page, new Set(found.targets));
    for (const href of found.links) links.push([page, href]);
    const name = page.replace(/\.html$/, '');
    if (screenshots.includes(name)) {
      await tab.screenshot({ path: path.join(screenshot_dir, `${name}.png`) });
    }
  }
  for (const name of screenshots) {
    if (!pages.includes(`${name}.html`)) fail(`${name}.html`, 'missing: the site has no such page');
  }

  // Local links: the file exists and, for #anchor, holds an element of that id or name.
  for (const [page, href] of links) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    const target = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (!fs.existsSync(path.join(html_dir, target))) {
      fail(page, `link to ${target}: no such file`);
    } else if (anchor && targets.has(target) && !targets.get(target).has(anchor)) {
      fail(page, `link to ${target}#${anchor}: no such anchor`);
    }
  }

  // The search box of the main page: what a reader types finds at least one entry, and the
  // results of a number lead, when followed, to what documents it, scrolled into view.
  const search = async (term) => {
    await tab.goto(`${origin}/index.html`, { waitUntil: 'networkidle0' });
    await tab.click('#MSearchField', { clickCount: 3 });
    await tab.keyboard.type(term);
    const frame_handle = await tab.waitForSelector('#MSearchResults', { visible: true });
    const frame = await frame_handle.contentFrame();
    await frame.waitForFunction(
      () => document.querySelector('.SRResult') || document.querySelector('.SRStatus#NoMatches'),
      { polling: 100 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the box filters as one types
    const results = await frame.evaluate(() =>
      [...document.querySelectorAll('.SRResult')]
        .filter((e) => e.style.display !== 'none')
        .map((e) => [...e.querySelectorAll('.SRSymbol, .SRScope')]
          .map((part) => part.innerText.trim().replace(/\s+/g, ' ')).join(' ')));
    return { frame, results };
  };
  for (const { term, code, http } of searched) {
    const { results } = await search(term);
    if (results.length === 0) fail('search box', `"${term}" finds nothing`);
    else console.log(`search "${term}": ${results.join('; ')}`);
    if (!code && !http) continue;
    await tab.screenshot({ path: path.join(screenshot_dir, `search_${term}.png`) });
    const expected = [...(code ? versions_of(term).map((v) => `codes_${v}`) : []),
                      ...(http ? ['HTTP'] : [])];
    const found = [];
    for (let i = 0; i < results.length; ++i) {
      const { frame } = await search(term);
      const result = (await frame.$$('.SRResult:not([style*="none"]) a.SRSymbol'))[i];
      await Promise.all([tab.waitForNavigation({ waitUntil: 'networkidle0' }), result.click()]);
      const text = results[i];
      const page = new URL(tab.url()).pathname.slice(1).replace(/\.html$/, '');
      const what = text.includes(' HTTP: ') ? 'HTTP' : page;
      found.push(what);
      // The target: a row whose code cell is the term, or the section on HTTP statuses; in view
      // once the tree view has scrolled the page.
      const landed = await tab.waitForFunction((http) => {
        const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (!target) return null;
        // A heading's anchor is in view when the heading's text is; a row, when all of it is.
        const shown = http ? target : target.closest('tr') ?? target;
        const top = (document.getElementById('doc-content') ?? document.documentElement)
          .getBoundingClientRect().top;
        const box = shown.getBoundingClientRect();
        if (box.top < top - 1 || box.bottom > window.innerHeight + 1) return null;
        return (shown.cells?.[0] ?? target.closest('h1, h2, h3') ?? shown).innerText.trim();
      }, { polling: 100, timeout: 5000 }, what === 'HTTP')
        .then((handle) => handle.jsonValue(), () => null);
      if (landed === null) {
        fail('search box', `"${term}": ${text} leads to ${tab.url()}, not in view`);
      } else if (what !== 'HTTP' && landed !== term) {
        fail('search box', `"${term}": ${text} leads to ${tab.url()}, the row of ${landed}`);
      } else {
        console.log(`  ${text} -> ${tab.url().slice(origin.length + 1)} (${landed})`);
      }
      if (what.startsWith('codes_') && !text.startsWith(`${term} ${what.slice(6)} `)) {
        fail('search box', `"${term}": ${text} leads to ${what}, another version's page`);
      }
    }
    for (const what of expected.filter((e) => !found.includes(e))) {
      fail('search box', `"${term}" does not lead to ${what === 'HTTP' ? 'HTTP statuses' : what}`);
    }
    for (const what of found.filter((f) => !expected.includes(f))) {
      fail('search box', `"${term}" leads to ${what}, which does not document it`);
    }
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`${pages.length} pages at ${width} x ${height}, ${links.length} links, in ` +
            `${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${screenshot_dir}`);
for (const failure of failures) console.log(`FAIL ${failure}`);
process.exit(failures.length === 0 ? 0 : 1);
