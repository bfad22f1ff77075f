import type { MeasureOptions } from './measure.js';
import type { NeunetBackend } from './neunet.js';
import type { TfjsBackend } from './peers/tfjs.js';
import type { Section } from './report.js';
import type { Row, Unmeasured } from './row.js';

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
  /** PyTorch runs (W6) when /usr/bin/python3 can import it. */
  torch: boolean;
  /** W6 prints its per-kernel breakdown even when its targets are met. */
  breakdown: boolean;
  /** Progress lines, so a long run shows where it is. */
  log(line: string): void;
}

/** What a workload gives back beyond its rows. */
export interface WorkloadOutput {
  rows: Row[];
  unmeasured?: Unmeasured[];
  sections?: Section[];
  notes?: string[];
}
