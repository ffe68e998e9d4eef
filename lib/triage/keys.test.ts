// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { triageAction } from './keys';

/** A keydown as the browser gives it; happy-dom's events are untrusted, so isTrusted is set here. */
function key(target: Element, key: string, init: KeyboardEventInit = {}, trusted = true) {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init });
  let got: ReturnType<typeof triageAction> = null;
  const listener = (ev: Event) => {
    const k = ev as KeyboardEvent;
    got = triageAction({
      key: k.key,
      isTrusted: trusted,
      ctrlKey: k.ctrlKey,
      altKey: k.altKey,
      metaKey: k.metaKey,
      shiftKey: k.shiftKey,
      isComposing: k.isComposing,
      defaultPrevented: k.defaultPrevented,
      composedPath: () => k.composedPath(),
      target: k.target,
    });
  };
  window.addEventListener('keydown', listener);
  target.dispatchEvent(e);
  window.removeEventListener('keydown', listener);
  return got;
}

describe('keyboard triage keys', () => {
  it('maps j k s x o t n ? on the page', () => {
    document.body.innerHTML = '<main><p>entry</p></main>';
    const p = document.querySelector('p')!;
    expect(['j', 'k', 's', 'x', 'o', 't', 'n'].map((k) => key(p, k))).toEqual(['next', 'prev', 'save', 'dismiss', 'open', 'tag', 'note']);
    expect(key(p, '?', { shiftKey: true })).toBe('help');
    expect(key(p, 'Escape')).toBe('close');
    expect(key(p, 'q')).toBeNull();
  });

  it('leaves keys typed in fields alone', () => {
    document.body.innerHTML =
      '<input type="search"><textarea></textarea><select></select><div contenteditable="true"><b>x</b></div><div role="textbox"></div>';
    for (const sel of ['input', 'textarea', 'select', 'b', '[role=textbox]']) expect(key(document.querySelector(sel)!, 'j'), sel).toBeNull();
  });

  it('leaves keys typed in a field inside a shadow root alone', () => {
    document.body.innerHTML = '<div id="h"></div>';
    const root = document.getElementById('h')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input>';
    expect(key(root.querySelector('input')!, 's')).toBeNull();
  });

  it('ignores modifier keys and capitals', () => {
    document.body.innerHTML = '<p>x</p>';
    const p = document.querySelector('p')!;
    expect(key(p, 's', { ctrlKey: true })).toBeNull();
    expect(key(p, 's', { metaKey: true })).toBeNull();
    expect(key(p, 'j', { altKey: true })).toBeNull();
    expect(key(p, 'J', { shiftKey: true })).toBeNull();
  });

  it('ignores untrusted (synthetic) events and composition', () => {
    document.body.innerHTML = '<p>x</p>';
    const p = document.querySelector('p')!;
    expect(key(p, 's', {}, false)).toBeNull();
    expect(key(p, 's', { isComposing: true })).toBeNull();
  });
});
