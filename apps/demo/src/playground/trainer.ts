import { selectRows } from '@neunet/datasets';
import { WeightPenalty } from '@neunet/losses';
import { type ExportedNetwork, exportNetwork, type NeuralNetwork } from '@neunet/model';
import { Rng, type Tensor } from '@neunet/tensor';
import { type PlaygroundData, planeExtent, planeGrid, prepareData } from './data.js';
import { mapFeatures } from './features.js';
import { buildModel } from './model.js';
import type { PlaygroundSettings } from './settings.js';

/** The losses and the metric (accuracy, or mean absolute error for regression) at a point in training. */
export interface Measurement {
  /** Epochs trained, fractional between two epochs' ends. */
  epoch: number;
  /**
   * The data losses, without the L1/L2 penalty (as TensorFlow Playground shows them): the
   * penalty is the same on both sides and, when large, would hide the gap between them.
   */
  trainLoss: number;
  testLoss: number;
  trainMetric: number;
  testMetric: number;
}

/** What the network computes over the plane: each hidden layer's units, and its output. */
export interface Snapshot {
  /** Per hidden layer, [G², width] row-major, G the units' grid resolution. */
  units: Float32Array[];
  /** [G'², outputs], G' the output's grid resolution. */
  output: Float32Array;
  network: ExportedNetwork;
}

/** The resolution of the units' small heatmaps and of the big output map. */
export const UNIT_GRID = 24;
export const OUTPUT_GRID = 64;

/**
 * One playground run, batch by batch: the batches of each epoch come in an order drawn from
 * the seed, so a run is the same whether it is taken a batch (Step) or an epoch at a time.
 */
export class Trainer {
  readonly data: PlaygroundData;
  readonly model: NeuralNetwork;
  readonly batchesPerEpoch: number;
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private readonly batchSize: number;
  private batch = 0;
  private epochs = 0;
  private readonly unitGrid: Tensor;
  private readonly outputGrid: Tensor;
  private readonly penalty: WeightPenalty;

  constructor(settings: PlaygroundSettings, data: PlaygroundData = prepareData(settings)) {
    this.data = data;
    this.model = buildModel(settings, data.classes);
    this.penalty = new WeightPenalty({ l1: settings.l1, l2: settings.l2 });
    const rows = data.train.X.rows;
    this.batchSize = Math.min(settings.batchSize, rows);
    this.batchesPerEpoch = Math.ceil(rows / this.batchSize);
    // Its own stream, apart from the model's (initial weights, Dropout).
    this.rng = new Rng(settings.seed + 1);
    this.order = new Int32Array(rows);
    const extent = planeExtent(data);
    this.unitGrid = mapFeatures(planeGrid(extent, UNIT_GRID).points, settings.features);
    this.outputGrid = mapFeatures(planeGrid(extent, OUTPUT_GRID).points, settings.features);
    this.model.buildFor(this.unitGrid);
  }

  /** Epochs trained, fractional mid-epoch. */
  get epoch(): number {
    return this.epochs + this.batch / this.batchesPerEpoch;
  }

  /** Trains on the next batch; true when that batch ended an epoch. */
  step(): boolean {
    const { X, y } = this.data.train;
    if (this.batch === 0) this.rng.permutation(X.rows, this.order);
    const start = this.batch * this.batchSize;
    const rows = this.order.subarray(start, Math.min(start + this.batchSize, X.rows));
    this.model.trainOnBatch(selectRows(X, rows), selectRows(y, rows));
    this.batch++;
    if (this.batch < this.batchesPerEpoch) return false;
    this.batch = 0;
    this.epochs++;
    // The batches are the playground's; the count of epochs is the model's, as in Keras.
    this.model.epochsTrained++;
    return true;
  }

  /** Trains the rest of the current epoch (a whole one at an epoch's start). */
  trainEpoch(): void {
    while (!this.step()) {}
  }

  measure(): Measurement {
    const { train, test } = this.data;
    const metric = this.data.task === 'classification' ? 'accuracy' : 'mae';
    const a = this.model.evaluate(train.X, train.y);
    const b = this.model.evaluate(test.X, test.y);
    // evaluate adds the penalty to the data loss.
    const penalty = this.penalty.value(this.model.params());
    return {
      epoch: this.epoch,
      trainLoss: a.loss - penalty,
      testLoss: b.loss - penalty,
      trainMetric: a[metric]!,
      testMetric: b[metric]!,
    };
  }

  /**
   * Each hidden unit's output over the units' grid and the network's output over the finer
   * one, layer by layer through the backend: a hidden layer's output is the input of the
   * next Dense layer (after its activation, BatchNormalization and Dropout, the last two in
   * inference mode).
   */
  snapshot(): Snapshot {
    const layers = this.model.layers;
    const units: Float32Array[] = [];
    let out = this.unitGrid;
    layers.forEach((layer, i) => {
      if (i > 0 && layer.getConfig().type === 'Dense') units.push(out.data.slice());
      out = layer.forward(out, { training: false });
    });
    const output = this.model.forward(this.outputGrid, false).data.slice();
    return { units, output, network: exportNetwork(this.model) };
  }
}
