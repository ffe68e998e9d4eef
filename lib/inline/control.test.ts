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
