// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { makePaper } from '../paper/make';
import type { PaperMeta } from '../paper/schema';
import type { SiteAdapter } from '../detect/types';
import { PageSession, type SessionEnv } from './session';

// A small listing adapter of our own, so these tests depend on no real site.
const listing: SiteAdapter = {
  id: 'test-list',
  name: 'Test',
  hosts: ['list.test'],
  examples: ['https://list.test/'],
  entrySelector: 'li.e',
  parseEntry(el, url) {
    const a = el.querySelector('a');
    const paper = makePaper({ ids: { arxiv: a?.getAttribute('data-id') ?? '' }, title: a?.textContent, source: 'test' }, url.href);
    return paper && a ? { paper, anchor: a } : null;
  },
  detect(doc, url) {
    return [...doc.querySelectorAll('li.e')].map((e) => this.parseEntry!(e, url)).filter((d) => d !== null);
  },
};

function page(ids: string[]): Document {
  document.body.innerHTML = `<ul>${ids.map((id) => `<li class="e"><a href="/abs/${id}" data-id="${id}">Paper ${id}</a></li>`).join('')}</ul>`;
  return document;
}

function env(saved: string[] = []) {
  const reports: string[][] = [];
  const e: SessionEnv & { reports: string[][] } = {
    reports,
    report: vi.fn(async (_u: string, papers: PaperMeta[]) => {
      reports.push(papers.map((p) => p.key));
      return saved;
    }),
    save: vi.fn(async (p: PaperMeta) => [p.key]),
    unsave: vi.fn(async () => {}),
  };
  return e;
}

const opts = { adapters: [listing], genericEverywhere: false };
const hosts = () => [...document.querySelectorAll('papershelf-save')];
const buttonOf = (host: Element) => host.shadowRoot!.querySelector('button')!;

describe('PageSession', () => {
  it('mounts one control per entry with the canonical key and the saved state', async () => {
    const e = env(['arxiv:2401.00002']);
    const s = new PageSession(page(['2401.00001', '2401.00002']), e, opts, 'https://list.test/');
    await s.scan();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-key'))).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    expect(hosts().map((h) => buttonOf(h).getAttribute('aria-label')?.split(':')[0])).toEqual(['Save to Papershelf', 'Saved in Papershelf']);
    expect(e.reports).toEqual([['arxiv:2401.00001', 'arxiv:2401.00002']]);
  });

  it('is idempotent on re-scan', async () => {
    const e = env();
    const s = new PageSession(page(['2401.00001']), e, opts, 'https://list.test/');
    await s.scan();
    await s.scan();
    expect(hosts()).toHaveLength(1);
    expect(e.reports).toHaveLength(1);
  });

  it('parses only entries added later, and reports the new set', async () => {
    const e = env();
    const doc = page(['2401.00001']);
    const s = new PageSession(doc, e, opts, 'https://list.test/');
    await s.scan();
    const li = doc.createElement('li');
    li.className = 'e';
    li.innerHTML = '<a data-id="2401.00009">Later paper</a>';
    doc.querySelector('ul')!.append(li);
    await s.scanAdded([li]);
    expect(hosts()).toHaveLength(2);
    expect(e.reports.at(-1)).toEqual(['arxiv:2401.00001', 'arxiv:2401.00009']);
  });

  it('forgets entries that left the page', async () => {
    const e = env();
    const doc = page(['2401.00001', '2401.00002']);
    const s = new PageSession(doc, e, opts, 'https://list.test/');
    await s.scan();
    doc.querySelector('li')!.remove();
    await s.scanAdded([]);
    expect(e.reports.at(-1)).toEqual(['arxiv:2401.00002']);
  });

  it('ignores clicks a page script makes (untrusted events)', async () => {
    const e = env();
    const s = new PageSession(page(['2401.00001']), e, opts, 'https://list.test/');
    await s.scan();
    buttonOf(hosts()[0]).click();
    buttonOf(hosts()[0]).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await Promise.resolve();
    expect(e.save).not.toHaveBeenCalled();
  });

  it('applies live saved state and removes every control on destroy', async () => {
    const s = new PageSession(page(['2401.00001']), env(), opts, 'https://list.test/');
    await s.scan();
    s.applySaved(['arxiv:2401.00001']);
    expect(buttonOf(hosts()[0]).textContent).toBe('Saved');
    s.applySaved([]);
    expect(buttonOf(hosts()[0]).textContent).toBe('Save');
    s.destroy();
    expect(hosts()).toHaveLength(0);
  });

  it('puts page text in the button label as text only', async () => {
    document.body.innerHTML = '<ul><li class="e"><a data-id="2401.00001">&lt;img src=x onerror=alert(1)&gt;</a></li></ul>';
    const s = new PageSession(document, env(), opts, 'https://list.test/');
    await s.scan();
    const b = buttonOf(hosts()[0]);
    expect(b.getAttribute('aria-label')).toBe('Save to Papershelf: <img src=x onerror=alert(1)>');
    expect(hosts()[0].shadowRoot!.querySelector('img')).toBeNull();
  });
});

describe('settings changed while the page is open', () => {
  it('drops the controls when inline buttons are switched off and brings them back', async () => {
    const e = env();
    const s = new PageSession(page(['2401.00001', '2401.00002']), e, opts, 'https://list.test/');
    await s.scan();
    expect(hosts()).toHaveLength(2);
    s.destroy();
    s.reconfigure({ inlineButtons: false });
    await s.scan();
    expect(hosts()).toHaveLength(0);
    expect(s.keys).toHaveLength(2); // still detected: badge and popup keep them
    s.reconfigure({ inlineButtons: true });
    await s.scan();
    expect(hosts()).toHaveLength(2);
  });

  it('finds nothing once its site is switched off', async () => {
    const e = env();
    const s = new PageSession(page(['2401.00001']), e, opts, 'https://list.test/');
    await s.scan();
    s.destroy();
    s.reconfigure({ disabled: ['test-list'] });
    await s.scan();
    expect(hosts()).toHaveLength(0);
    expect(e.reports.at(-1)).toEqual([]);
  });
});
