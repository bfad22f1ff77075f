import { formatShape, Scratch, sameShape } from '@neunet/layers';
import type { Loss, Target } from '@neunet/losses';
import type { Optimizer } from '@neunet/optimizers';
import type { Param, Shape, Tensor } from '@neunet/tensor';
import type { Batch, BatchIterable } from './batch-source.js';
import { BatchGatherer, sliceTarget } from './batches.js';
import type { Callback, EpochLogs, TrainingContext } from './callbacks/callbacks.js';
import { EarlyStopping } from './callbacks/early-stopping.js';
import { ProgressLogger } from './callbacks/progress-logger.js';
import { DiagnosticsCollector } from './diagnostics.js';
import { clipByNorm, clipByValue, locateInGradients, locateInOutputs } from './health.js';
import { checkData, type Input } from './inputs.js';
import { type Metric, type MetricAccumulator, resolveMetrics } from './metrics.js';
import type { NeuralNetwork } from './neural-network.js';
import { type OutputGradient, outputGradient } from './output-gradient.js';
import { StepSnapshot } from './step-snapshot.js';
import { checkTrainOptions, type History, type TrainOptions } from './train-options.js';

/** Hoisted so that a training step allocates no options objects. */
const TRAINING = { training: true };
/** Nothing reads the gradient with respect to the model's input. */
const NO_INPUT_GRADIENT = { inputGradient: false };

/** One call's worth of training state: the batches, the figures, the callbacks. */
export class TrainingRun {
  readonly epochs: number;
  readonly batchCount: number | undefined;
  stopping = false;
  /** Whether the last epoch ran all its batches (a stop from onBatchEnd can cut it short). */
  epochComplete = false;
  private aborted = false;
  private readonly loss: Loss;
  private readonly where: string;
  private readonly options: TrainOptions;
  private readonly callbacks: Callback[];
  /** Where `verbose` prints: the progress, and early stopping's note after it. */
  private readonly progress: ProgressLogger | undefined;
  private readonly context: TrainingContext;
  private readonly history: History = { loss: [] };
  private readonly metrics: Metric[];
  /** One per metric, made once: the step only adds to them. */
  private readonly counting: MetricAccumulator[];
  private validation: [Tensor, Target] | undefined;
  private x: Tensor | undefined;
  private y: Target | undefined;
  private size = 0;
  private gather: BatchGatherer | undefined;
  private order = new Int32Array(0);
  private params: Param[] = [];
  // Per layer, fetched once: params() may build a new array on every call.
  private layerParams: Param[][] = [];
  private optimizers: readonly Optimizer[] = [];
  private gradient: OutputGradient | undefined;
  private through = 0;
  private readonly dOut = new Scratch();
  private outputShape: Shape = [];
  private readonly outputs: Tensor[] = [];
  private diagnostics: DiagnosticsCollector | undefined;
  /** Absent with onNonFinite: 'continue', where no batch is rejected. */
  private readonly snapshot: StepSnapshot | undefined;
  private epoch = 0;
  private batch = 0;
  private samples = 0;
  private lossSum = 0;

  constructor(
    private readonly model: NeuralNetwork,
    data: { x: Input; y: Target } | { source: BatchIterable },
    options: TrainOptions,
    where = 'source' in data ? 'trainAsync' : 'train',
  ) {
    this.where = where;
    this.loss = model.requireLoss(where);
    this.options = options;
    const { epochs, batchSize, verbose } = checkTrainOptions(where, options);
    this.epochs = epochs;
    this.metrics = resolveMetrics(where, options.metrics, this.loss);
    this.counting = this.metrics.map((metric) => metric.accumulator());

    // Checked first, built last: a call that throws leaves an unbuilt model unbuilt.
    let inputs: Tensor | undefined;
    if ('source' in data) {
      if (options.validationSplit !== undefined) {
        throw new Error(
          `${where}: validationSplit needs tensors; pass validationData with a batch source`,
        );
      }
    } else {
      let { x } = checkData(model, this.loss, this.metrics, data.x, data.y, where);
      let y = data.y;
      inputs = x;
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
      const xv = checkData(model, this.loss, this.metrics, vx, vy, at).x;
      if (inputs && !sameShape(xv.shape.slice(1), inputs.shape.slice(1))) {
        throw new Error(
          `${at}: X has per-sample shape ${formatShape(xv.shape.slice(1))} but the training data has ${formatShape(inputs.shape.slice(1))}`,
        );
      }
      this.validation = [xv, vy];
      inputs = xv;
    }

    this.callbacks = [...(options.callbacks ?? [])];
    if (options.patience !== undefined) {
      const { patience, minDelta, startFromEpoch } = options;
      this.callbacks.push(new EarlyStopping({ patience, minDelta, startFromEpoch }));
    }
    if (verbose !== 0) {
      this.progress = new ProgressLogger({ verbose });
      this.callbacks.push(this.progress);
    }
    for (const { name } of this.metrics) this.history[name] = [];
    if (this.validation) {
      this.history.val_loss = [];
      for (const { name } of this.metrics) this.history[`val_${name}`] = [];
    }
    if (options.diagnostics) this.history.diagnostics = [];
    if (inputs) model.buildFor(inputs);
    if (options.onNonFinite !== 'continue') {
      this.snapshot = new StepSnapshot(model.randomStreams(), model);
    }
    this.context = {
      model,
      epochs,
      initialEpoch: model.epochsTrained,
      batches: this.batchCount,
      runningLogs: () => this.figures(),
      stop: () => {
        this.stopping = true;
      },
    };
  }

  begin(): void {
    if (this.model.outputShape) this.prepare();
    for (const c of this.callbacks) c.onTrainBegin?.(this.context);
  }

  /** Once the layers are built: the params, their optimizers' groups and the output gradient. */
  private prepare(): void {
    if (this.gradient) return;
    this.outputShape = this.model.outputShape!;
    this.params = this.model.params();
    this.layerParams = this.model.layers.map((layer) => layer.params());
    this.model.groupParams(this.where);
    this.optimizers = this.model.optimizers;
    const { gradient, through } = outputGradient(this.model.layers, this.loss);
    this.gradient = gradient;
    this.through = through;
    if (this.options.diagnostics) this.diagnostics = new DiagnosticsCollector(this.model.layers);
    this.snapshot?.track(this.model.layers);
  }

  startEpoch(epoch: number): void {
    this.epoch = epoch;
    this.batch = 0;
    this.samples = 0;
    this.lossSum = 0;
    for (let m = 0; m < this.counting.length; m++) this.counting[m]!.reset();
    this.epochComplete = false;
    this.diagnostics?.startEpoch();
    // An epoch's start (its callbacks, its shuffle) belongs to its first batch.
    this.snapshot?.save();
    for (const c of this.callbacks) c.onEpochBegin?.(epoch, this.context);
    if (this.x && (this.options.shuffle ?? true)) {
      this.model.shuffleRng.permutation(this.x.rows, this.order);
    }
  }

  /** Trains on batch b of the epoch's order (two calls rather than a tuple: no allocation). */
  stepBatch(b: number): number {
    const start = b * this.size;
    const end = Math.min(this.x!.rows, start + this.size);
    if (end === this.x!.rows) this.epochComplete = true;
    return this.step(
      this.gather!.inputs(this.order, start, end),
      this.gather!.targets(this.order, start, end),
    );
  }

  /** Checks a batch from a source as `train` checks whole tensors. */
  checkBatch(batch: Batch, epoch: number, b: number): [Tensor, Target] {
    const where = `trainAsync: batch ${b + 1} of epoch ${epoch + 1}`;
    if (typeof batch !== 'object' || batch === null) {
      throw new Error(`${where}: expected { x, y }, got ${String(batch)}`);
    }
    const { x } = checkData(this.model, this.loss, this.metrics, batch.x, batch.y, where);
    this.model.buildFor(x);
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

  /** One update. A batch with bad values is rejected and changes nothing (unless told to continue). */
  step(xb: Tensor, yb: Target): number {
    const { model, loss, params } = this;
    if (this.batch > 0) this.snapshot?.save();
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
    for (let m = 0; m < this.counting.length; m++) this.counting[m]!.add(pred, yb);
    let grad = this.gradient!(pred, yb, this.dOut.tensor(pred.rows, this.outputShape));
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
    // Index loops in the step: a for...of iterator is not always optimised away.
    for (let o = 0; o < this.optimizers.length; o++) {
      const optimizer = this.optimizers[o]!;
      if (optimizer.learningRateScale !== scale) optimizer.learningRateScale = scale;
      optimizer.step();
    }
    const b = this.batch++;
    for (let c = 0; c < this.callbacks.length; c++) {
      this.callbacks[c]!.onBatchEnd?.(b, { loss: batchLoss, size: rows }, this.context);
    }
    return batchLoss;
  }

  private fail(cause: string): never {
    this.snapshot?.restore();
    throw new Error(
      `train: non-finite value at epoch ${this.context.initialEpoch + this.epoch + 1}, batch ${this.batch + 1}: ${cause}. ` +
        'This batch changed nothing (weights, running statistics, optimizer state, random streams); ' +
        'lower the learning rate, clip gradients (clipNorm) or check the data. ' +
        "Pass onNonFinite: 'continue' to train on regardless",
    );
  }

  /** The loss and the metrics over the batches of the epoch so far. */
  figures(): EpochLogs {
    const logs: EpochLogs = { loss: this.lossSum / this.samples };
    for (const metric of this.counting) logs[metric.name] = metric.value();
    return logs;
  }

  endEpoch(epoch: number): void {
    const history = this.history;
    const logs = this.figures();
    history.loss.push(logs.loss);
    for (const { name } of this.counting) history[name]!.push(logs[name]!);
    if (this.validation) {
      const [x, y] = this.validation;
      const measured = this.model.measure(x, y, this.loss, this.metrics);
      logs.val_loss = measured.loss;
      history.val_loss!.push(measured.loss);
      for (const { name } of this.metrics) {
        logs[`val_${name}`] = measured[name];
        history[`val_${name}`]!.push(measured[name]!);
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
    // The callback a user passed and train's `patience` report alike.
    const early = this.callbacks.find(
      (c): c is EarlyStopping => c instanceof EarlyStopping && c.stoppedEpoch !== undefined,
    );
    if (early?.stoppedEpoch !== undefined) {
      history.stoppedEpoch = early.stoppedEpoch;
      history.bestEpoch = early.bestEpoch;
      this.progress?.message(
        `Early stopping at epoch ${early.stoppedEpoch + 1}` +
          (early.restoreBestWeights
            ? `; restored the weights of epoch ${early.bestEpoch + 1}`
            : ''),
      );
    }
    return history;
  }
}
