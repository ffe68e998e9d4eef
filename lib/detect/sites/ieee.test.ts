import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { ieee, ieeeMetadata } from './ieee';

describe('ieeeMetadata', () => {
  it('takes the balanced object, ignoring braces and quotes inside strings', () => {
    const js =
      'xplGlobal.document.metadata={"title":"A } tricky { title \\" with \\\\ escapes","a":{"b":[1,{"c":"}"}]}};\nxplGlobal.document.other={"x":1};';
    expect(ieeeMetadata(js)).toEqual({ title: 'A } tricky { title " with \\ escapes', a: { b: [1, { c: '}' }] } });
  });

  it('accepts the older `global.document.metadata =` spelling with spaces', () => {
    expect(ieeeMetadata('global.document.metadata = {"doi":"10.1109/x.1"} ;')).toEqual({ doi: '10.1109/x.1' });
  });

  it('gives null for a missing, unterminated or invalid object', () => {
    expect(ieeeMetadata('var x = 1;')).toBeNull();
    expect(ieeeMetadata('xplGlobal.document.metadata={"title":"cut off')).toBeNull();
    expect(ieeeMetadata("xplGlobal.document.metadata={title:'not json'};")).toBeNull();
  });

  it('finds nothing on a page without the script, and never throws on odd values', () => {
    const url = new URL('https://ieeexplore.ieee.org/document/1/');
    expect(ieee.detect(parsePage('<html><body><h1>IEEE Xplore</h1></body></html>'), url)).toEqual([]);
    const odd = parsePage('<script>xplGlobal.document.metadata={"title":{"x":1},"authors":"nobody","doi":42};</script>');
    expect(ieee.detect(odd, url)).toEqual([]);
  });

  it('routes document pages only', () => {
    expect(ieee.test!(new URL('https://ieeexplore.ieee.org/document/6649456/'))).toBe(true);
    expect(ieee.test!(new URL('https://ieeexplore.ieee.org/search/searchresult.jsp?queryText=x'))).toBe(false);
  });
});
