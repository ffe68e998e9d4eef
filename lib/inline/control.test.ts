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
    const host = placed('<div style="background-color: rgb(20, 24, 33)"><div style="background-color: rgba(0, 0, 0, 0)"><p id="anchor">x</p></div></div>');
    expect(host.hasAttribute('data-dark')).toBe(true);
  });
  it('ignores a faint tint over a light page', () => {
    const el = document.createElement('p');
    document.body.innerHTML = '<div style="background-color: rgba(0, 0, 0, 0.05)"></div>';
    document.body.firstElementChild!.append(el);
    expect(isDarkBehind(el)).toBe(false);
  });
});
