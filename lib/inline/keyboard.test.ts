// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../paper/make';
import type { ControlHandle } from './control';
import { OVERLAY_TAG, startKeyboardTriage, type KeyboardSession } from './keyboard';

/** A keydown as a user's: the DOM under test makes every event untrusted, so it is marked here. */
function press(target: EventTarget, key: string, init: KeyboardEventInit = {}, trusted = true): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  Object.defineProperty(e, 'isTrusted', { get: () => trusted });
  target.dispatchEvent(e);
  return e;
}

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

function setup(enabled = true) {
  document.body.innerHTML =
    '<input id="q" type="search"><ol>' + [1, 2, 3].map((i) => `<li><a id="e${i}" href="/abs/${i}">Paper ${i}</a></li>`).join('') + '</ol>';
  const list = [1, 2, 3].map((i) => ({
    key: `arxiv:2401.0000${i}`,
    anchor: document.getElementById(`e${i}`)!,
    handle: { host: document.createElement('papershelf-save') } as unknown as ControlHandle,
  }));
  const session: KeyboardSession & { saved: string[]; dismissed: string[] } = {
    saved: [],
    dismissed: [],
    entries: () => list,
    paper: (k) => ({
      ...makePaper({ ids: { arxiv: k.slice(6) }, title: `Paper ${k}`, source: 't' })!,
      absUrl: `https://arxiv.org/abs/${k.slice(6)}`,
    }),
    savePaper: async function (k) {
      this.saved.push(k);
    },
    toggleDismiss: async function (k) {
      this.dismissed.push(k);
    },
  };
  const deps = { enabled: () => enabled, open: vi.fn(), annotate: vi.fn(async () => {}), onError: vi.fn() };
  const stop = startKeyboardTriage(window, session, deps);
  stops.push(stop);
  return { session, deps, stop };
}

describe('keyboard triage', () => {
  it('j and k step over hidden entries ("hide instead of dim")', async () => {
    const { session } = setup();
    session.entries()[1].handle.host.setAttribute('data-papershelf-hidden', '');
    press(document.body, 'j');
    press(document.body, 'j');
    press(document.body, 's');
    await Promise.resolve();
    expect(session.saved).toEqual(['arxiv:2401.00003']);
    press(document.body, 'k');
    press(document.body, 's');
    await Promise.resolve();
    expect(session.saved).toEqual(['arxiv:2401.00003', 'arxiv:2401.00001']);
  });

  it('j j s saves the second entry, x dismisses, o opens; the page does not see the keys', async () => {
    const { session, deps, stop } = setup();
    const pageSaw: string[] = [];
    document.body.addEventListener('keydown', (e) => pageSaw.push(e.key));
    press(document.body, 'j');
    press(document.body, 'j');
    const s = press(document.body, 's');
    expect(s.defaultPrevented).toBe(true);
    expect(session.saved).toEqual(['arxiv:2401.00002']);
    press(document.body, 'x');
    expect(session.dismissed).toEqual(['arxiv:2401.00002']);
    press(document.body, 'k');
    press(document.body, 'o');
    expect(deps.open).toHaveBeenCalledWith('https://arxiv.org/abs/2401.00001');
    expect(pageSaw).toEqual([]);
    // The ring is the extension's own element, in its own shadow root; the page is not restyled.
    const overlay = document.querySelector(OVERLAY_TAG)!;
    expect(overlay.shadowRoot!.querySelector('.ring')).not.toBeNull();
    expect(document.getElementById('e1')!.getAttribute('style')).toBeNull();
    stop();
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
  });

  it("leaves keys typed in the page's search box, with modifiers, or synthetic, alone", () => {
    const { session } = setup();
    const q = document.getElementById('q')!;
    expect(press(q, 'j').defaultPrevented).toBe(false);
    press(q, 's');
    press(document.body, 'j', { ctrlKey: true });
    press(document.body, 'j', {}, false);
    press(document.body, 's');
    expect(session.saved).toEqual([]);
  });

  it('takes no key where the setting is off', () => {
    const { session } = setup(false);
    press(document.body, 'j');
    expect(press(document.body, 's').defaultPrevented).toBe(false);
    expect(session.saved).toEqual([]);
  });

  it('? shows the keys; t asks for tags in the overlay and applies them on Enter', async () => {
    const { deps } = setup();
    press(document.body, '?', { shiftKey: true });
    const panel = document.querySelector(OVERLAY_TAG)!.shadowRoot!.querySelector('.panel') as HTMLElement;
    expect(panel.textContent).toContain('next entry');
    press(document.body, 'Escape');
    expect(panel.style.display).toBe('none');
    press(document.body, 'j');
    press(document.body, 't');
    const input = panel.querySelector('input')!;
    input.value = 'triage, later';
    press(input, 'Enter');
    expect(deps.annotate).toHaveBeenCalledWith(expect.objectContaining({ key: 'arxiv:2401.00001' }), { tags: ['triage', 'later'] });
  });
});
