import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { runDetection } from '../registry';
import { cvf } from './cvf';

describe('cvf', () => {
  it('names workshops and old path forms', () => {
    const venue = (path: string) =>
      cvf.detect(parsePage('<div id="papertitle">T</div>'), new URL(`https://openaccess.thecvf.com${path}`))[0]?.paper.venue;
    expect(venue('/content/CVPR2024W/AI4CC/html/A_T_CVPRW_2024_paper.html')).toBe(
      'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPRW)',
    );
    expect(venue('/content_cvpr_2017/html/A_T_CVPR_2017_paper.html')).toBe(
      'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
    );
    expect(venue('/content/WACV2024/html/A_T_WACV_2024_paper.html')).toBe(
      'Proceedings of the IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)',
    );
  });

  it('keys a listing entry and its paper page alike (by arXiv id when linked)', () => {
    const list = parsePage(`<dl><dt class="ptitle"><br><a href="/content/CVPR2024/html/A_T_CVPR_2024_paper.html">T</a></dt><dd>Ann Lee</dd>
      <dd>[<a href="http://arxiv.org/abs/2401.00001">arXiv</a>]</dd></dl>`);
    const page = parsePage(
      `<meta name="citation_title" content="T"><div id="papertitle">T</div>[<a href="http://arxiv.org/abs/2401.00001v3">arXiv</a>]`,
    );
    const a = runDetection(list, new URL('https://openaccess.thecvf.com/CVPR2024?day=all')).detections;
    const b = runDetection(page, new URL('https://openaccess.thecvf.com/content/CVPR2024/html/A_T_CVPR_2024_paper.html')).detections;
    expect(a.map((d) => d.paper.key)).toEqual(['arxiv:2401.00001']);
    expect(b.map((d) => d.paper.key)).toEqual(['arxiv:2401.00001']);
  });

  it('does not take the next entry for its own when a title has no dd', () => {
    const doc = parsePage(`<dl><dt class="ptitle"><a href="/content/CVPR2024/html/A_CVPR_2024_paper.html">A</a></dt>
      <dt class="ptitle"><a href="/content/CVPR2024/html/B_CVPR_2024_paper.html">B</a></dt><dd>Bo Li</dd></dl>`);
    const got = cvf.detect(doc, new URL('https://openaccess.thecvf.com/CVPR2024'));
    expect(got.map((d) => d.paper.authors)).toEqual([[], ['Bo Li']]);
  });
});

describe('odd links', () => {
  it('skips an unparsable title link instead of throwing', () => {
    const doc = parsePage('<dl><dt class="ptitle"><a href="http://[bad/x_paper.html">T</a></dt><dd>A</dd></dl>');
    expect(cvf.detect(doc, new URL('https://openaccess.thecvf.com/CVPR2024'))).toEqual([]);
  });
});
