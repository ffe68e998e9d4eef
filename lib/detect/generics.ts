import { canonical } from './generic/canonical';
import { coins } from './generic/coins';
import { dublincore } from './generic/dublincore';
import { highwire } from './generic/highwire';
import { jsonld } from './generic/jsonld';
import type { Generic } from './types';

/** Page-level standards tried on every page, in order of trust (canonical.ts last: weakest). */
export const generics: Generic[] = [highwire, dublincore, jsonld, coins, canonical];
