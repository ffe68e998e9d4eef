// The few settings the content script needs, read without zod to keep the injected script small.
// (The options page writes settings validated by the zod schema in ./schema.)
import { browser } from 'wxt/browser';

export interface ContentSettings {
  disabledSites: string[];
  inlineButtons: boolean;
  detectOn: 'all' | 'known';
  seenLedger: boolean;
  dimSeen: boolean;
  hideInsteadOfDim: 'off' | 'dismissed' | 'all';
  keyboardTriage: 'auto' | 'on' | 'off';
  watchList: string[];
}

export function readContentSettings(raw: unknown): ContentSettings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const list = Array.isArray(o.disabledSites) ? o.disabledSites.filter((x): x is string => typeof x === 'string') : [];
  return {
    disabledSites: list,
    inlineButtons: typeof o.inlineButtons === 'boolean' ? o.inlineButtons : true,
    detectOn: o.detectOn === 'known' ? 'known' : 'all',
    seenLedger: typeof o.seenLedger === 'boolean' ? o.seenLedger : true,
    dimSeen: o.dimSeen === true,
    hideInsteadOfDim: o.hideInsteadOfDim === 'dismissed' || o.hideInsteadOfDim === 'all' ? o.hideInsteadOfDim : 'off',
    keyboardTriage: o.keyboardTriage === 'on' || o.keyboardTriage === 'off' ? o.keyboardTriage : 'auto',
    watchList: Array.isArray(o.watchList) ? o.watchList.filter((x): x is string => typeof x === 'string').slice(0, 200) : [],
  };
}

export async function loadContentSettings(): Promise<ContentSettings> {
  const got = await browser.storage.local.get('settings');
  return readContentSettings(got.settings);
}
