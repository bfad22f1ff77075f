import type { PrecisionRecallF1Result } from '@neunet/metrics';
import type { ExportedNetwork } from '@neunet/model';
import type { GridProbabilities } from '@neunet/viz';
import type { PlaygroundSettings } from './settings.js';

/** What the page tells the training worker. */
export type Command =
  | { type: 'start'; settings: PlaygroundSettings }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' };

/** What the training worker tells the page. */
export type Report =
  | { type: 'data'; points: number[][]; labels: number[]; classes: number; backend: string }
  /** The epochs finished since the last progress report. */
  | { type: 'progress'; epoch: number; loss: number[]; accuracy: number[] }
  | { type: 'boundary'; grid: GridProbabilities }
  | {
      type: 'done';
      epochs: number;
      accuracy: number;
      loss: number;
      network: ExportedNetwork;
      confusion: number[][];
      scores: PrecisionRecallF1Result;
      seconds: number;
    }
  | { type: 'error'; message: string };
