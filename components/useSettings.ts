import { useEffect, useState } from 'preact/hooks';
import { settingsSchema, type Settings } from '@/lib/settings/schema';
import { loadSettings, watchSettings } from '@/lib/settings/store';

/** Current settings, live; also applies the theme to the page. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(() => settingsSchema.parse({}));
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    if (settings.theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  return settings;
}
