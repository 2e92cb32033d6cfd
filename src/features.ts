/** The features in the order their edits and ticks run. Add yours here (one import, one element). */
import { Feature } from './gas/features';
import { ordersFeature } from './gas/orders';
import { uiQueueFeature } from './ui/rows';
import { schedulesFeature } from './gas/schedules';
import { callsFeature } from './gas/calls';

export const FEATURES: Feature[] = [uiQueueFeature, ordersFeature, schedulesFeature, callsFeature];
