import { useEffect, useMemo } from 'preact/hooks';
import { BrandHead } from '@/components/BrandHead';
import { BackupSection } from '@/components/options/BackupSection';
import { ExportSection } from '@/components/options/ExportSection';
import { ImportSection } from '@/components/options/ImportSection';
import { SettingsSection } from '@/components/options/SettingsSection';
import { SyncSection } from '@/components/options/SyncSection';
import { WelcomeSection } from '@/components/options/WelcomeSection';
import { useLiveQuery } from '@/components/useLiveQuery';
import { useSettings } from '@/components/useSettings';
import { openLibrary } from '@/lib/library/db';
import { requestPersistence } from '@/lib/backup/persist';

export function App() {
  const db = openLibrary();
  const settings = useSettings();
  const { data: count } = useLiveQuery(() => db.papers.count(), []);
  const { data: tagKeys } = useLiveQuery(() => db.papers.orderBy('tags').uniqueKeys(), []);
  const allTags = useMemo(() => (tagKeys ?? []).map(String).sort((a, b) => a.localeCompare(b)), [tagKeys]);
  // Ask the browser not to evict the library under storage pressure.
  useEffect(() => void requestPersistence(), []);

  return (
    <main class="options">
      <BrandHead class="options-head" icon={48} size={28}>
        <a href="/library.html">Open the library page</a>
        <p class="muted">{count === undefined ? '' : `${count} ${count === 1 ? 'paper' : 'papers'} in your library, stored in this browser only.`}</p>
      </BrandHead>
      <WelcomeSection empty={count === 0} />
      <ExportSection db={db} settings={settings} allTags={allTags} />
      <ImportSection db={db} />
      <BackupSection db={db} />
      <SettingsSection settings={settings} />
      <SyncSection db={db} />
    </main>
  );
}
