import { describe, expect, it } from 'vitest';
import { createSearchIndex, search } from './index';
import { suggestTags, tagCounts } from './tags';
import { paper } from '../../tests/helpers/papers';

const index = createSearchIndex([
  paper({ key: 'a', title: 'One', tags: ['ml', 'Deep Learning'] }),
  paper({ key: 'b', title: 'Two', tags: ['ML', 'nlp'] }),
  paper({ key: 'c', title: 'Three', tags: ['nlp', 'deep learning', 'vision'] }),
  paper({ key: 'd', title: 'Four', tags: ['bio', 'bio'] }),
]);

describe('tagCounts', () => {
  it('counts the whole library by count then name, merging case variants', () => {
    expect(tagCounts(index)).toEqual([
      { tag: 'Deep Learning', count: 2 },
      { tag: 'ml', count: 2 },
      { tag: 'nlp', count: 2 },
      { tag: 'bio', count: 1 },
      { tag: 'vision', count: 1 },
    ]);
  });

  it('counts a result set', () => {
    const { keys } = search(index, 'tag:nlp');
    expect(tagCounts(index, keys)).toEqual([
      { tag: 'nlp', count: 2 },
      { tag: 'deep learning', count: 1 },
      { tag: 'ML', count: 1 },
      { tag: 'vision', count: 1 },
    ]);
    expect(tagCounts(index, ['missing'])).toEqual([]);
  });
});

describe('suggestTags', () => {
  const counts = tagCounts(index);
  it('suggests by prefix, folded, whole-tag prefixes before inner words', () => {
    expect(suggestTags(counts, 'D').map((t) => t.tag)).toEqual(['Deep Learning']);
    expect(suggestTags(counts, 'lea').map((t) => t.tag)).toEqual(['Deep Learning']);
    expect(suggestTags([...counts, { tag: 'learning theory', count: 1 }], 'lea').map((t) => t.tag)).toEqual(['learning theory', 'Deep Learning']);
    expect(suggestTags(counts, 'ß')).toEqual([]);
  });
  it('lists the most used for an empty prefix, minus excluded tags, up to the limit', () => {
    expect(suggestTags(counts, '', { limit: 2 }).map((t) => t.tag)).toEqual(['Deep Learning', 'ml']);
    expect(suggestTags(counts, '', { exclude: ['ML', 'deep learning'], limit: 2 }).map((t) => t.tag)).toEqual(['nlp', 'bio']);
  });
});
