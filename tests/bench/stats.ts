// Result records, summary statistics and the printed table shared by every benchmark.

export interface Result {
  name: string;
  value: number;
  unit: string;
  /** The goal, in the same unit (undefined when there is none: informative figures). */
  target?: number;
  better: 'lower' | 'higher';
  min?: number;
  max?: number;
  runs?: number;
  note?: string;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Nearest-rank percentile. */
export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p) - 1))];
};

/** Median of the runs, with their min and max. */
export function summary(name: string, xs: number[], unit: string, better: Result['better'] = 'lower', target?: number, note?: string): Result {
  return { name, value: median(xs), unit, target, better, min: Math.min(...xs), max: Math.max(...xs), runs: xs.length, note };
}

/** A ratio of medians; min–max pair the runs (run i of a with run i of b) when both have as many. */
export function ratio(name: string, a: number[], b: number[], target?: number, note?: string): Result {
  const paired = a.length === b.length ? a.map((x, i) => x / b[i]) : [median(a) / median(b)];
  return {
    name,
    value: median(a) / median(b),
    unit: '×',
    target,
    better: 'lower',
    min: Math.min(...paired),
    max: Math.max(...paired),
    runs: a.length,
    note,
  };
}

export function single(name: string, value: number, unit: string, better: Result['better'] = 'lower', target?: number, note?: string): Result {
  return { name, value, unit, target, better, runs: 1, note };
}

const fmt = (x: number | undefined, unit = ''): string => {
  if (x === undefined || !Number.isFinite(x)) return '';
  const digits = unit === '×' || unit === '%' ? (Math.abs(x) < 10 ? 2 : 1) : Math.abs(x) < 10 ? 2 : Math.abs(x) < 100 ? 1 : 0;
  return x.toFixed(digits);
};

export const verdict = (r: Result): string =>
  r.target === undefined ? '' : (r.better === 'lower' ? r.value <= r.target : r.value >= r.target) ? 'met' : '**missed**';

/** Markdown table: median (min–max, runs), target and whether it is met. */
export function table(results: Result[]): string {
  const rows = results.map((r) => {
    const range = r.min !== undefined && r.max !== undefined && (r.runs ?? 1) > 1 ? `${fmt(r.min, r.unit)}–${fmt(r.max, r.unit)}` : '';
    const target = r.target === undefined ? '' : `${r.better === 'lower' ? '≤' : '≥'} ${fmt(r.target, r.unit)}`;
    return `| ${r.name} | ${fmt(r.value, r.unit)} ${r.unit} | ${range} | ${r.runs ?? 1} | ${target} | ${verdict(r)} |`;
  });
  return ['| measure | median | min–max | runs | target | |', '|---|---:|---:|---:|---:|---|', ...rows].join('\n');
}
