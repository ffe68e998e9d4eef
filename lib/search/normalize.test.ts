import { describe, expect, it } from 'vitest';
import { fold, words } from './normalize';

describe('fold', () => {
  it('lower-cases and strips diacritics', () => {
    expect(fold('Erdős Schrödinger ÉCOLE')).toBe('erdos schrodinger ecole');
  });
  it('expands letters NFKD leaves alone', () => {
    expect(fold('Straße Łukasz Søren Æsir')).toBe('strasse lukasz soren aesir');
  });
});

describe('words', () => {
  it('splits on punctuation and keeps digits and non-Latin letters', () => {
    expect(words('BERT-based Models: GPT-4, ResNet50 & 深度学习')).toEqual(['bert', 'based', 'models', 'gpt', '4', 'resnet50', '深度学习']);
  });
  it('cuts overlong words', () => {
    expect(words('x'.repeat(100))[0]).toHaveLength(40);
  });
});
