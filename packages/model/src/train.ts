import { Scratch } from '@neunet/layers';
import type { Target } from '@neunet/losses';
import type { Tensor } from '@neunet/tensor';
import { countCorrect } from './accuracy.js';
import { BatchGatherer, sliceTarget } from './batches.js';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';
import { EarlyStopping } from './early-stopping.js';
import { checkTarget, type Input, toInputTensor } from './inputs.js';
import type { NeuralNetwork } from './neural-network.js';
import { groupParams } from './optimizer-groups.js';
import { isClassification, outputGradient } from './output-gradient.js';
import { ProgressLogger } from './progress-logger.js';

export interface TrainOptions {
  /** Passes over the data. Default 100. */
  epochs?: number;
  /** Samples per update; 0 means the whole data set, as in the seed. Default 32. */
  batchSize?: number;
  /** Stop after this many epochs without improvement (see EarlyStopping). Off when absent. */
  patience?: number;
  /** The smallest decrease of the loss that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Early stopping never stops before this many epochs. Default 100, as the seed. */
  minEpochs?: number;
  /** Print a line per epoch (`true`: every 10 epochs; a number: every that many). */
  verbose?: boolean | number;
  /** Shuffle the samples at every epoch. Default true. */
  shuffle?: boolean;
  /** Data measured after every epoch as `val_loss` and `val_accuracy`. */
  validationData?: [Input, Target];
  /** Hold out this fraction of the samples (the last ones, before shuffling) as validation data. */
  validationSplit?: number;
  callbacks?: Callback[];
}

/** Per-epoch figures: `loss` (penalty included) and `accuracy` on the training batches. */
export interface History {
  loss: number[];
  accuracy: number[];
  val_loss?: number[];
  val_accuracy?: number[];
  /** The epoch (from 0) whose weights the model ended with, when early stopping restored them. */
  bestEpoch?: number;
  /** The epoch (from 0) at which early stopping ended training. */
  stoppedEpoch?: number;
}

/**
 * The training loop. Everything is checked before the first update, so bad input leaves
 * the model as it was; once warm, an epoch allocates nothing per batch.
 */
export function train(model: NeuralNetwork, X: Input, y: Target, options: TrainOptions): History {
  const loss = model.requireLoss('train');
  const { epochs = 100, batchSize = 32, shuffle = true, verbose = false } = options;
  checkInteger('epochs', epochs, 1);
  checkInteger('batchSize', batchSize, 0);
  let x = model.checkInput(toInputTensor(X, 'train'), 'train');
  const width = model.outputWidth!;
  checkTarget(y, x.rows, width, 'train');

  let validation: [Tensor, Target] | undefined;
  if (options.validationData) {
    const [vx, vy] = options.validationData;
    const xv = model.checkInput(
      toInputTensor(vx, 'train: validationData'),
      'train: validationData',
    );
    checkTarget(vy, xv.rows, width, 'train: validationData');
    validation = [xv, vy];
  } else if (options.validationSplit !== undefined) {
    const split = options.validationSplit;
    const held = Math.floor(x.rows * split);
    if (!(split > 0 && split < 1) || held === 0 || held === x.rows) {
      throw new Error(
        `train: validationSplit must be in (0, 1) and leave samples on both sides, got ${split} for ${x.rows} samples`,
      );
    }
    const cut = x.rows - held;
    validation = [x.sliceRows(cut, x.rows), sliceTarget(y, cut, x.rows)];
    y = sliceTarget(y, 0, cut);
    x = x.sliceRows(0, cut);
  }

  const callbacks = [...(options.callbacks ?? [])];
  let early: EarlyStopping | undefined;
  if (options.patience !== undefined) {
    early = new EarlyStopping({
      monitor: validation ? 'val_loss' : 'loss',
      patience: options.patience,
      minDelta: options.minDelta ?? 0,
      minEpochs: options.minEpochs ?? 100,
    });
    callbacks.push(early);
  }
  if (verbose !== false) {
    const every = verbose === true ? 10 : verbose;
    checkInteger('verbose', every, 1);
    callbacks.push(new ProgressLogger(every));
  }

  const n = x.rows;
  const size = batchSize === 0 ? n : Math.min(batchSize, n);
  const params = model.params();
  const groups = groupParams(params, model.optimizer, model.namedOptimizers);
  const { gradient, through } = outputGradient(model.layers, loss);
  const gather = new BatchGatherer(x, y);
  const dOut = new Scratch();
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const tracksAccuracy = isClassification(loss);
  const history: History = { loss: [], accuracy: [] };
  if (validation) {
    history.val_loss = [];
    history.val_accuracy = [];
  }

  let stopping = false;
  const context: TrainingContext = {
    model,
    epochs,
    stop: () => {
      stopping = true;
    },
  };
  for (const c of callbacks) c.onTrainBegin?.(context);
  for (let epoch = 0; epoch < epochs && !stopping; epoch++) {
    for (const c of callbacks) c.onEpochBegin?.(epoch, context);
    if (shuffle) model.shuffleRng.permutation(n, order);
    let lossSum = 0;
    let correct = 0;
    for (let start = 0, batch = 0; start < n; start += size, batch++) {
      const end = Math.min(n, start + size);
      const xb = gather.inputs(order, start, end);
      const yb = gather.targets(order, start, end);
      const pred = model.forward(xb, true);
      const batchLoss = loss.forward(pred, yb) + loss.penalty.value(params);
      if (!Number.isFinite(batchLoss)) {
        throw new Error(
          `train: the loss became ${batchLoss} at epoch ${epoch + 1}, batch ${batch + 1}; lower the learning rate or check the data`,
        );
      }
      lossSum += batchLoss * (end - start);
      if (tracksAccuracy) correct += countCorrect(pred, yb);
      let grad = gradient(pred, yb, dOut.tensor(pred.rows, pred.cols));
      for (let i = through - 1; i >= 0; i--) grad = model.layers[i]!.backward(grad);
      loss.penalty.addGradients(params);
      for (const group of groups) group.updater.step(group.params);
      for (const c of callbacks)
        c.onBatchEnd?.(batch, { loss: batchLoss, size: end - start }, context);
    }
    const logs: EpochLogs = { loss: lossSum / n };
    history.loss.push(logs.loss);
    if (tracksAccuracy) {
      logs.accuracy = correct / n;
      history.accuracy.push(logs.accuracy);
    }
    if (validation) {
      const measured = model.measure(validation[0], validation[1], loss);
      logs.val_loss = measured.loss;
      history.val_loss!.push(measured.loss);
      if (measured.accuracy !== undefined) {
        logs.val_accuracy = measured.accuracy;
        history.val_accuracy!.push(measured.accuracy);
      }
    }
    for (const c of callbacks) c.onEpochEnd?.(epoch, logs, context);
  }
  for (const c of callbacks) c.onTrainEnd?.(context);
  if (early?.stoppedEpoch !== undefined) {
    history.stoppedEpoch = early.stoppedEpoch;
    history.bestEpoch = early.bestEpoch;
    if (verbose !== false) {
      console.log(
        `Early stopping at epoch ${early.stoppedEpoch + 1}; restored the weights of epoch ${early.bestEpoch + 1}`,
      );
    }
  }
  return history;
}

function checkInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`train: ${name} must be an integer >= ${min}, got ${value}`);
  }
}
