// CVF open access (openaccess.thecvf.com): listings (`dt.ptitle` + authors dd + links dd) and
// paper pages (`…_paper.html`: citation_* meta, #papertitle, #authors).
import { arxivIdFromUrl } from '../../paper/identity';
import { textOf } from '../../paper/text';
import { entries, hrefOf, lazyEntry, metaPaper, splitNames } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs, qsa } from '../select';

const NAMES: Record<string, string> = {
  CVPR: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition',
  ICCV: 'IEEE/CVF International Conference on Computer Vision',
  WACV: 'IEEE/CVF Winter Conference on Applications of Computer Vision',
  ECCV: 'European Conference on Computer Vision',
};

/** Venue and year from a path such as `/CVPR2024`, `/content/ICCV2023W/html/…`, `/content_cvpr_2017/…`. */
function conf(path: string): { venue?: string; year?: string } {
  const m = /(CVPR|ICCV|WACV|ECCV)_?(\d{4})(W\b|_workshops)?/i.exec(path);
  if (!m) return {};
  const code = m[1].toUpperCase() + (m[3] ? 'W' : '');
  return { year: m[2], venue: `Proceedings of the ${NAMES[m[1].toUpperCase()]}${m[3] ? ' Workshops' : ''} (${code})` };
}

const arxivIn = (root: ParentNode | null | undefined) => arxivIdFromUrl(qs(root, 'a[href*="arxiv.org/abs/"]')?.getAttribute('href') ?? '')?.id;
const nextDd = (e: Element | null) => (e?.nextElementSibling?.matches('dd') ? e.nextElementSibling : null);

function parseEntry(dt: Element, url: URL): Detection | null {
  const a = qs(dt, 'a[href]');
  const abs = hrefOf(a, url);
  if (!a || !abs) return null;
  const who = nextDd(dt);
  const links = nextDd(who);
  // A conference lists thousands of papers: the rest of each is read when the paper is (lazyEntry).
  const input = { ids: { arxiv: arxivIn(links), url: abs.href }, title: textOf(a), type: 'conference' as const, absUrl: abs.href, source: 'cvf' };
  const more = () => {
    const inputs = [...(qsa(who, 'input[name="query_author"]') ?? [])].map((i) => i.getAttribute('value'));
    return {
      ...conf(abs.pathname),
      authors: inputs.length ? inputs : splitNames(who?.textContent),
      pdfUrl: [...(qsa(links, 'a') ?? [])].find((l) => textOf(l) === 'pdf')?.getAttribute('href') ?? undefined,
    };
  };
  return lazyEntry(input, more, url, dt, 'append');
}

export const cvf: SiteAdapter = {
  id: 'cvf',
  name: 'CVF Open Access',
  hosts: ['openaccess.thecvf.com'],
  examples: [
    'https://openaccess.thecvf.com/CVPR2024?day=all',
    'https://openaccess.thecvf.com/content/ICCV2023/html/Doe_Some_Paper_ICCV_2023_paper.html',
  ],
  entrySelector: 'dt.ptitle',
  parseEntry,
  detect(doc, url) {
    if (!/_paper\.html$/.test(url.pathname)) return entries(doc, 'dt.ptitle', parseEntry, url);
    const t = doc.querySelector('#papertitle');
    const base = { ids: { url: url.href }, title: textOf(t), authors: splitNames(doc.querySelector('#authors i')?.textContent) };
    return metaPaper(doc, url, { ...conf(url.pathname), ids: { arxiv: arxivIn(doc) }, type: 'conference', source: 'cvf' }, base, t);
  },
};
