// @vitest-environment happy-dom
// The note editor writes what was typed however the user leaves it: the autosave pause, leaving
// the field, going back to the list (the editor unmounts) or closing the popup (pagehide).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from './NoteEditor';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(onSave: (note: string) => Promise<unknown>) {
  void act(() => render(<NoteEditor value="" onSave={onSave} delay={60_000} />, root));
  const area = root.querySelector('textarea')!;
  return {
    type(text: string) {
      void act(() => {
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    area,
  };
}

describe('NoteEditor', () => {
  it('saves typed text when the editor unmounts before the autosave pause', () => {
    const onSave = vi.fn(() => Promise.resolve());
    const ed = mount(onSave);
    ed.type('read section 3');
    expect(onSave).not.toHaveBeenCalled();
    void act(() => render(null, root));
    expect(onSave).toHaveBeenCalledWith('read section 3');
  });

  it('saves typed text when the page is hidden (the popup closes)', () => {
    const onSave = vi.fn(() => Promise.resolve());
    const ed = mount(onSave);
    ed.type('closing now');
    dispatchEvent(new Event('pagehide'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith('closing now');
  });

  it('saves once on blur, and not again when nothing is pending', () => {
    const onSave = vi.fn(() => Promise.resolve());
    const ed = mount(onSave);
    ed.type('blurred');
    void act(() => {
      ed.area.dispatchEvent(new FocusEvent('blur'));
    });
    expect(onSave).toHaveBeenCalledTimes(1);
    void act(() => render(null, root));
    dispatchEvent(new Event('pagehide'));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('does not save on unmount when nothing was typed', () => {
    const onSave = vi.fn(() => Promise.resolve());
    mount(onSave);
    void act(() => render(null, root));
    expect(onSave).not.toHaveBeenCalled();
  });
});
