// ESLint rule `papershelf/layers`: imports run downward only (see ../shared/CONVENTIONS.md,
// "Layers and the one write path"). Each source folder has a layer; a file may import its own
// folder, lower layers, and nothing above. lib/db is internal to lib/library, and the content
// scripts' side (lib/inline, lib/content) never reaches the database (a content script's
// IndexedDB belongs to the page).
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder → layer (higher imports lower). */
export const LAYERS = {
  'lib/paper': 0,
  'lib/dom': 0,
  'lib/detect': 1,
  'lib/formats': 1,
  'lib/search': 1,
  'lib/markdown': 1,
  'lib/messaging': 1,
  'lib/settings': 1,
  'lib/tabs': 1,
  'lib/db': 2,
  'lib/library': 3,
  'lib/enrich': 4,
  'lib/backup': 4,
  'lib/sync': 4,
  'lib/triage': 4,
  'lib/highlight': 4,
  'lib/background': 5,
  'lib/inline': 5,
  'lib/content': 6,
  components: 5,
  entrypoints: 7,
};

/** Folders that only the listed folders may import, whatever their layer. */
const PRIVATE = { 'lib/db': ['lib/library'] };
/** Folders that must not import the listed ones (content-script side: no database). */
const NEVER = {
  'lib/inline': ['lib/library', 'lib/db'],
  'lib/content': ['lib/library', 'lib/db'],
  'lib/highlight': ['lib/library', 'lib/db'],
  'lib/detect': ['lib/messaging', 'lib/settings'],
};

/** The layer folder a repository-relative path is in ('lib/db/papers.ts' → 'lib/db'). */
export function folderOf(path) {
  const parts = path.split('/');
  const two = parts.slice(0, 2).join('/');
  if (two in LAYERS) return two;
  return parts[0] in LAYERS ? parts[0] : undefined;
}

/** Why `from` may not import `to` (repository-relative paths), or undefined when it may. */
export function violation(from, to) {
  const a = folderOf(from);
  const b = folderOf(to);
  if (!a || !b || a === b) return undefined;
  if (PRIVATE[b] && !PRIVATE[b].includes(a))
    return `${b} is internal to ${PRIVATE[b].join(', ')}: use lib/library (lib/library/db.ts for reads, its commands for writes)`;
  if (NEVER[a]?.includes(b)) return `${a} must not import ${b} (content scripts run in the page: ask the background instead)`;
  if (LAYERS[b] > LAYERS[a]) return `${a} (layer ${LAYERS[a]}) must not import ${b} (layer ${LAYERS[b]}): imports run downward only`;
  return undefined;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const layersRule = {
  meta: { type: 'problem', docs: { description: 'imports run downward only' }, schema: [] },
  create(context) {
    const file = relative(root, context.filename).split('\\').join('/');
    if (file.startsWith('..') || /\.test\.tsx?$/.test(file)) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      let target;
      if (spec.startsWith('@/')) target = spec.slice(2);
      else if (spec.startsWith('.'))
        target = relative(root, resolve(dirname(context.filename), spec))
          .split('\\')
          .join('/');
      else return;
      const why = violation(file, target);
      if (why) context.report({ node, message: `Upward import of '${spec}': ${why}.` });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
