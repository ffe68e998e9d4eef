// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createControl, isDarkBehind } from './control';

function placed(html: string): HTMLElement {
  document.body.innerHTML = html;
  const c = createControl(document, 'arxiv:2401.00001', 'A paper', () => {});
  document.getElementById('anchor')!.append(c.host);
  c.fit();
  return c.host;
}

describe('inline control colours', () => {
  it('stays light on a page without backgrounds and on light blocks', () => {
    expect(placed('<p id="anchor">x</p>').hasAttribute('data-dark')).toBe(false);
    expect(placed('<div style="background-color: rgb(250, 250, 240)"><p id="anchor">x</p></div>').hasAttribute('data-dark')).toBe(false);
  });
  it('turns dark on a dark block, looking through transparent ones', () => {
    const host = placed(
      '<div style="background-color: rgb(20, 24, 33)"><div style="background-color: rgba(0, 0, 0, 0)"><p id="anchor">x</p></div></div>',
    );
    expect(host.hasAttribute('data-dark')).toBe(true);
  });
  it('ignores a faint tint over a light page', () => {
    const el = document.createElement('p');
    document.body.innerHTML = '<div style="background-color: rgba(0, 0, 0, 0.05)"></div>';
    document.body.firstElementChild!.append(el);
    expect(isDarkBehind(el)).toBe(false);
  });
});

describe('inline control events', () => {
  it('are kept from the page (one set of window listeners for every control) and synthetic clicks do nothing', () => {
    document.body.innerHTML = '<p id="row"><a id="link" href="#elsewhere">paper</a></p>';
    const activated: boolean[] = [];
    const controls = [0, 1, 2].map((i) => createControl(document, `arxiv:2401.0000${i}`, `Paper ${i}`, (saved) => activated.push(saved)));
    for (const c of controls) document.getElementById('row')!.append(c.host);
    const seen: string[] = [];
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']) document.body.addEventListener(type, () => seen.push(type));
    const button = controls[1].host.shadowRoot!.querySelector('button')!;
    for (const type of ['mousedown', 'pointerdown', 'mouseup', 'pointerup'])
      button.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    button.dispatchEvent(click);
    expect(seen).toEqual([]);
    expect(click.defaultPrevented).toBe(true);
    // Untrusted (a page script's): no activation.
    expect(activated).toEqual([]);
    // The page's own elements are left alone.
    const own = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    document.getElementById('link')!.dispatchEvent(own);
    expect(seen).toEqual(['click']);
    expect(own.defaultPrevented).toBe(false);
  });
});

describe('inline control triage look', () => {
  const withTriage = () => {
    document.body.innerHTML = '<p id="anchor">x</p>';
    const c = createControl(
      document,
      'arxiv:2401.00001',
      'A paper',
      () => {},
      () => {},
    );
    document.getElementById('anchor')!.append(c.host);
    return c;
  };
  /** Records what a callback changes in a control's shadow root and on its host. */
  const changes = async (c: ReturnType<typeof withTriage>, fn: () => void) => {
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((r) => records.push(...r));
    mo.observe(c.host.shadowRoot!, { childList: true, subtree: true, attributes: true, characterData: true });
    mo.observe(c.host, { attributes: true });
    fn();
    await Promise.resolve();
    records.push(...mo.takeRecords());
    mo.disconnect();
    return records;
  };

  it('builds the mark and the Dismiss button with the control, shown by a host attribute only', async () => {
    const c = withTriage();
    const root = c.host.shadowRoot!;
    const dismiss = root.querySelector('button.dismiss')!;
    expect(root.querySelector('.mark')).not.toBeNull();
    expect(dismiss.getAttribute('aria-label')).toBe('Dismiss: A paper');
    expect(c.host.hasAttribute('data-papershelf-triage')).toBe(false);
    const look = await changes(c, () => c.setTriage({ isNew: true, dismissed: false, watch: [] }));
    expect(look.filter((r) => r.type === 'childList')).toEqual([]);
    expect(look.every((r) => r.target === c.host)).toBe(true);
    expect(c.host.hasAttribute('data-papershelf-triage')).toBe(true);
    expect(c.host.hasAttribute('data-papershelf-new')).toBe(true);
  });

  it('writes nothing when the look is unchanged, and only the button when it is dismissed', async () => {
    const c = withTriage();
    c.setTriage({ isNew: true, dismissed: false, watch: [] });
    expect(await changes(c, () => c.setTriage({ isNew: true, dismissed: false, watch: [] }))).toEqual([]);
    await changes(c, () => c.setTriage({ isNew: true, dismissed: true, watch: [] }));
    const dismiss = c.host.shadowRoot!.querySelector('button.dismiss')!;
    expect(c.host.hasAttribute('data-papershelf-dismissed')).toBe(true);
    expect(dismiss.getAttribute('aria-label')).toBe('Dismissed, click to undo: A paper');
    expect(dismiss.textContent).toBe('Undo');
    c.setTriage({ isNew: false, dismissed: false, watch: ['ML'] });
    expect(dismiss.getAttribute('aria-label')).toBe('Dismiss: A paper');
    expect(c.host.shadowRoot!.querySelector('.mark')!.textContent).toBe('★');
    expect(c.host.getAttribute('data-papershelf-watch')).toBe('ML');
  });

  it('a control without triage has no triage nodes', () => {
    document.body.innerHTML = '<p id="anchor">x</p>';
    const c = createControl(document, 'arxiv:2401.00001', 'A paper', () => {});
    expect(c.host.shadowRoot!.querySelectorAll('button')).toHaveLength(1);
    expect(c.host.shadowRoot!.querySelector('.mark')).toBeNull();
  });
});
