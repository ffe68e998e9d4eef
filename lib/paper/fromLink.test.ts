import { describe, expect, it } from 'vitest';
import { hasPlaceholderTitle, paperFromLink } from './fromLink';
import { paperMetaSchema } from './schema';

describe('paperFromLink', () => {
  it.each([
    ['https://arxiv.org/abs/2401.01234v2', 'arxiv:2401.01234', 'arXiv:2401.01234'],
    ['https://arxiv.org/pdf/2401.01234', 'arxiv:2401.01234', 'arXiv:2401.01234'],
    ['http://export.arxiv.org/abs/hep-th/9711200', 'arxiv:hep-th/9711200', 'arXiv:hep-th/9711200'],
    ['https://doi.org/10.1145/3292500.3330701', 'doi:10.1145/3292500.3330701', 'DOI 10.1145/3292500.3330701'],
    ['https://dx.doi.org/10.1038/NATURE14539', 'doi:10.1038/nature14539', 'DOI 10.1038/nature14539'],
    ['https://openreview.net/forum?id=YicbFdNTTy&noteId=abc', 'openreview:YicbFdNTTy', 'OpenReview YicbFdNTTy'],
    ['https://openreview.net/pdf?id=YicbFdNTTy', 'openreview:YicbFdNTTy', 'OpenReview YicbFdNTTy'],
    ['https://aclanthology.org/2023.acl-long.1/', 'acl:2023.acl-long.1', 'ACL Anthology 2023.acl-long.1'],
    ['https://aclanthology.org/P19-1001.pdf', 'acl:P19-1001', 'ACL Anthology P19-1001'],
  ])('%s → %s', (url, key, title) => {
    const p = paperFromLink(url);
    expect(p?.key).toBe(key);
    expect(p?.title).toBe(title);
    expect(p?.source).toBe('link');
    expect(paperMetaSchema.safeParse(p).success).toBe(true);
    expect(hasPlaceholderTitle(p!)).toBe(true);
    expect(hasPlaceholderTitle({ ...p!, title: 'Attention Is All You Need' })).toBe(false);
  });

  it('keeps the arXiv version in the links, not in the key', () => {
    const p = paperFromLink('https://arxiv.org/abs/2401.01234v3')!;
    expect(p.arxivVersion).toBe(3);
    expect(p.absUrl).toBe('https://arxiv.org/abs/2401.01234v3');
    expect(p.year).toBeUndefined();
  });

  it.each([
    'https://arxiv.org/list/cs.LG/new',
    'https://doi.org/',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://openreview.net/forum?id=<script>',
    'https://aclanthology.org/events/acl-2023/',
    'https://aclanthology.org/2023.acl-long.0/',
    'https://example.org/abs/2401.01234',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(paperFromLink(url)).toBeNull());
});
