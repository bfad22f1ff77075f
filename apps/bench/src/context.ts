import type { MeasureOptions } from './measure.js';
import type { NeunetBackend } from './neunet.js';
import type { TfjsBackend } from './peers/tfjs.js';

/** What every workload gets: the timing settings and the implementations that run here. */
export interface BenchContext {
  quick: boolean;
  timing: MeasureOptions;
  /** Seeds the data and every model's initial weights. */
  seed: number;
  neunet: readonly NeunetBackend[];
  tfjs: readonly TfjsBackend[];
  /** numpy runs when python3 can import it. */
  numpy: boolean;
  /** Progress lines, so a long run shows where it is. */
  log(line: string): void;
}
