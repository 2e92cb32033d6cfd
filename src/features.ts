/** The features in the order their edits and ticks run. Add yours here (one import, one element). */
import { Feature } from './gas/features';

export const FEATURES: Feature[] = [];
