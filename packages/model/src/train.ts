import { Scratch } from '@neunet/layers';
import type { Loss, Target } from '@neunet/losses';
import { type Param, Tensor } from '@neunet/tensor';
import { absoluteErrorSum, countCorrect } from './accuracy.js';
import type { Batch, BatchIterable } from './batch-source.js';
import { BatchGatherer, sliceTarget } from './batches.js';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';
import { DiagnosticsCollector, type LayerDiagnostics } from './diagnostics.js';
import { EarlyStopping } from './early-stopping.js';
import { clipByNorm, clipByValue, locateInGradients, locateInOutputs } from './health.js';
import { checkTarget, type Input, toInputTensor } from './inputs.js';
import type { NeuralNetwork } from './neural-network.js';
import { groupParams, type ParamGroup } from './optimizer-groups.js';
import { isClassification, type OutputGradient, outputGradient } from './output-gradient.js';
import { ProgressLogger } from './progress-logger.js';

/** Hoisted so that a training step allocates no options objects. */
const TRAINING = { training: true };
/** Nothing reads the gradient with respect to the model's input. */
const NO_INPUT_GRADIENT = { inputGradient: false };

export interface TrainOptions {
  /** Passes over the data. Default 100. */
  epochs?: number;
  /** Samples per update; 0 means the whole data set, as in the seed. Default 32. */
  batchSize?: number;
  /** Sugar for an EarlyStopping callback with this patience (and `minDelta`, `minEpochs`). */
  patience?: number;
  /** The smallest decrease of the loss that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Early stopping by `patience` never stops before this many epochs. Default 100, as the seed. */
  minEpochs?: number;
  /** Print a line per epoch (`true`: every 10 epochs; a number: every that many). */
  verbose?: boolean | number;
  /** Shuffle the samples at every epoch. Default true. */
  shuffle?: boolean;
  /** Data measured after every epoch as `val_loss` and `val_accuracy` (or `val_mae`). */
  validationData?: [Input, Target];
  /** Hold out this fraction of the samples (the last ones, before shuffling) as validation data. */
  validationSplit?: number;
  callbacks?: Callback[];
  /** Rescale all gradients together when their global L2 norm exceeds this. */
  clipNorm?: number;
  /** Limit every gradient element to [−clipValue, clipValue]. */
  clipValue?: number;
  /**
   * What a NaN or ±Infinity in the loss, a layer's output or a gradient does: 'stop'
   * (default) throws an error naming the layer, epoch and batch before any weight changes;
   * 'continue' trains on (a TerminateOnNaN callback can then end training quietly).
   */
  onNonFinite?: 'stop' | 'continue';
  /** Record per-epoch gradient norms per layer and dead ReLU units in `history.diagnostics`. */
  diagnostics?: boolean;
}

/** Where trainAsync is: reported after every batch. */
export interface TrainingProgress {
  /** From 0, within this call. */
  epoch: number;
  epochs: number;
  /** From 0, within the epoch. */
  batch: number;
  /** Batches per epoch; unknown for a batch source. */
  batches: number | undefined;
  loss: number;
}

export interface TrainAsyncOptions extends TrainOptions {
  /** Aborting ends training between two batches; the model keeps every completed update. */
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
}

/** Per-epoch figures: `loss` (penalty included) and `accuracy` or `mae` on the training batches. */
export interface History {
  loss: number[];
  /** Empty for a regression. */
  accuracy: number[];
  /** Mean absolute error, for a regression. */
  mae?: number[];
  val_loss?: number[];
  val_accuracy?: number[];
  val_mae?: number[];
  /** The epoch (from 0) whose weights the model ended with, when early stopping restored them. */
  bestEpoch?: number;
  /** The epoch (from 0) at which training ended early: a callback stopped it or it was aborted. */
  stoppedEpoch?: number;
  /** Whether an AbortSignal ended training. */
  aborted?: boolean;
  /** With `diagnostics: true`: one entry per epoch. */
  diagnostics?: LayerDiagnostics[][];
}

type Data = { x: Input; y: Target } | { source: BatchIterable };

/** The synchronous loop. Everything is checked before the first update, so bad input leaves the model as it was. */
export function train(model: NeuralNetwork, X: Input, y: Target, options: TrainOptions): History {
  const run = new TrainingRun(model, { x: toInputTensor(X, 'train'), y }, options);
  run.begin();
  for (let epoch = 0; epoch < run.epochs && !run.stopping; epoch++) {
    run.startEpoch(epoch);
    for (let b = 0; b < run.batchCount! && !run.stopping; b++) run.step(...run.tensorBatch(b));
    if (!run.stopping || run.epochComplete) run.endEpoch(epoch);
  }
  return run.end();
}

/** The same loop, yielding to the event loop after every batch. */
export async function trainAsync(
  model: NeuralNetwork,
  data: Data,
  options: TrainAsyncOptions,
): Promise<History> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new Error('trainAsync: the signal was already aborted');
  const run = new TrainingRun(
    model,
    'source' in data ? data : { x: toInputTensor(data.x, 'trainAsync'), y: data.y },
    options,
  );
  run.begin();
  const report = (epoch: number, batch: number, loss: number) =>
    onProgress?.({ epoch, epochs: run.epochs, batch, batches: run.batchCount, loss });
  for (let epoch = 0; epoch < run.epochs && !run.stopping; epoch++) {
    run.startEpoch(epoch);
    if ('source' in data) {
      let b = 0;
      for await (const batch of data.source) {
        const [xb, yb] = run.checkBatch(batch, epoch, b);
        report(epoch, b++, run.step(xb, yb));
        await nextTurn();
        if (signal?.aborted) run.abort();
        if (run.stopping) break;
      }
      if (b === 0) {
        throw new Error(
          `trainAsync: the batch source yielded no batches in epoch ${epoch + 1}; it must start a new pass on every [Symbol.asyncIterator]() call (a generator object runs only once)`,
        );
      }
      run.finishSource();
    } else {
      for (let b = 0; b < run.batchCount! && !run.stopping; b++) {
        report(epoch, b, run.step(...run.tensorBatch(b)));
        await nextTurn();
        if (signal?.aborted) run.abort();
      }
    }
    if (!run.stopping || run.epochComplete) run.endEpoch(epoch);
  }
  return run.end();
}

// setImmediate runs after pending I/O in Node; browsers have only timers (or a MessageChannel).
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    const immediate = (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate;
    if (immediate) immediate(resolve);
    else setTimeout(resolve, 0);
  });

/** One call's worth of training state: the batches, the figures, the callbacks. */
class TrainingRun {
  readonly epochs: number;
  readonly batchCount: number | undefined;
  stopping = false;
  /** Whether the last epoch ran all its batches (a stop from onBatchEnd can cut it short). */
  epochComplete = false;
  private aborted = false;
  private readonly loss: Loss;
  private readonly options: TrainOptions;
  private readonly callbacks: Callback[];
  private readonly early: EarlyStopping | undefined;
  private readonly context: TrainingContext;
  private readonly history: History = { loss: [], accuracy: [] };
  private readonly classify: boolean;
  private validation: [Tensor, Target] | undefined;
  private x: Tensor | undefined;
  private y: Target | undefined;
  private size = 0;
  private gather: BatchGatherer | undefined;
  private order = new Int32Array(0);
  private params: Param[] = [];
  // Per layer, fetched once: params() may build a new array on every call.
  private layerParams: Param[][] = [];
  private groups: ParamGroup[] = [];
  private gradient: OutputGradient | undefined;
  private through = 0;
  private readonly dOut = new Scratch();
  private readonly outputs: Tensor[] = [];
  private diagnostics: DiagnosticsCollector | undefined;
  private epoch = 0;
  private batch = 0;
  private samples = 0;
  private lossSum = 0;
  private correct = 0;
  private errorSum = 0;
  private errorCount = 0;

  constructor(
    private readonly model: NeuralNetwork,
    data: { x: Tensor; y: Target } | { source: BatchIterable },
    options: TrainOptions,
  ) {
    const where = 'source' in data ? 'trainAsync' : 'train';
    this.loss = model.requireLoss(where);
    this.options = options;
    const { epochs = 100, batchSize = 32, verbose = false, clipNorm, clipValue } = options;
    checkInteger(where, 'epochs', epochs, 1);
    checkInteger(where, 'batchSize', batchSize, 0);
    for (const [name, value] of [
      ['clipNorm', clipNorm],
      ['clipValue', clipValue],
    ] as const) {
      if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
        throw new Error(`${where}: ${name} must be a finite number > 0, got ${value}`);
      }
    }
    if (options.onNonFinite !== undefined && !['stop', 'continue'].includes(options.onNonFinite)) {
      throw new Error(
        `${where}: onNonFinite must be 'stop' or 'continue', got ${String(options.onNonFinite)}`,
      );
    }
    this.epochs = epochs;
    this.classify = isClassification(this.loss);

    if ('source' in data) {
      if (options.validationSplit !== undefined) {
        throw new Error(
          `${where}: validationSplit needs tensors; pass validationData with a batch source`,
        );
      }
      if (this.model.outputWidth === undefined && this.model.layers[0]?.inputSize !== undefined) {
        this.model.build(this.model.layers[0].inputSize);
      }
    } else {
      let x = model.checkInput(data.x, where);
      let y = data.y;
      checkTarget(y, x.rows, model.outputWidth!, where);
      checkLossTarget(this.loss, y, model.outputWidth!, where);
      if (options.validationSplit !== undefined) {
        const split = options.validationSplit;
        const held = Math.floor(x.rows * split);
        if (!(split > 0 && split < 1) || held === 0 || held === x.rows) {
          throw new Error(
            `${where}: validationSplit must be in (0, 1) and leave samples on both sides, got ${split} for ${x.rows} samples`,
          );
        }
        const cut = x.rows - held;
        this.validation = [x.sliceRows(cut, x.rows), sliceTarget(y, cut, x.rows)];
        y = sliceTarget(y, 0, cut);
        x = x.sliceRows(0, cut);
      }
      this.x = x;
      this.y = y;
      this.size = batchSize === 0 ? x.rows : Math.min(batchSize, x.rows);
      this.batchCount = Math.ceil(x.rows / this.size);
      this.gather = new BatchGatherer(x, y);
      this.order = Int32Array.from({ length: x.rows }, (_, i) => i);
    }
    if (options.validationData) {
      const [vx, vy] = options.validationData;
      const at = `${where}: validationData`;
      const xv = model.checkInput(toInputTensor(vx, at), at);
      checkTarget(vy, xv.rows, model.outputWidth!, at);
      checkLossTarget(this.loss, vy, model.outputWidth!, at);
      this.validation = [xv, vy];
    }

    this.callbacks = [...(options.callbacks ?? [])];
    if (options.patience !== undefined) {
      this.early = new EarlyStopping({
        monitor: this.validation ? 'val_loss' : 'loss',
        patience: options.patience,
        minDelta: options.minDelta ?? 0,
        minEpochs: options.minEpochs ?? 100,
      });
      this.callbacks.push(this.early);
    }
    if (verbose !== false) {
      const every = verbose === true ? 10 : verbose;
      checkInteger(where, 'verbose', every, 1);
      this.callbacks.push(new ProgressLogger(every));
    }
    if (this.validation) {
      this.history.val_loss = [];
      if (this.classify) this.history.val_accuracy = [];
      else this.history.val_mae = [];
    }
    if (!this.classify) this.history.mae = [];
    if (options.diagnostics) this.history.diagnostics = [];
    this.context = {
      model,
      epochs,
      initialEpoch: model.epochsTrained,
      stop: () => {
        this.stopping = true;
      },
    };
  }

  begin(): void {
    if (this.model.outputWidth !== undefined) this.prepare();
    for (const c of this.callbacks) c.onTrainBegin?.(this.context);
  }

  /** Once the layers are built: the params, their optimizers and the output gradient. */
  private prepare(): void {
    if (this.gradient) return;
    this.params = this.model.params();
    this.layerParams = this.model.layers.map((layer) => layer.params());
    this.groups = groupParams(this.params, this.model.optimizer, this.model.namedOptimizers);
    const { gradient, through } = outputGradient(this.model.layers, this.loss);
    this.gradient = gradient;
    this.through = through;
    if (this.options.diagnostics) this.diagnostics = new DiagnosticsCollector(this.model.layers);
  }

  startEpoch(epoch: number): void {
    this.epoch = epoch;
    this.batch = 0;
    this.samples = 0;
    this.lossSum = 0;
    this.correct = 0;
    this.errorSum = 0;
    this.errorCount = 0;
    this.epochComplete = false;
    this.diagnostics?.startEpoch();
    for (const c of this.callbacks) c.onEpochBegin?.(epoch, this.context);
    if (this.x && (this.options.shuffle ?? true)) {
      this.model.shuffleRng.permutation(this.x.rows, this.order);
    }
  }

  tensorBatch(b: number): [Tensor, Target] {
    const start = b * this.size;
    const end = Math.min(this.x!.rows, start + this.size);
    if (end === this.x!.rows) this.epochComplete = true;
    return [
      this.gather!.inputs(this.order, start, end),
      this.gather!.targets(this.order, start, end),
    ];
  }

  /** Checks a batch from a source as `train` checks whole tensors. */
  checkBatch(batch: Batch, epoch: number, b: number): [Tensor, Target] {
    const where = `trainAsync: batch ${b + 1} of epoch ${epoch + 1}`;
    if (typeof batch !== 'object' || batch === null) {
      throw new Error(`${where}: expected { x, y }, got ${String(batch)}`);
    }
    const x = this.model.checkInput(toInputTensor(batch.x, where), where);
    checkTarget(batch.y, x.rows, this.model.outputWidth!, where);
    checkLossTarget(this.loss, batch.y, this.model.outputWidth!, where);
    this.prepare();
    return [x, batch.y];
  }

  finishSource(): void {
    if (!this.stopping) this.epochComplete = true;
  }

  abort(): void {
    this.aborted = true;
    this.stopping = true;
  }

  /** One update. Bad values stop it before any weight changes (unless told to continue). */
  step(xb: Tensor, yb: Target): number {
    const { model, loss, params } = this;
    const layers = model.layers;
    const rows = xb.rows;
    let pred = xb;
    for (let i = 0; i < layers.length; i++) {
      pred = layers[i]!.forward(pred, TRAINING);
      this.outputs[i] = pred;
    }
    const batchLoss = loss.forward(pred, yb) + loss.penalty.value(params);
    const strict = this.options.onNonFinite !== 'continue';
    if (strict && !Number.isFinite(batchLoss)) {
      const cause = locateInOutputs(layers, this.outputs) ?? `the loss is ${batchLoss}`;
      this.fail(cause);
    }
    this.diagnostics?.recordOutputs(this.outputs);
    this.lossSum += batchLoss * rows;
    this.samples += rows;
    if (this.classify) this.correct += countCorrect(pred, yb);
    else {
      this.errorSum += absoluteErrorSum(pred, yb);
      this.errorCount += pred.size;
    }
    let grad = this.gradient!(pred, yb, this.dOut.tensor(pred.rows, pred.cols));
    for (let i = this.through - 1; i > 0; i--) grad = layers[i]!.backward(grad);
    if (this.through > 0) layers[0]!.backward(grad, NO_INPUT_GRADIENT);
    loss.penalty.addGradients(params);
    if (strict) {
      const cause = locateInGradients(layers, this.layerParams);
      if (cause) this.fail(cause);
    }
    this.diagnostics?.recordGradients();
    if (this.options.clipValue !== undefined) clipByValue(params, this.options.clipValue);
    if (this.options.clipNorm !== undefined) clipByNorm(params, this.options.clipNorm);
    const scale = model.learningRateScale;
    for (const group of this.groups) {
      const updater = group.updater as { learningRateScale?: number };
      if (updater.learningRateScale !== undefined && updater.learningRateScale !== scale) {
        updater.learningRateScale = scale;
      }
      group.updater.step(group.params);
    }
    const b = this.batch++;
    for (const c of this.callbacks)
      c.onBatchEnd?.(b, { loss: batchLoss, size: rows }, this.context);
    return batchLoss;
  }

  private fail(cause: string): never {
    throw new Error(
      `train: non-finite value at epoch ${this.context.initialEpoch + this.epoch + 1}, batch ${this.batch + 1}: ${cause}. ` +
        'No weight was changed by this batch; lower the learning rate, clip gradients (clipNorm) or check the data. ' +
        "Pass onNonFinite: 'continue' to train on regardless",
    );
  }

  endEpoch(epoch: number): void {
    const history = this.history;
    const logs: EpochLogs = { loss: this.lossSum / this.samples };
    history.loss.push(logs.loss);
    if (this.classify) {
      logs.accuracy = this.correct / this.samples;
      history.accuracy.push(logs.accuracy);
    } else {
      logs.mae = this.errorSum / this.errorCount;
      history.mae!.push(logs.mae);
    }
    if (this.validation) {
      const measured = this.model.measure(this.validation[0], this.validation[1], this.loss);
      logs.val_loss = measured.loss;
      history.val_loss!.push(measured.loss);
      if (measured.accuracy !== undefined) {
        logs.val_accuracy = measured.accuracy;
        history.val_accuracy!.push(measured.accuracy);
      }
      if (measured.mae !== undefined) {
        logs.val_mae = measured.mae;
        history.val_mae!.push(measured.mae);
      }
    }
    if (this.diagnostics) history.diagnostics!.push(this.diagnostics.epoch());
    this.model.epochsTrained++;
    for (const c of this.callbacks) c.onEpochEnd?.(epoch, logs, this.context);
  }

  end(): History {
    for (const c of this.callbacks) c.onTrainEnd?.(this.context);
    const history = this.history;
    if (this.stopping && history.loss.length < this.epochs) {
      history.stoppedEpoch = history.loss.length - (this.epochComplete ? 1 : 0);
    }
    if (this.aborted) history.aborted = true;
    const early = this.early;
    if (early?.stoppedEpoch !== undefined) {
      history.stoppedEpoch = early.stoppedEpoch;
      history.bestEpoch = early.bestEpoch;
      if (this.options.verbose) {
        console.log(
          `Early stopping at epoch ${early.stoppedEpoch + 1}; restored the weights of epoch ${early.bestEpoch + 1}`,
        );
      }
    }
    return history;
  }
}

function checkInteger(where: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${where}: ${name} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * Whether the target's form suits the loss (mean squared error wants values, not class
 * labels) is the loss's to judge: it is asked on one row, before the first update.
 */
function checkLossTarget(loss: Loss, y: Target, width: number, where: string): void {
  try {
    loss.forward(Tensor.zeros([1, width]), sliceTarget(y, 0, 1));
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}
