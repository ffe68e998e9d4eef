// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HOST_ATTR, shadowHost } from './shadow';

describe('shadowHost', () => {
  it('makes a marked host whose shadow root starts with the stylesheet', () => {
    const { host, root } = shadowHost(document, 'papershelf-x', ':host{all:initial}');
    expect(host.tagName).toBe('PAPERSHELF-X');
    expect(host.hasAttribute(HOST_ATTR)).toBe(true);
    expect(host.shadowRoot).toBe(root);
    expect(root.firstElementChild?.tagName).toBe('STYLE');
    expect(root.firstElementChild?.textContent).toBe(':host{all:initial}');
    expect(host.isConnected).toBe(false);
  });

  it('can close the root', () => {
    const { host, root } = shadowHost(document, 'papershelf-y', '', 'closed');
    expect(host.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
  });
});
