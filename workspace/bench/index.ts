/** Every bench case, in the order `npm run bench` runs them. Add yours here (one line). */
import { BenchCase } from './report';
import { foundationBench } from './foundation';
import { ordersBench } from './orders';
import { schedulesBench } from './schedules';
import { callsBench } from './calls';
import { uiBench } from './ui';
import { commandsBench } from './commands';
import { dayBench } from './day';

export const BENCHES: BenchCase[] = [foundationBench, ordersBench, callsBench, schedulesBench, uiBench, commandsBench, dayBench];
