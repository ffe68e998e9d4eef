export const LAYERS: Record<string, number>;
export function folderOf(path: string): string | undefined;
export function violation(from: string, to: string): string | undefined;
declare const plugin: { rules: Record<string, unknown> };
export default plugin;
