import {
  getBackend,
  type OptimizerName,
  type Param,
  type ParamUpdater,
  Rng,
  Tensor,
} from '@neunet/tensor';
import { type Initializer, initializeWeights } from './initializers.js';
import type { ForwardOptions, Layer, LayerConfig } from './layer.js';
import { Scratch } from './scratch.js';

export interface DenseOptions {
  /** This layer's learning rate; the optimizer's own when absent. */
  learningRate?: number;
  /** This layer's optimizer, by name or as an instance; the model's own when absent. */
  optimizer?: OptimizerName | ParamUpdater;
  /** Initial weights: 'he' (default) or 'glorot'. Biases start at zero. */
  init?: Initializer;
  /** Seed for the initial weights when the layer is used outside a model. */
  seed?: number;
}

const OPTIMIZER_NAMES: readonly string[] = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'];

/**
 * A fully connected layer: y = x · W + b, with W shaped [nIn, nOut] as in the seed's
 * `inputs · weights`. Backward never materialises a transpose: dW = xᵀ · dy and
 * dx = dy · Wᵀ are matrix products with a transposed operand.
 */
export class Dense implements Layer {
  readonly weights: Param;
  readonly bias: Param;
  private input: Tensor | undefined;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();
  private readonly init: Initializer;

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
    const { learningRate, optimizer, init = 'he' } = options;
    if (learningRate !== undefined && !(learningRate > 0 && Number.isFinite(learningRate))) {
      throw new Error(`Dense: learningRate must be a finite number > 0, got ${learningRate}`);
    }
    if (typeof optimizer === 'string' && !OPTIMIZER_NAMES.includes(optimizer)) {
      throw new Error(
        `Dense: unknown optimizer '${optimizer}'; expected one of ${OPTIMIZER_NAMES.join(', ')}`,
      );
    }
    if (init !== 'he' && init !== 'glorot') {
      throw new Error(`Dense: unknown init '${String(init)}'; expected 'he' or 'glorot'`);
    }
    this.init = init;
    const settings = { learningRate, optimizer };
    this.weights = {
      name: 'weights',
      value: Tensor.zeros([nIn, nOut]),
      grad: Tensor.zeros([nIn, nOut]),
      penalize: true,
      ...settings,
    };
    this.bias = {
      name: 'bias',
      value: Tensor.zeros([nOut]),
      grad: Tensor.zeros([nOut]),
      ...settings,
    };
    this.initialize(new Rng(options.seed));
  }

  initialize(rng: Rng): void {
    initializeWeights(this.weights.value, this.nIn, this.nOut, this.init, rng);
    this.bias.value.data.fill(0);
  }

  build(inputSize: number): number {
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
    const backend = getBackend();
    backend.matmul(x, this.weights.value, y);
    return backend.addBias(y, this.bias.value, y);
  }

  backward(dy: Tensor): Tensor {
    const x = this.input;
    if (!x) throw new Error('Dense.backward called before forward');
    if (dy.rows !== x.rows || dy.cols !== this.nOut) {
      throw new Error(
        `Dense.backward: gradient is [${dy.rows}, ${dy.cols}], expected [${x.rows}, ${this.nOut}]`,
      );
    }
    const backend = getBackend();
    backend.matmul(x, dy, this.weights.grad, true, false);
    backend.sumColumns(dy, this.bias.grad);
    return backend.matmul(dy, this.weights.value, this.dx.tensor(x.rows, this.nIn), false, true);
  }

  getConfig(): LayerConfig {
    const { learningRate, optimizer } = this.options;
    return {
      type: 'Dense',
      nIn: this.nIn,
      nOut: this.nOut,
      init: this.init,
      ...(learningRate !== undefined && { learningRate }),
      ...(typeof optimizer === 'string' && { optimizer }),
    };
  }
}
