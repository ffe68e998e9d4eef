// A realistic copy of arXiv's /list page (our own writing, in the markup of
// ../shared/corpus/pages/arxiv-listing-1.html): the 2,000 entries of listing.ts inside arXiv's
// page frame (identity banner, header with search form, footer), with the subresources such a
// page loads — three stylesheets (one for print), blocking head scripts, a MathJax-like async
// script that walks the entries, web fonts, logo images and favicons — all generated here.
import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { generatePapers } from '../../lib/search/generate';
import { benchProbe, listingEntry } from './listing';

export interface Asset {
  type: string;
  body: string | Buffer;
}

const STATIC = '/static/browse/0.3.4';

/** A valid PNG of one colour (favicons): signature, IHDR, IDAT, IEND with their CRCs. */
function png(size: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = (w: number, h: number, fill: string, label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><rect width="${w}" height="${h}" rx="6" fill="${fill}"/>` +
  Array.from(
    { length: 24 },
    (_, i) => `<path d="M${8 + i * 7} ${h - 8} l3 -${10 + (i % 5) * 4} l3 ${10 + (i % 5) * 4}z" fill="#fff" opacity=".${3 + (i % 6)}"/>`,
  ).join('') +
  `<text x="${w / 2}" y="${h / 2}" fill="#fff" font-size="14" text-anchor="middle">${label}</text></svg>`;

/** A font the browser can decode: the system's DejaVu when present (Debian's fonts-dejavu-core), else bytes it rejects (still fetched). */
function font(file: string): Buffer {
  const path = `/usr/share/fonts/truetype/dejavu/${file}`;
  return existsSync(path) ? readFileSync(path) : Buffer.from(`not a font: ${file}`.repeat(200));
}

/** arXiv.css-like: reset, layout, the listing's rules and many component rules (about 40 KB). */
function mainCss(): string {
  const components = Array.from(
    { length: 260 },
    (_, i) =>
      `.c${i}{margin:${i % 7}px ${i % 5}px;padding:${i % 4}px}.c${i} > .item:hover{color:#${(0x203040 + i * 97).toString(16).slice(-6)}}.c${i}.is-active .item:not(:last-child){border-bottom:1px solid #ddd}`,
  ).join('\n');
  return `@font-face{font-family:"Lucida Bench";src:url(${STATIC}/fonts/bench-sans.ttf) format("truetype");font-weight:400}
@font-face{font-family:"Lucida Bench";src:url(${STATIC}/fonts/bench-sans-bold.ttf) format("truetype");font-weight:700}
@font-face{font-family:"Bench Serif";src:url(${STATIC}/fonts/bench-serif.ttf) format("truetype")}
html,body{margin:0;padding:0}body{font-family:"Lucida Bench","Lucida Grande",Helvetica,Arial,sans-serif;font-size:100%;line-height:1.4;color:#222}
#cu-identity{display:flex;align-items:center;background:#b31b1b;color:#fff;padding:.5em 1em}#cu-logo img{height:40px}
#header{display:flex;justify-content:space-between;background:#b31b1b;padding:.5em 1em;color:#fff}#header a{color:#fff}
.header-breadcrumbs img{vertical-align:middle}.mini-search .input{font-size:.8em;width:12em}
#content{margin:0 auto;max-width:1400px;padding:0 1em}#dlpage h1{font-family:"Bench Serif",serif;font-size:1.6em}
dl#articles dt{margin-top:1em;font-weight:400}dl#articles dd{margin-left:2em}
.list-title{font-size:1.1em;font-weight:700;line-height:1.3}.list-authors{font-size:.95em}.list-authors a{color:#0060a8}
.descriptor{color:#666;font-weight:400;margin-right:.3em}.list-comments,.list-subjects{font-size:.9em}.primary-subject{font-weight:700}
.mathjax{overflow-wrap:anywhere}.paging{margin:.5em 0;color:#555}.list-dateline{font-style:italic}
footer{background:#e6e6e6;padding:2em 1em;margin-top:3em}footer .columns{display:flex;gap:2em}footer ul{list-style:none;padding:0}
body.page-link-on #header{background:#8c1515}
${components}
`;
}

const printCss = () => `@media print{#header,#cu-identity,footer,.mini-search{display:none}body{font-size:10pt}dl#articles dd{margin-left:1em}}`;

const searchCss = () =>
  Array.from(
    { length: 80 },
    (_, i) => `.search-block .f${i}{flex:${1 + (i % 3)};margin-left:${i % 9}px}.select.is-small .o${i}{font-size:${0.7 + (i % 4) / 10}em}`,
  ).join('\n');

/** accordion.js-like: blocking, in the head; wires the page's toggles when the document is parsed. */
const accordionJs = () => `(function(){
  function toggle(e){var t=e.currentTarget;t.classList.toggle('is-active');var n=t.nextElementSibling;if(n)n.hidden=!n.hidden;}
  document.addEventListener('DOMContentLoaded',function(){
    var heads=document.querySelectorAll('.accordion-head');for(var i=0;i<heads.length;i++)heads[i].addEventListener('click',toggle);
  });
})();`;

/** mathjaxToggle.min.js-like: reads a preference, then loads the typesetter asynchronously. */
const toggleJs = () => `function mathjaxToggle(){var on=true;try{on=localStorage.getItem('mathjax')!=='off'}catch(e){}
if(!on)return;var s=document.createElement('script');s.async=true;s.src='${STATIC}/js/tex-bench.js';document.head.appendChild(s);}`;

/**
 * The typesetter stand-in: an async script of some size that, once loaded, reads every
 * `.mathjax` element (arXiv's titles and abstracts) in chunks, as MathJax does before typesetting.
 */
const texJs = () =>
  `(function(){var table={};${Array.from({ length: 400 }, (_, i) => `table['m${i}']=function(x){return x*${i + 1}+${i % 13}};`).join('')}
  var els=Array.prototype.slice.call(document.querySelectorAll('.mathjax')),i=0,found=0;
  function step(){var end=Math.min(els.length,i+200);for(;i<end;i++){if(els[i].textContent.indexOf('$')>=0)found++;}
    if(i<els.length)setTimeout(step,0);else document.documentElement.setAttribute('data-typeset',String(found));}
  step();})();`;

const memberJs = () => `(function(){var ack=document.getElementById('support-ack-url');if(ack)ack.setAttribute('data-checked','1');})();`;

/** The page and its subresources by path. */
export function arxivRealSite(count: number): { html: string; assets: Map<string, Asset> } {
  const papers = generatePapers(count, { seed: 11 });
  const rows = papers.map((p, i) => listingEntry(i + 1, `2405.${String(10001 + i).padStart(5, '0')}`, p.title, p.authors, undefined)).join('');
  const footerCols = Array.from(
    { length: 4 },
    (_, c) =>
      `<div class="column"><ul>${Array.from({ length: 4 }, (_, i) => `<li><a href="https://info.arxiv.org/help/f${c}${i}.html">Footer link ${c}.${i}</a></li>`).join('')}</ul></div>`,
  ).join('');
  const html = `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
  <title>Machine Learning</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${benchProbe(count)}
  <link rel="icon" type="image/png" sizes="32x32" href="${STATIC}/images/icons/favicon-32x32.png">
  <link rel="icon" type="image/png" sizes="16x16" href="${STATIC}/images/icons/favicon-16x16.png">
  <link rel="stylesheet" type="text/css" media="screen" href="${STATIC}/css/arXiv.css?v=20240514" />
  <link rel="stylesheet" type="text/css" media="print" href="${STATIC}/css/arXiv-print.css?v=20200611" />
  <link rel="stylesheet" type="text/css" media="screen" href="${STATIC}/css/browse_search.css" />
  <script src="${STATIC}/js/accordion.js"></script>
  <script src="${STATIC}/js/mathjaxToggle.min.js" type="text/javascript"></script>
  <script type="text/javascript">mathjaxToggle();</script>
</head>
<body class="with-cu-identity">
  <div class="flex-wrap-footer">
    <header>
      <a href="#content" class="is-sr-only">Skip to main content</a>
      <div class="columns is-vcentered is-hidden-mobile" id="cu-identity">
        <div class="column" id="cu-logo"><a href="https://www.cornell.edu/"><img src="${STATIC}/images/icons/cu/cornell-reduced-white-SMALL.svg" alt="Cornell University" /></a></div>
        <div class="column" id="support-ack"><span id="support-ack-url">We gratefully acknowledge support from our <a href="https://info.arxiv.org/about/ourmembers.html">member institutions</a>. <a href="https://info.arxiv.org/about/donate.html">Donate</a></span></div>
      </div>
      <div id="header" class="is-hidden-mobile">
        <div class="header-breadcrumbs">
          <a href="/"><img src="${STATIC}/images/arxiv-logo-one-color-white.svg" alt="arxiv logo" style="height:40px;" /></a> <span>&gt;</span>
          <a id="page-link" href="/list/cs.LG/recent">cs.LG</a>
        </div>
        <div class="search-block level-right">
          <form class="level-item mini-search" method="GET" action="https://arxiv.org/search">
            <input class="input is-small" type="text" name="query" placeholder="Search..." aria-label="Search term or terms" />
            <select name="searchtype" aria-label="Field to search"><option value="all" selected="selected">All fields</option><option value="title">Title</option><option value="author">Author</option></select>
            <button class="button is-small is-cul-darker">Search</button>
          </form>
        </div>
      </div>
    </header>
    <main>
      <div id="content">
        <div id="content-inner">
          <div id="dlpage">
            <h1>Machine Learning</h1>
            <div class="list-dateline">Authors and titles for recent submissions</div>
            <div class="paging">Total of ${count} entries</div>
            <dl id="articles">
              <h3>Tue, 14 May 2024 (showing ${count} of ${count} entries)</h3>${rows}
            </dl>
          </div>
        </div>
      </div>
    </main>
    <footer><div class="columns">${footerCols}</div></footer>
  </div>
  <script src="/static/base/1.0.1/js/member_acknowledgement.js"></script>
</body>
</html>
`;
  const assets = new Map<string, Asset>([
    [`${STATIC}/css/arXiv.css`, { type: 'text/css', body: mainCss() }],
    [`${STATIC}/css/arXiv-print.css`, { type: 'text/css', body: printCss() }],
    [`${STATIC}/css/browse_search.css`, { type: 'text/css', body: searchCss() }],
    [`${STATIC}/js/accordion.js`, { type: 'text/javascript', body: accordionJs() }],
    [`${STATIC}/js/mathjaxToggle.min.js`, { type: 'text/javascript', body: toggleJs() }],
    [`${STATIC}/js/tex-bench.js`, { type: 'text/javascript', body: texJs() }],
    ['/static/base/1.0.1/js/member_acknowledgement.js', { type: 'text/javascript', body: memberJs() }],
    [`${STATIC}/fonts/bench-sans.ttf`, { type: 'font/ttf', body: font('DejaVuSans.ttf') }],
    [`${STATIC}/fonts/bench-sans-bold.ttf`, { type: 'font/ttf', body: font('DejaVuSans-Bold.ttf') }],
    [`${STATIC}/fonts/bench-serif.ttf`, { type: 'font/ttf', body: font('DejaVuSerif.ttf') }],
    [`${STATIC}/images/icons/favicon-32x32.png`, { type: 'image/png', body: png(32, [179, 27, 27]) }],
    [`${STATIC}/images/icons/favicon-16x16.png`, { type: 'image/png', body: png(16, [179, 27, 27]) }],
    [`${STATIC}/images/icons/cu/cornell-reduced-white-SMALL.svg`, { type: 'image/svg+xml', body: svg(180, 40, '#b31b1b', 'Cornell') }],
    [`${STATIC}/images/arxiv-logo-one-color-white.svg`, { type: 'image/svg+xml', body: svg(120, 40, '#8c1515', 'arXiv') }],
  ]);
  return { html, assets };
}

/** The latency of one request: 50–150 ms, fixed per path (the same in every load and browser). */
export function latencyOf(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return 50 + ((h >>> 0) % 101);
}
