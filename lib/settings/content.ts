// The few settings the content script needs, read without zod to keep the injected script small.
// (The options page writes settings validated by the zod schema in ./schema.)
import { browser } from 'wxt/browser';

export interface ContentSettings {
  disabledSites: string[];
  inlineButtons: boolean;
  detectOn: 'all' | 'known';
}

export function readContentSettings(raw: unknown): ContentSettings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const list = Array.isArray(o.disabledSites) ? o.disabledSites.filter((x): x is string => typeof x === 'string') : [];
  return {
    disabledSites: list,
    inlineButtons: typeof o.inlineButtons === 'boolean' ? o.inlineButtons : true,
    detectOn: o.detectOn === 'known' ? 'known' : 'all',
  };
}

export async function loadContentSettings(): Promise<ContentSettings> {
  const got = await browser.storage.local.get('settings');
  return readContentSettings(got.settings);
}
