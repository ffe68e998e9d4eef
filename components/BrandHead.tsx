// The Papershelf mark and name that heads every page of the extension (popup, its first frame,
// the library page, the options page), with that page's own actions beside it. Dependency-free:
// the popup's first frame draws it before Dexie and zod are loaded.
import type { ComponentChildren } from 'preact';

export function BrandHead({
  class: cls,
  icon,
  size,
  title = 'Papershelf',
  children,
}: {
  class: string;
  icon: 32 | 48;
  size: number;
  title?: string;
  children?: ComponentChildren;
}) {
  return (
    <header class={cls}>
      <h1>
        <img src={`/icon/${icon}.png`} alt="" width={size} height={size} /> {title}
      </h1>
      {children}
    </header>
  );
}
