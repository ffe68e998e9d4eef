// Evaluated in the generic bench's page (real Chromium): the product's quick check and listing
// layer, as the content script runs them.
import { listing, mayHoldIds } from '../../lib/detect/generic/listing';
import { quickCheck, quickSigns } from '../../lib/detect/quick';

window.__detect = { quickCheck, quickSigns, mayHoldIds, listing };
