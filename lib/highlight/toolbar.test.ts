// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createToolbar } from './toolbar';

describe('selection toolbar', () => {
  const setup = () => {
    const actions = { highlight: vi.fn(), comment: vi.fn(), addToNote: vi.fn() };
    const bar = createToolbar(document, actions);
    bar.show({ left: 10, bottom: 10 }, false);
    const buttons = [...bar.host.shadowRoot!.querySelectorAll('button')];
    return { actions, bar, buttons };
  };

  it('starts with the four Highlight colours, then Comment and Add to note', () => {
    const { bar, buttons } = setup();
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Highlight yellow',
      'Highlight green',
      'Highlight blue',
      'Highlight pink',
      'Comment',
      'Add to note',
      'Save comment',
    ]);
    expect(bar.host.hasAttribute('data-papershelf-host')).toBe(true);
    bar.destroy();
  });

  it("does nothing on a page script's synthetic clicks or submits", () => {
    const { actions, bar, buttons } = setup();
    for (const b of buttons) b.click();
    bar.host.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(actions.highlight).not.toHaveBeenCalled();
    expect(actions.comment).not.toHaveBeenCalled();
    expect(actions.addToNote).not.toHaveBeenCalled();
    bar.destroy();
  });

  it('says clearly when a selection is clamped', () => {
    const { bar } = setup();
    bar.show({ left: 0, bottom: 0 }, true);
    expect(bar.host.shadowRoot!.querySelector('[role=status]')!.textContent).toBe(
      'That selection is long: only its first 2,000 characters will be highlighted.',
    );
    bar.destroy();
  });
});
