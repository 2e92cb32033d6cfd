/** The features in the order their edits and ticks run. Add yours here (one import, one element). */
import { Feature } from './gas/features';
import { ordersFeature } from './gas/orders';

export const FEATURES: Feature[] = [
  ordersFeature,
];
