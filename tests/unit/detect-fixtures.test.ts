// Every fixture of our own writing, through the whole registry (runDetection).
import { describe, expect, it } from 'vitest';
import { runDetection } from '@/lib/detect/registry';
import { paperMetaSchema } from '@/lib/paper/schema';
import { parsePage } from '../helpers/dom';
import { fixtureCases } from '../helpers/fixtures';

describe.each(fixtureCases())('fixture $site/$name', (fx) => {
  const { detections, errors } = runDetection(parsePage(fx.html), new URL(fx.url));

  it('finds the expected number of papers, with no adapter error', () => {
    expect(errors).toEqual([]);
    expect(detections.map((d) => d.paper.key)).toHaveLength(fx.count);
  });

  it('finds each expected paper with its fields', () => {
    for (const want of fx.papers) {
      const got = detections.find((d) => d.paper.key === want.key);
      expect(got, `no paper with key ${want.key}`).toBeDefined();
      expect(got!.paper).toMatchObject(want);
    }
  });

  it('yields papers that pass the zod schema', () => {
    for (const d of detections) expect(paperMetaSchema.safeParse(d.paper).success, d.paper.key).toBe(true);
  });
});
