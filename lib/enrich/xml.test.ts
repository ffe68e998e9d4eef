import { describe, expect, it } from 'vitest';
import { xmlElements, xmlFirst, xmlText } from './xml';

describe('small XML reader', () => {
  it('finds elements by local name whatever their prefix, self-closing or not', () => {
    const xml = `<a:entry><x:term v='1'/><term v="2"></term><terminal>no</terminal></a:entry>`;
    expect(xmlElements(xml, 'term').map((e) => e.attrs.v)).toEqual(['1', '2']);
    expect(xmlFirst(xml, 'terminal')).toBe('no');
    expect(xmlFirst(xml, 'missing')).toBeUndefined();
  });

  it('decodes named and numeric entities, keeps CDATA verbatim, drops nested tags and comments', () => {
    expect(xmlText('Schr&#246;dinger &#x26; &lt;b&gt; &unknown;')).toBe('Schrödinger & <b> &unknown;');
    expect(xmlText('<![CDATA[a &amp; <b>]]> and <i>c</i>')).toBe('a &amp; <b> and c');
    expect(xmlElements('<!-- <t>x</t> --><t>y</t>', 't').map((e) => xmlText(e.inner))).toEqual(['y']);
  });

  it('decodes entities in attribute values', () => {
    expect(xmlElements('<link href="a?x=1&amp;y=2"/>', 'link')[0].attrs.href).toBe('a?x=1&y=2');
  });
});
