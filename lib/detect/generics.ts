import { article } from './generic/article';
import { canonical } from './generic/canonical';
import { coins } from './generic/coins';
import { dublincore } from './generic/dublincore';
import { highwire } from './generic/highwire';
import { jsonld } from './generic/jsonld';
import { listing } from './generic/listing';
import type { Generic } from './types';

/** Page-level standards tried on every page, in order of trust (the last resorts last: weakest;
 * a listing before a single article, whose header check a listing's first entry could pass). */
export const generics: Generic[] = [highwire, dublincore, jsonld, coins, canonical, listing, article];

/** Tried only when nothing before them found a paper. */
export const lastResorts: ReadonlySet<Generic> = new Set([canonical, listing, article]);
