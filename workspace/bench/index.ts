/** Every bench case, in the order `npm run bench` runs them. Add yours here (one line). */
import { BenchCase } from './report';
import { foundationBench } from './foundation';
import { ordersBench } from './orders';

export const BENCHES: BenchCase[] = [foundationBench, ordersBench];
