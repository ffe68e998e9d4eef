import { describe, expect, it } from 'vitest';
import type { PaperMeta } from '../paper/schema';
import { asciiFold, assignCitationKeys, formatCitationKey } from './citekey';

const meta = (title: string, authors: string[], year?: number, key = title): PaperMeta => ({
  key,
  ids: {},
  title,
  authors,
  year,
  type: 'other',
  source: 't',
});
const attention = meta('Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], 2017);

describe('formatCitationKey', () => {
  it('default: family + year + first significant word', () => {
    expect(formatCitationKey(attention)).toBe('vaswani2017attention');
    expect(formatCitationKey(meta('On the Towards of a Theory', ['Jan van der Berg'], 1999))).toBe('berg1999theory');
  });
  it('transliterates', () => {
    expect(asciiFold('Gödel Søren Łukasiewicz Straße')).toBe('GodelSorenLukasiewiczStrasse');
    expect(formatCitationKey(meta('Über Systeme', ['Kurt Gödel'], 1931))).toBe('godel1931uber');
  });
  it('template fields and modifiers', () => {
    expect(formatCitationKey(attention, '[auth:upper][year]')).toBe('VASWANI2017');
    expect(formatCitationKey(attention, '[authors2][year]')).toBe('vaswanishazeeretal2017');
    expect(formatCitationKey(attention, '[title:3]')).toBe('attentionallneed');
    expect(formatCitationKey(attention, '[auth:3]_[shortyear]')).toBe('vas_17');
    expect(formatCitationKey(attention, '[auth:capitalize][year]')).toBe('Vaswani2017');
  });
  it('reads ASCII and non-ASCII titles alike (apostrophes dropped, math left out)', () => {
    expect(formatCitationKey(meta("Don't Stop Pretraining", ['Suchin Gururangan'], 2020), '[title:2]')).toBe('dontstop');
    expect(formatCitationKey(meta('Don’t Stop Pretraining', ['Suchin Gururangan'], 2020), '[title:2]')).toBe('dontstop');
    expect(formatCitationKey(meta('The $O(n)$ Sort', ['A B'], 2020), '[title:2]')).toBe('sort');
    expect(formatCitationKey(attention, '[Authors1]')).toBe('vaswanietal');
  });
  it('anonymous and undated fallbacks', () => {
    expect(formatCitationKey(meta('A Study', []))).toBe('anonstudy');
    expect(formatCitationKey(meta('The', []), '[year]')).toBe('paper');
  });
});

describe('assignCitationKeys', () => {
  it('suffixes clashes within the export and against reserved keys', () => {
    const a = { ...attention, key: 'a' };
    const b = { ...attention, key: 'b' };
    const c = { ...attention, key: 'c' };
    const { keys, assigned } = assignCitationKeys([a, b, c], { reserved: ['vaswani2017attention'] });
    expect([...keys.values()]).toEqual(['vaswani2017attentiona', 'vaswani2017attentionb', 'vaswani2017attentionc']);
    expect(assigned.size).toBe(3);
  });
  it('keeps stored and pinned keys, and reports only new ones', () => {
    const stored = { ...attention, key: 's', citationKey: 'vaswani2017attention' };
    const pinned = { ...attention, key: 'p', citationKey: 'MyKey', citationKeyPinned: true };
    const fresh = { ...attention, key: 'f' };
    const { keys, assigned } = assignCitationKeys([fresh, stored, pinned]);
    expect(keys.get('s')).toBe('vaswani2017attention');
    expect(keys.get('p')).toBe('MyKey');
    expect(keys.get('f')).toBe('vaswani2017attentiona');
    expect([...assigned]).toEqual([['f', 'vaswani2017attentiona']]);
  });
  it('gives the first free suffix past taken ones, in any case, over many clashes', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...attention, key: `k${i}` }));
    const reserved = ['Vaswani2017AttentionB', 'vaswani2017attentionz', 'vaswani2017attentionab'];
    const got = [...assignCitationKeys(many, { reserved }).keys.values()];
    const letters = 'a c d e f g h i j k l m n o p q r s t u v w x y aa ac ad ae af'.split(' ');
    expect(got).toEqual(['vaswani2017attention', ...letters.map((l) => `vaswani2017attention${l}`)]);
  });
});
