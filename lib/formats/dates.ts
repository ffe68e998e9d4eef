// Dates as the formats want them, from the paper's free-form `date` and its `year`.

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/** `2017-06-12`, `2017/06`, `2017` → parts; falls back to `year`. Impossible months/days are dropped. */
export function dateParts(date: string | undefined, year: number | undefined): DateParts | undefined {
  const m = date ? /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/.exec(date.trim()) : null;
  if (m && (!year || Number(m[1]) === year)) {
    const out: DateParts = { year: Number(m[1]) };
    const month = m[2] ? Number(m[2]) : 0;
    const day = m[3] ? Number(m[3]) : 0;
    if (month >= 1 && month <= 12) {
      out.month = month;
      if (day >= 1 && day <= 31) out.day = day;
    }
    return out;
  }
  return year ? { year } : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 prefix: `2017-06-12`, `2017-06` or `2017`. */
export function isoDate(d: DateParts): string {
  return [String(d.year), d.month && pad(d.month), d.month && d.day && pad(d.day)].filter(Boolean).join('-');
}

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "123-130" / "123–130" → "123--130" (BibTeX's range dash). */
export function bibPages(pages: string): string {
  return pages.replace(/\s*[-‐‑‒–—]+\s*/g, '--');
}
