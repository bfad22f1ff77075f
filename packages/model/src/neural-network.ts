import { checkSampleShape, formatShape, type Layer, sameShape } from '@neunet/layers';
import type { Loss, Target } from '@neunet/losses';
import { createOptimizer, type Optimizer, type OptimizerName } from '@neunet/optimizers';
import { checkOptions, optionKeys } from '@neunet/options';
import { getBackend, type Param, Rng, type RngState, type Shape, Tensor } from '@neunet/tensor';
import { type BatchIterable, isBatchIterable } from './batch-source.js';
import { sliceTarget } from './batches.js';
import type { TrainableModel } from './callbacks/callbacks.js';
import { checkData, type Input, toInputTensor } from './inputs.js';
import { type Metric, type MetricSpec, resolveMetrics } from './metrics.js';
import { checkOptimizer, checkOptimizerSettings, ModelOptimizers } from './model-optimizers.js';
import { fromArtifacts, toArtifacts } from './saving/artifacts.js';
import {
  type ModelArtifacts,
  nodeFs,
  packArtifacts,
  unpackArtifacts,
} from './saving/model-file.js';
import { summarize } from './summary.js';
import { train, trainAsync, trainOnBatch } from './train.js';
import {
  type History,
  TRAIN_ASYNC_OPTIONS,
  TRAIN_OPTIONS,
  type TrainAsyncOptions,
  type TrainOptions,
} from './train-options.js';

/** Shared, so that a forward pass allocates no options objects. */
const TRAINING = { training: true };
const INFERENCE = { training: false };

/** The state of every random stream of a model: enough to continue exactly. */
export interface RandomState {
  model: RngState;
  shuffle: RngState;
  /** Per layer, the stream handed to its `initialize` (null for layers without one). */
  layers: (RngState | null)[];
}

/**
 * What `evaluate` measures: the loss, and each metric under its name (by default accuracy
 * for a classification loss, MAE otherwise).
 */
export interface Evaluation {
  loss: number;
  accuracy?: number;
  mae?: number;
  [metric: string]: number | undefined;
}

/** The options of `NeuralNetwork.evaluate`. */
export interface EvaluateOptions {
  /**
   * As `train`'s `metrics`: names, functions or `{ name, fn }`.
   * @defaultValue `['accuracy']` for a loss that declares `task: 'classification'`, else `['mae']`
   */
  metrics?: MetricSpec[];
}

export interface PredictOptions {
  /**
   * Samples run through the network at a time: memory stays bounded however many samples
   * X holds, and the result does not depend on it.
   * @defaultValue 1024
   */
  batchSize?: number;
}

export interface NeuralNetworkOptions {
  /** Seeds weight initialisation, shuffling and dropout. Random when absent. */
  seed?: number;
  /**
   * The optimizer for every parameter whose layer names none. Default 'adam'. An instance
   * may hold param groups of this model's params already: they are kept as they are.
   */
  optimizer?: OptimizerName | Optimizer;
  /** The model optimizer's learning rate when `optimizer` is a name. Default 0.001. */
  learningRate?: number;
  /**
   * The shape of one input sample, the batch axis left out (`[features]`, `[time,
   * features]`): every layer is then built as it is added. Without it, the shape comes
   * from the first layer when it asks for one (`new Dense(nIn, nOut)`: `[nIn]`), from
   * `build(inputShape)`, or from the first X the model sees.
   */
  inputShape?: Shape;
}

const EVALUATE_OPTIONS = optionKeys<EvaluateOptions>()(['metrics']);
const PREDICT_OPTIONS = optionKeys<PredictOptions>()(['batchSize']);
const MODEL_OPTIONS = optionKeys<NeuralNetworkOptions>()([
  'seed',
  'optimizer',
  'learningRate',
  'inputShape',
]);

/**
 * A stack of layers trained as one: `add` layers, `setLoss`, then `train`, `predict`
 * and `evaluate`. The model knows layers only through the Layer interface; it hands
 * each a `{ training }` flag and a random stream, and that is all.
 */
export class NeuralNetwork implements TrainableModel {
  readonly layers: Layer[] = [];
  readonly seed: number;
  /** The model's own optimizer: for every param whose layer asks for no other. */
  readonly optimizer: Optimizer;
  private optimizerSet: ModelOptimizers;
  /** Every epoch trained so far, across calls to train (and saves and loads). */
  history: History = { loss: [] };
  loss: Loss | undefined;
  /** Epochs completed so far, across calls to train (and saves and loads). */
  epochsTrained = 0;
  /** The per-sample input shape, once known: every layer is built from then on. */
  private input: Shape | undefined;
  /** Each layer's per-sample output shape, once built. */
  private shapes: Shape[] = [];
  private scale = 1;
  private readonly rng: Rng;
  readonly shuffleRng: Rng;
  private readonly layerRngs: (Rng | null)[] = [];

  constructor(options: NeuralNetworkOptions = {}) {
    checkOptions('NeuralNetwork', options, MODEL_OPTIONS);
    const {
      seed = Math.floor(Math.random() * 2 ** 32),
      optimizer = 'adam',
      learningRate,
      inputShape,
    } = options;
    if (inputShape !== undefined)
      this.input = checkSampleShape('NeuralNetwork: inputShape', inputShape);
    this.seed = seed;
    this.rng = new Rng(seed);
    this.shuffleRng = this.rng.fork();
    if (typeof optimizer === 'string') {
      this.optimizer = createOptimizer(optimizer, { learningRate: learningRate ?? 0.001 });
    } else {
      if (learningRate !== undefined) {
        throw new Error(
          'NeuralNetwork: pass learningRate to the optimizer instance, not to the model',
        );
      }
      checkOptimizer(optimizer, 'NeuralNetwork');
      this.optimizer = optimizer;
    }
    this.optimizerSet = new ModelOptimizers(this.optimizer);
  }

  /**
   * Appends a layer, which must take the previous layer's output shape. Once the model
   * knows its input shape, each layer is built as it is added. A layer that asks for an
   * input shape (`new Dense(nIn, nOut)`: `[nIn]`) gives the model its input shape when
   * every layer before it keeps every shape (declares `preservesShape`: BatchNormalization,
   * activations, Dropout); after a Flatten, the model waits for data.
   */
  add(layer: Layer): this {
    if (
      typeof layer?.forward !== 'function' ||
      typeof layer.backward !== 'function' ||
      typeof layer.computeOutputShape !== 'function' ||
      typeof layer.build !== 'function'
    ) {
      throw new Error(
        'NeuralNetwork.add: expected a Layer (with forward, backward, computeOutputShape, build and params)',
      );
    }
    checkOptimizerSettings(layer, this.layers.length, 'NeuralNetwork.add');
    const shape = this.input ? this.outputShape! : this.shapeReaching(layer);
    let output: Shape | undefined;
    if (shape) {
      try {
        output = layer.computeOutputShape(shape);
      } catch (error) {
        throw new Error(
          `NeuralNetwork.add: layer ${this.layers.length + 1} cannot follow the previous one: ${(error as Error).message}`,
        );
      }
    }
    // Forked only for layers that take one, so that adding an activation draws nothing;
    // before the build, so that weights whose size the build decides are drawn from it.
    const rng = layer.initialize ? this.rng.fork() : null;
    if (rng) layer.initialize!(rng);
    if (shape) {
      if (!this.input) {
        for (const before of this.layers) before.build(shape);
        this.input = shape;
        this.shapes = this.layers.map(() => shape);
      }
      layer.build(shape);
      this.shapes.push(output!);
    }
    this.layers.push(layer);
    this.layerRngs.push(rng);
    return this;
  }

  setLoss(loss: Loss): this {
    if (typeof loss?.forward !== 'function' || typeof loss.backward !== 'function') {
      throw new Error('NeuralNetwork.setLoss: expected a Loss (with forward and backward)');
    }
    this.loss = loss;
    return this;
  }

  /** Every trainable parameter, layer by layer. */
  params(): Param[] {
    return this.layers.flatMap((layer) => layer.params());
  }

  /**
   * Every optimizer the model trains with: its own first, then the one per name and the
   * instances its layers ask for. Their `paramGroups` say which params each trains, and how.
   */
  get optimizers(): readonly Optimizer[] {
    return this.optimizerSet.all;
  }

  /**
   * Puts every param that is in no optimizer group yet into one, as its layer's
   * `optimizerSettings` ask (training and saving do it first; call it to see the groups
   * before). Layers naming the same optimizer share one instance; params asking for the
   * same optimizer and rate share a group. Throws, naming the layer, when a param already
   * in a group disagrees with what its layer asks for, or when an optimizer holds params
   * of another model.
   */
  groupParams(where = 'NeuralNetwork.groupParams'): void {
    this.optimizerSet.place(this.layers, where);
  }

  /** @internal The optimizers of a loaded file, the model's own first. */
  restoreOptimizers(optimizers: readonly Optimizer[]): void {
    this.optimizerSet = ModelOptimizers.restore(optimizers, this.layers);
  }

  /**
   * Trains on X and y; see TrainOptions. Returns this call's per-epoch history and appends
   * it to `model.history`. Given a re-iterable async source of `{ x, y }` batches instead
   * (data larger than memory, e.g. `batchesFromArrays` or `csvBatches` of
   * @neunet/datasets), it trains as `trainAsync` does and returns a Promise.
   */
  train(X: Input, y: Target, options?: TrainOptions): History;
  train(batches: BatchIterable, options?: TrainAsyncOptions): Promise<History>;
  train(
    data: Input | BatchIterable,
    yOrOptions?: Target | TrainAsyncOptions,
    options: TrainOptions = {},
  ): History | Promise<History> {
    if (isBatchIterable(data)) return this.trainAsync(data, yOrOptions as TrainAsyncOptions);
    checkOptions('train', options, TRAIN_OPTIONS);
    return this.record(train(this, data, yOrOptions as Target, options));
  }

  /**
   * `train` that yields to the event loop after every batch, so that a page or a server
   * stays responsive; it also takes a re-iterable async source of `{ x, y }` batches.
   * Aborting `signal` ends training between two batches: the model keeps every completed
   * update and the history its completed epochs, with `aborted: true`.
   */
  trainAsync(X: Input, y: Target, options?: TrainAsyncOptions): Promise<History>;
  trainAsync(batches: BatchIterable, options?: TrainAsyncOptions): Promise<History>;
  async trainAsync(
    data: Input | BatchIterable,
    yOrOptions?: Target | TrainAsyncOptions,
    options: TrainAsyncOptions = {},
  ): Promise<History> {
    checkOptions(
      'trainAsync',
      isBatchIterable(data) ? (yOrOptions ?? {}) : options,
      TRAIN_ASYNC_OPTIONS,
    );
    const history = isBatchIterable(data)
      ? await trainAsync(this, { source: data }, (yOrOptions as TrainAsyncOptions) ?? {})
      : await trainAsync(this, { x: data, y: yOrOptions as Target }, options);
    return this.record(history);
  }

  /**
   * One optimizer step on one batch, as Keras's `train_on_batch`: X and y are the batch,
   * checked as `train` checks its data. Returns the batch's loss (penalty included, from
   * the forward pass before the update) and its metrics (accuracy for a classification
   * loss, else MAE). It counts no epoch in `epochsTrained`, runs no callback and leaves
   * `history` as it was: for loops of your own that choose their batches.
   */
  trainOnBatch(X: Input, y: Target): Evaluation {
    return trainOnBatch(this, X, y);
  }

  private record(history: History): History {
    const all = this.history as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(history)) {
      const before = all[key];
      all[key] = Array.isArray(value) && Array.isArray(before) ? [...before, ...value] : value;
    }
    return history;
  }

  /** Runs the layers in order. The result is owned by the last layer: copy it to keep it. */
  forward(x: Tensor, training: boolean): Tensor {
    let out = x;
    const options = training ? TRAINING : INFERENCE;
    for (const layer of this.layers) out = layer.forward(out, options);
    return out;
  }

  /** The network's output for X in inference mode: class probabilities for a classifier. */
  predictProba(X: Input, options: PredictOptions = {}): Tensor {
    checkOptions('predictProba', options, PREDICT_OPTIONS);
    return this.infer(X, 'predictProba', options);
  }

  /**
   * The predicted class of each sample: the arg max, or p ≥ 0.5 for a single output. For
   * outputs of one axis, `[classes]`; use `predictProba` for others.
   *
   * A model whose loss is a regression loss (it declares `task: 'regression'`, as
   * MeanSquaredError and MeanAbsoluteError do) has no classes: `predict` throws and names
   * `predictProba`, which returns the network's outputs (what Keras's `predict` returns).
   */
  predict(X: Input, options: PredictOptions = {}): Int32Array {
    checkOptions('predict', options, PREDICT_OPTIONS);
    if (this.loss?.task === 'regression') {
      throw new Error(
        `predict: the loss ${this.loss.getConfig().type} is a regression loss, and predict returns class labels; use predictProba for the network's outputs`,
      );
    }
    const proba = this.infer(X, 'predict', options, (output) => {
      if (output.length > 1) {
        throw new Error(
          `predict: the network's output has per-sample shape ${formatShape(output)}; predict gives one class per sample and needs [classes]: use predictProba, or add a Flatten layer before the last Dense layer`,
        );
      }
    });
    if (proba.cols === 1) return Int32Array.from(proba.data, (p) => (p >= 0.5 ? 1 : 0));
    return getBackend().argmaxRows(proba, new Int32Array(proba.rows));
  }

  /**
   * The loss (penalty included) and the metrics on X and y: by default accuracy for a
   * classification loss and MAE otherwise; `metrics` as in `train`.
   */
  evaluate(X: Input, y: Target, options: EvaluateOptions = {}): Evaluation {
    checkOptions('evaluate', options, EVALUATE_OPTIONS);
    const loss = this.requireLoss('evaluate');
    const metrics = resolveMetrics('evaluate', options.metrics, loss);
    const { x } = checkData(this, loss, metrics, X, y, 'evaluate');
    this.buildFor(x);
    return this.measure(x, y, loss, metrics);
  }

  /** The output for X in inference mode, batch by batch; errors name the method the user called. */
  private infer(
    X: Input,
    where: string,
    { batchSize = 1024 }: PredictOptions,
    check?: (output: Shape) => void,
  ): Tensor {
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new Error(`${where}: batchSize is ${batchSize}; expected a whole number ≥ 1`);
    }
    const x = toInputTensor(X, where);
    const output = this.checkInput(x, where);
    check?.(output);
    this.buildFor(x);
    if (x.rows <= batchSize) return this.forward(x, false).clone();
    const result = Tensor.zeros([x.rows, ...output]);
    for (let start = 0; start < x.rows; start += batchSize) {
      const end = Math.min(x.rows, start + batchSize);
      // The layers own their output buffers: copy each batch's out before the next overwrites it.
      result.data.set(this.forward(x.sliceRows(start, end), false).data, start * result.cols);
    }
    return result;
  }

  /** The loss and the metrics in inference mode, batch by batch so that memory stays bounded. */
  measure(
    x: Tensor,
    y: Target,
    loss: Loss,
    metrics: readonly Metric[],
    batchSize = 1024,
  ): Evaluation {
    let total = 0;
    const counting = metrics.map((metric) => metric.accumulator());
    for (let start = 0; start < x.rows; start += batchSize) {
      const end = Math.min(x.rows, start + batchSize);
      const target = sliceTarget(y, start, end);
      const pred = this.forward(x.sliceRows(start, end), false);
      total += loss.forward(pred, target) * (end - start);
      for (const metric of counting) metric.add(pred, target);
    }
    const result: Evaluation = { loss: total / x.rows + loss.penalty.value(this.params()) };
    for (const metric of counting) result[metric.name] = metric.value();
    return result;
  }

  /** Copies of every parameter and buffer (BatchNormalization's running statistics). */
  getWeights(): Tensor[] {
    return this.state().map((t) => t.clone());
  }

  setWeights(weights: readonly Tensor[]): void {
    const state = this.state();
    if (weights.length !== state.length) {
      throw new Error(`setWeights: expected ${state.length} tensors, got ${weights.length}`);
    }
    state.forEach((target, i) => {
      const source = weights[i]!;
      if (source.size !== target.size) {
        throw new Error(
          `setWeights: tensor ${i} has ${source.size} values, expected ${target.size}`,
        );
      }
    });
    state.forEach((target, i) => {
      target.data.set(weights[i]!.data);
    });
  }

  /**
   * Prints, line by line, and returns Keras's table of the layers: name (type), output
   * shape and parameter count, then the total, trainable and non-trainable parameters
   * (BatchNormalization's moving statistics are non-trainable, as in Keras and
   * TensorFlow.js).
   *
   * @param printFn - Receives each line, as Keras's `print_fn` (by default `console.log`).
   */
  summary(printFn: (line: string) => void = console.log): string {
    const table = summarize(this.layers, this.input ? this.shapes : undefined);
    for (const line of table.split('\n')) printFn(line);
    return table;
  }

  /**
   * Checks X's per-sample shape against the layers without building any; returns the
   * per-sample output shape it gives. Callers build (`buildFor`) once every check of the
   * call has passed, so that a call that throws leaves the model as it was.
   */
  checkInput(x: Tensor, where: string): Shape {
    if (this.layers.length === 0)
      throw new Error(`${where}: the model has no layers; add some first`);
    const sample = x.shape.slice(1);
    if (this.input) {
      if (!sameShape(sample, this.input)) {
        throw new Error(
          `${where}: X has per-sample shape ${formatShape(sample)} but the model is built for ${formatShape(this.input)}`,
        );
      }
      return this.outputShape!;
    }
    try {
      return this.plan(sample).at(-1)!;
    } catch (error) {
      throw new Error(
        `${where}: X has per-sample shape ${formatShape(sample)}: ${(error as Error).message}`,
      );
    }
  }

  /** Builds the model for samples shaped as X's unless it is built already. */
  buildFor(x: Tensor): void {
    if (!this.input) this.build(x.shape.slice(1));
  }

  /**
   * Builds every layer for samples of `inputShape`, the batch axis left out (done by
   * `add` when the input shape is known, or by the first train or predict otherwise). The
   * whole stack is checked first: a shape that does not fit throws with every layer as it
   * was. Building again for the same shape does nothing; another shape throws.
   */
  build(inputShape: Shape): void {
    const shape = checkSampleShape('NeuralNetwork.build', inputShape);
    if (this.input) {
      if (sameShape(shape, this.input)) return;
      throw new Error(
        `NeuralNetwork.build: the model is built for ${formatShape(this.input)}, got ${formatShape(shape)}`,
      );
    }
    const shapes = this.plan(shape);
    this.layers.forEach((layer, i) => {
      layer.build(i === 0 ? shape : shapes[i - 1]!);
    });
    this.input = shape;
    this.shapes = shapes;
  }

  /** Each layer's output shape for samples of `inputShape`, building nothing. */
  private plan(inputShape: Shape): Shape[] {
    let shape = inputShape;
    return this.layers.map((layer, i) => {
      try {
        shape = layer.computeOutputShape(shape);
      } catch (error) {
        throw new Error(`at layer ${i + 1}: ${(error as Error).message}`);
      }
      return shape;
    });
  }

  /**
   * @internal The input shape a new layer asks for (Dense's [nIn]) when every layer before it
   * declares `preservesShape` and takes that shape, else undefined: the model then waits
   * for data to build. A layer that happens to map this one shape to itself (Flatten of
   * [784]) does not let it through: the data may have another shape that it maps there.
   */
  shapeReaching(layer: Layer): Shape | undefined {
    const shape = layer.inputShape;
    if (shape === undefined) return undefined;
    const keeps = (before: Layer) => {
      if (before.preservesShape !== true) return false;
      try {
        return sameShape(before.computeOutputShape(shape), shape);
      } catch {
        return false;
      }
    };
    return this.layers.every(keeps) ? [...shape] : undefined;
  }

  /** The per-sample input shape the model is built for, once known. */
  get inputShape(): Shape | undefined {
    return this.input;
  }

  /** The per-sample output shape, once the input shape is known. */
  get outputShape(): Shape | undefined {
    if (!this.input) return undefined;
    return this.shapes.at(-1) ?? this.input;
  }

  /** Multiplies every learning rate of every optimizer this model trains with (ReduceLROnPlateau sets it). */
  get learningRateScale(): number {
    return this.scale;
  }

  set learningRateScale(value: number) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new Error(`NeuralNetwork: learningRateScale must be a finite number > 0, got ${value}`);
    }
    this.scale = value;
  }

  /** Every random stream the model owns: the model's, the shuffle's and each layer's. */
  randomStreams(): Rng[] {
    const streams = [this.rng, this.shuffleRng];
    for (const rng of this.layerRngs) if (rng) streams.push(rng);
    return streams;
  }

  randomState(): RandomState {
    return {
      model: this.rng.getState(),
      shuffle: this.shuffleRng.getState(),
      layers: this.layerRngs.map((rng) => rng?.getState() ?? null),
    };
  }

  setRandomState(state: RandomState): void {
    if (state.layers.length !== this.layers.length) {
      throw new Error(
        `setRandomState: ${state.layers.length} layer streams for ${this.layers.length} layers`,
      );
    }
    state.layers.forEach((saved, i) => {
      if ((saved === null) !== (this.layerRngs[i] === null)) {
        throw new Error(
          `setRandomState: layer ${i + 1} ${saved ? 'takes no random stream' : 'needs a random stream'}`,
        );
      }
    });
    this.rng.setState(state.model);
    this.shuffleRng.setState(state.shuffle);
    state.layers.forEach((saved, i) => {
      if (saved) this.layerRngs[i]!.setState(saved);
    });
  }

  /** A JSON topology and one buffer of weights, for the browser (IndexedDB, a download). */
  toArtifacts(): ModelArtifacts {
    return toArtifacts(this);
  }

  /** The model `toArtifacts` described, checked part by part; throws ModelFormatError. */
  static fromArtifacts(artifacts: ModelArtifacts): NeuralNetwork {
    return fromArtifacts(artifacts, (options) => new NeuralNetwork(options));
  }

  /** The whole model as one file's bytes (what `save` writes). */
  toBytes(): Uint8Array {
    return packArtifacts(toArtifacts(this));
  }

  static fromBytes(bytes: Uint8Array): NeuralNetwork {
    return NeuralNetwork.fromArtifacts(unpackArtifacts(bytes));
  }

  /**
   * Writes the model to a file (Node.js): layers, weights, running statistics, loss,
   * optimizer state, random streams and history, so that training resumes exactly.
   */
  save(path: string): void {
    nodeFs('NeuralNetwork.save').writeFileSync(path, this.toBytes());
  }

  /**
   * Reads a model `save` wrote. Every layer of @neunet/layers loads as is; a layer class of
   * your own loads once `registerLayer(MyLayer)` (from @neunet/layers) has run. Throws
   * ModelFormatError naming the problem for a damaged, edited, newer or unknown file.
   */
  static load(path: string): NeuralNetwork {
    return NeuralNetwork.fromBytes(nodeFs('NeuralNetwork.load').readFileSync(path));
  }

  requireLoss(where: string): Loss {
    if (!this.loss) throw new Error(`${where}: no loss set; call setLoss(...) first`);
    return this.loss;
  }

  private state(): Tensor[] {
    return this.layers.flatMap((layer) => [
      ...layer.params().map((p) => p.value),
      ...(layer.buffers?.() ?? []).map((b) => b.value),
    ]);
  }
}
