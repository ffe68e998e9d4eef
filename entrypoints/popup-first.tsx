import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readFirstRows } from '@/lib/library/firstRowsRead';
import { PopupShell } from '@/components/PopupShell';
import themeCss from '@/components/theme.css?inline';
import popupCss from './popup/popup.css?inline';
import { FIRST_FRAME_KEY, type FirstFrame } from './popup/firstFrame';

// The popup's first frame as one self-contained classic script (popup.html loads it before its
// module entry): no chunk imports, no stylesheet to wait for (its CSS is put in a <style>), and
// the storage.session read starts first. The app (main.tsx) takes over after the frame is painted.
export default defineUnlistedScript(() => {
  const read = readFirstRows();
  const style = document.createElement('style');
  style.textContent = themeCss + popupCss;
  document.head.append(style);
  const root = document.getElementById('app')!;
  const frame: FirstFrame = {
    shown: read.then((firstRows) => (render(<PopupShell rows={firstRows.now} />, root), firstRows)),
    unmount: () => render(null, root),
  };
  (globalThis as Record<string, unknown>)[FIRST_FRAME_KEY] = frame;
});
