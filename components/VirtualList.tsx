import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  count: number;
  rowHeight: number;
  /** Index of the row that must be scrolled into view (keyboard focus). */
  active?: number;
  label: string;
  renderRow(index: number): ComponentChildren;
  /** Told the last row index in view (with its margin) whenever it changes. */
  onRange?(last: number): void;
}

/** Renders only the rows in view (plus a margin): 10,000 papers cost the DOM of ~30. */
export function VirtualList({ count, rowHeight, active, label, renderRow, onRange }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(420);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight || 420);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 420));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || active === undefined || active < 0) return;
    const top = active * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [active, rowHeight]);

  const overscan = 6;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  useEffect(() => onRange?.(last), [last]);
  const rows = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li
        key={i}
        style={{ position: 'absolute', top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}
        aria-setsize={count}
        aria-posinset={i + 1}
      >
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <div ref={ref} class="vlist" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul aria-label={label} style={{ position: 'relative', height: count * rowHeight, margin: 0, padding: 0, listStyle: 'none' }}>
        {rows}
      </ul>
    </div>
  );
}
