// @vitest-environment jsdom
// (happy-dom mis-parses some markup under DOMPurify; jsdom behaves as browsers do here.)
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    const html = renderMarkdown('# Idea\n\n**bold** and [link](https://arxiv.org/abs/1706.03762)\n\n- a\n- b');
    expect(html).toContain('<h1>Idea</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="https://arxiv.org/abs/1706.03762"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('<li>a</li>');
  });

  it.each([
    ['<script>alert(1)</script>', '<script'],
    ['<img src=x onerror=alert(1)>', '<img'],
    ['[x](javascript:alert(1))', 'javascript:'],
    ['[x](  JAVASCRIPT:alert(1))', 'javascript:'],
    ['<a href="javascript:alert(1)">x</a>', '<a href="javascript'],
    ['![x](https://evil.example/track.png)', '<img'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<svg onload=alert(1)>', '<svg'],
  ])('neutralises %s', (md, forbidden) => {
    expect(renderMarkdown(md).toLowerCase()).not.toContain(forbidden.toLowerCase());
  });

  it('shows hostile HTML as text', () => {
    expect(renderMarkdown('<b>hi</b>')).toContain('&lt;b&gt;hi&lt;/b&gt;');
  });
});
