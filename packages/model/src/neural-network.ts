import type { Layer } from '@neunet/layers';
import type { Loss, Target } from '@neunet/losses';
import { createOptimizer, type Optimizer } from '@neunet/optimizers';
import { getBackend, type OptimizerName, type Param, Rng, type Tensor } from '@neunet/tensor';
import { countCorrect } from './accuracy.js';
import { sliceTarget } from './batches.js';
import type { TrainableModel } from './callbacks.js';
import { checkTarget, type Input, toInputTensor } from './inputs.js';
import { isClassification } from './output-gradient.js';
import { summarize } from './summary.js';
import { type History, type TrainOptions, train } from './train.js';

export interface NeuralNetworkOptions {
  /** Seeds weight initialisation, shuffling and dropout. Random when absent. */
  seed?: number;
  /** The optimizer for every parameter whose layer names none. Default 'adam'. */
  optimizer?: OptimizerName | Optimizer;
  /** The model optimizer's learning rate when `optimizer` is a name. Default 0.001. */
  learningRate?: number;
}

/**
 * A stack of layers trained as one: `add` layers, `setLoss`, then `train`, `predict`
 * and `evaluate`. The model knows layers only through the Layer interface; it hands
 * each a `{ training }` flag and a random stream, and that is all.
 */
export class NeuralNetwork implements TrainableModel {
  readonly layers: Layer[] = [];
  readonly seed: number;
  readonly optimizer: Optimizer;
  /** Optimizers created for layers that name one, one per name. */
  readonly namedOptimizers = new Map<OptimizerName, Optimizer>();
  history: History = { loss: [], accuracy: [] };
  loss: Loss | undefined;
  /** The width of the last layer's output, once the input width is known. */
  private width: number | undefined;
  private readonly rng: Rng;
  readonly shuffleRng: Rng;

  constructor(options: NeuralNetworkOptions = {}) {
    const {
      seed = Math.floor(Math.random() * 2 ** 32),
      optimizer = 'adam',
      learningRate,
    } = options;
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
      this.optimizer = optimizer;
    }
  }

  /** Appends a layer; its input width must match the previous layer's output. */
  add(layer: Layer): this {
    if (typeof layer?.forward !== 'function' || typeof layer.backward !== 'function') {
      throw new Error(
        'NeuralNetwork.add: expected a Layer (with forward, backward, params and build)',
      );
    }
    const width = this.width ?? layer.inputSize;
    if (width !== undefined) {
      try {
        this.width = layer.build(width);
      } catch (error) {
        throw new Error(
          `NeuralNetwork.add: layer ${this.layers.length + 1} cannot follow the previous one: ${(error as Error).message}`,
        );
      }
    }
    layer.initialize?.(this.rng.fork());
    this.layers.push(layer);
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

  /** Trains on X and y; see TrainOptions. Returns (and keeps) the per-epoch history. */
  train(X: Input, y: Target, options: TrainOptions = {}): History {
    this.history = train(this, X, y, options);
    return this.history;
  }

  /** Runs the layers in order. The result is owned by the last layer: copy it to keep it. */
  forward(x: Tensor, training: boolean): Tensor {
    let out = x;
    for (const layer of this.layers) out = layer.forward(out, { training });
    return out;
  }

  /** The network's output for X in inference mode: class probabilities for a classifier. */
  predictProba(X: Input): Tensor {
    const x = this.checkInput(toInputTensor(X, 'predictProba'), 'predictProba');
    return this.forward(x, false).clone();
  }

  /** The predicted class of each row: the arg max, or p ≥ 0.5 for a single output. */
  predict(X: Input): Int32Array {
    const proba = this.predictProba(X);
    if (proba.cols === 1) return Int32Array.from(proba.data, (p) => (p >= 0.5 ? 1 : 0));
    return getBackend().argmaxRows(proba, new Int32Array(proba.rows));
  }

  /** The loss (penalty included) and, for a classifier, the accuracy on X and y. */
  evaluate(X: Input, y: Target): { loss: number; accuracy?: number } {
    const loss = this.requireLoss('evaluate');
    const x = this.checkInput(toInputTensor(X, 'evaluate'), 'evaluate');
    checkTarget(y, x.rows, this.width!, 'evaluate');
    return this.measure(x, y, loss);
  }

  /** Loss and accuracy in inference mode, batch by batch so that memory stays bounded. */
  measure(x: Tensor, y: Target, loss: Loss, batchSize = 1024): { loss: number; accuracy?: number } {
    let total = 0;
    let correct = 0;
    for (let start = 0; start < x.rows; start += batchSize) {
      const end = Math.min(x.rows, start + batchSize);
      const target = sliceTarget(y, start, end);
      const pred = this.forward(x.sliceRows(start, end), false);
      total += loss.forward(pred, target) * (end - start);
      correct += countCorrect(pred, target);
    }
    const result = { loss: total / x.rows + loss.penalty.value(this.params()) };
    return isClassification(loss) ? { ...result, accuracy: correct / x.rows } : result;
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

  /** A Keras-style table of the layers, their output shapes and parameter counts. */
  summary(): string {
    return summarize(this.layers, this.layers[0]?.inputSize);
  }

  /** Builds the layers for X's width (when the first layer did not fix it) and checks it. */
  checkInput(x: Tensor, where: string): Tensor {
    if (this.layers.length === 0)
      throw new Error(`${where}: the model has no layers; add some first`);
    const first = this.layers[0]!;
    if (first.inputSize !== undefined && first.inputSize !== x.cols) {
      throw new Error(
        `${where}: X has ${x.cols} features per row but the first layer expects ${first.inputSize}`,
      );
    }
    if (this.width === undefined) {
      let width = x.cols;
      for (const layer of this.layers) width = layer.build(width);
      this.width = width;
    }
    return x;
  }

  requireLoss(where: string): Loss {
    if (!this.loss) throw new Error(`${where}: no loss set; call setLoss(...) first`);
    return this.loss;
  }

  get outputWidth(): number | undefined {
    return this.width;
  }

  private state(): Tensor[] {
    return this.layers.flatMap((layer) => [
      ...layer.params().map((p) => p.value),
      ...(layer.buffers?.() ?? []).map((b) => b.value),
    ]);
  }
}
