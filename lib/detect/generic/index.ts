// The generic layer: page-level standards tried where no adapter knows the site, and to complete
// a single-paper page an adapter found. Each list is passed to the engine by who runs it, so that
// a site's content script bundles only what it uses.
import type { Generic } from '../types';
import { article } from './article';
import { canonical } from './canonical';
import { coins } from './coins';
import { dublincore } from './dublincore';
import { highwire } from './highwire';
import { jsonld } from './jsonld';
import { listing } from './listing';

/** Tried on every page, in order of trust. */
export const standards: Generic[] = [highwire, dublincore, jsonld, coins];

/** Tried only when nothing else found a paper, weakest last: a site's script needs no more. */
export const siteFallbacks: Generic[] = [canonical];

/**
 * The generic script's fallbacks (and the tests'): also the listing layer and thin single
 * articles, a listing first (a listing's first entry could pass the article's header check).
 */
export const fallbacks: Generic[] = [canonical, listing, article];
