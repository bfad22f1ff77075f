import type { Optimizer, OptimizerName } from '@neunet/optimizers';
import {
  type ActivationKind,
  activationKinds,
  getBackend,
  type Param,
  Rng,
  Tensor,
} from '@neunet/tensor';
import { type Initializer, initializeWeights } from './initializers.js';
import type {
  BackwardOptions,
  ForwardOptions,
  Layer,
  LayerConfig,
  OptimizerSettings,
  OutputActivation,
} from './layer.js';
import { Scratch } from './scratch.js';

export interface DenseOptions {
  /** This layer's learning rate; the optimizer's own when absent. */
  learningRate?: number;
  /**
   * This layer's optimizer, by name (shared with the model's other layers that name it)
   * or as an instance; the model's own when absent. The model checks the name.
   */
  optimizer?: OptimizerName | Optimizer;
  /** Initial weights: 'he' (default) or 'glorot'. Biases start at zero. */
  init?: Initializer;
  /** Seed for the initial weights when the layer is used outside a model. */
  seed?: number;
  /**
   * An activation applied inside the layer: the backend adds the bias and applies it while
   * writing the matrix product, instead of a separate pass through memory. Default
   * 'linear' (none), which leaves the activation to a following layer.
   */
  activation?: ActivationKind;
  /** LeakyReLU's slope for negative inputs, with `activation: 'leakyRelu'`. Default 0.01. */
  alpha?: number;
}

const ACTIVATIONS: readonly string[] = activationKinds;

/**
 * A fully connected layer: y = act(x · W + b), act the identity unless `activation` names
 * one, with W shaped [nIn, nOut] as in the seed's `inputs · weights`. Backward never
 * materialises a transpose: dW = xᵀ · dy and dx = dy · Wᵀ are matrix products with a
 * transposed operand.
 */
export class Dense implements Layer {
  static readonly layerType: string = 'Dense';
  readonly weights: Param;
  readonly bias: Param;
  private input: Tensor | undefined;
  private output: Tensor | undefined;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();
  private readonly dz = new Scratch();
  private readonly init: Initializer;
  private readonly activation: ActivationKind;
  /** The activation applied inside the layer ('linear' for none). */
  readonly outputActivation: OutputActivation;
  /** The `optimizer` and `learningRate` options, for the model to group the params by. */
  readonly optimizerSettings: OptimizerSettings;
  private readonly alpha: number;

  get inputSize(): number {
    return this.nIn;
  }

  constructor(
    readonly nIn: number,
    readonly nOut: number,
    private readonly options: DenseOptions = {},
  ) {
    for (const [what, n] of [
      ['nIn', nIn],
      ['nOut', nOut],
    ] as const) {
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`Dense: ${what} must be an integer >= 1, got ${n}`);
    }
    const { learningRate, optimizer, init = 'he', activation = 'linear', alpha = 0.01 } = options;
    if (learningRate !== undefined && !(learningRate > 0 && Number.isFinite(learningRate))) {
      throw new Error(`Dense: learningRate must be a finite number > 0, got ${learningRate}`);
    }
    if (init !== 'he' && init !== 'glorot') {
      throw new Error(`Dense: unknown init '${String(init)}'; expected 'he' or 'glorot'`);
    }
    if (!ACTIVATIONS.includes(activation)) {
      throw new Error(
        `Dense: unknown activation '${String(activation)}'; expected one of ${ACTIVATIONS.join(', ')}`,
      );
    }
    if (!(Number.isFinite(alpha) && alpha >= 0)) {
      throw new Error(`Dense: alpha must be a finite number >= 0, got ${alpha}`);
    }
    this.init = init;
    this.activation = activation;
    this.outputActivation = activation;
    this.alpha = alpha;
    this.optimizerSettings = { optimizer, learningRate };
    this.weights = {
      name: 'weights',
      value: Tensor.allocate([nIn, nOut]),
      grad: Tensor.allocate([nIn, nOut]),
      penalize: true,
    };
    this.bias = { name: 'bias', value: Tensor.allocate([nOut]), grad: Tensor.allocate([nOut]) };
    this.initialize(new Rng(options.seed));
  }

  initialize(rng: Rng): void {
    initializeWeights(this.weights.value, this.nIn, this.nOut, this.init, rng);
    this.bias.value.data.fill(0);
  }

  build(inputSize: number): number {
    return this.outputSize(inputSize);
  }

  outputSize(inputSize: number): number {
    if (inputSize !== this.nIn) {
      throw new Error(
        `Dense(${this.nIn}, ${this.nOut}): expects ${this.nIn} inputs per row, got ${inputSize}`,
      );
    }
    return this.nOut;
  }

  params(): Param[] {
    return [this.weights, this.bias];
  }

  forward(x: Tensor, _options?: ForwardOptions): Tensor {
    this.build(x.cols);
    this.input = x;
    const y = this.out.tensor(x.rows, this.nOut);
    getBackend().dense(x, this.weights.value, this.bias.value, y, this.activation, this.alpha);
    this.output = y;
    return y;
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | undefined;
  backward(dy: Tensor, options?: BackwardOptions): Tensor | undefined {
    const x = this.input;
    if (!x) throw new Error('Dense.backward called before forward');
    if (dy.rows !== x.rows || dy.cols !== this.nOut) {
      throw new Error(
        `Dense.backward: gradient is [${dy.rows}, ${dy.cols}], expected [${x.rows}, ${this.nOut}]`,
      );
    }
    const backend = getBackend();
    if (this.activation !== 'linear') {
      const dz = this.dz.tensor(dy.rows, dy.cols);
      dy = backend.activationBackward(this.activation, this.output!, dy, dz, this.alpha);
    }
    backend.matmul(x, dy, this.weights.grad, true, false);
    backend.sumColumns(dy, this.bias.grad);
    // The first layer's dx would be a whole extra matrix product that nobody reads.
    if (options?.inputGradient === false) return undefined;
    return backend.matmul(dy, this.weights.value, this.dx.tensor(x.rows, this.nIn), false, true);
  }

  getConfig(): LayerConfig {
    const { learningRate, optimizer } = this.options;
    return {
      type: Dense.layerType,
      nIn: this.nIn,
      nOut: this.nOut,
      init: this.init,
      ...(this.activation !== 'linear' && { activation: this.activation }),
      ...(this.activation === 'leakyRelu' && { alpha: this.alpha }),
      ...(learningRate !== undefined && { learningRate }),
      ...(typeof optimizer === 'string' && { optimizer }),
    };
  }

  /**
   * Builds a Dense layer from `getConfig()`'s output. An optimizer instance is not part of
   * the config: a saved model keeps it, with the param groups it holds.
   */
  static fromConfig(config: LayerConfig): Dense {
    const { nIn, nOut, learningRate, optimizer, init, activation, alpha } = config;
    return new Dense(nIn as number, nOut as number, {
      learningRate: learningRate as number | undefined,
      optimizer: optimizer as OptimizerName | undefined,
      init: init as Initializer | undefined,
      activation: activation as ActivationKind | undefined,
      alpha: alpha as number | undefined,
    });
  }
}
