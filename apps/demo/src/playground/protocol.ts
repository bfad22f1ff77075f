import type { PrecisionRecallF1Result } from '@neunet/metrics';
import type { PlaygroundSettings, Speed } from './settings.js';
import type { Measurement, Snapshot } from './trainer.js';

/** What the page tells the training worker. */
export type Command =
  /** A new run with these settings, paused before its first batch. */
  | { type: 'start'; settings: PlaygroundSettings }
  | { type: 'play' }
  | { type: 'pause' }
  /** One batch, when paused. */
  | { type: 'step' }
  /** Ends the run: the worker sends 'done'. */
  | { type: 'stop' }
  | { type: 'speed'; speed: Speed };

/** What the training worker tells the page. */
export type Report =
  | { type: 'ready'; backend: string; batchesPerEpoch: number }
  /** The measurements taken since the last progress report. */
  | { type: 'progress'; measurements: Measurement[] }
  | ({ type: 'snapshot' } & Snapshot)
  /** The run is held: every measurement taken before the pause has been sent. */
  | { type: 'paused' }
  | {
      type: 'done';
      epochs: number;
      seconds: number;
      /** On the test set, for a classification. */
      confusion?: number[][];
      scores?: PrecisionRecallF1Result;
    }
  | { type: 'error'; message: string };
