/** The features in the order their edits and ticks run. Add yours here (one import, one element). */
import { Feature } from './feature';
import { ordersFeature } from '../features/orders/feature';
import { uiQueueFeature } from '../ui/server/queue';
import { schedulesFeature } from '../features/schedules/feature';
import { callsFeature } from '../features/calls/feature';
import { addonQueueFeature } from '../addon/queue';
import { dutiesFeature } from '../features/duties/feature';
import { archivedMailFeature } from '../mail/archived';

// archivedMailFeature first: rows it brings back from the archive tabs must be live before any feature sends.
export const FEATURES: Feature[] = [
  archivedMailFeature,
  uiQueueFeature,
  addonQueueFeature,
  ordersFeature,
  schedulesFeature,
  callsFeature,
  dutiesFeature,
];
