import { getBackend, type Tensor } from '@neunet/tensor';
import type { ForwardOptions, Layer, LayerConfig } from './layer.js';
import { Scratch } from './scratch.js';

/**
 * The shared shape of an element-wise activation: it keeps its input or output for the
 * backward pass and owns one output and one gradient buffer.
 */
abstract class Activation implements Layer {
  protected input: Tensor | undefined;
  protected output: Tensor | undefined;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();

  build(inputSize: number): number {
    return inputSize;
  }

  params() {
    return [];
  }

  forward(x: Tensor, _options?: ForwardOptions): Tensor {
    this.input = x;
    this.output = this.compute(x, this.out.tensor(x.rows, x.cols));
    return this.output;
  }

  backward(dy: Tensor): Tensor {
    if (!this.input || !this.output) {
      throw new Error(`${this.getConfig().type}.backward called before forward`);
    }
    if (dy.size !== this.output.size) {
      throw new Error(
        `${this.getConfig().type}.backward: gradient has ${dy.size} values, output had ${this.output.size}`,
      );
    }
    return this.gradient(dy, this.dx.tensor(dy.rows, dy.cols));
  }

  abstract getConfig(): LayerConfig;
  protected abstract compute(x: Tensor, out: Tensor): Tensor;
  protected abstract gradient(dy: Tensor, out: Tensor): Tensor;
}

const relu = (v: number) => Math.max(v, 0);
const reluGrad = (x: number, g: number) => (x > 0 ? g : 0);

/** max(0, x). */
export class ReLU extends Activation {
  protected compute(x: Tensor, out: Tensor) {
    return getBackend().map(x, relu, out);
  }
  protected gradient(dy: Tensor, out: Tensor) {
    return getBackend().zip(this.input!, dy, reluGrad, out);
  }
  getConfig(): LayerConfig {
    return { type: 'ReLU' };
  }
}

/** x for x > 0, alpha·x otherwise: keeps a gradient flowing through negative inputs. */
export class LeakyReLU extends Activation {
  private readonly fn: (v: number) => number;
  private readonly grad: (x: number, g: number) => number;

  constructor(readonly alpha = 0.01) {
    super();
    if (!Number.isFinite(alpha) || alpha < 0) {
      throw new Error(`LeakyReLU: alpha must be a finite number >= 0, got ${alpha}`);
    }
    this.fn = (v) => (v > 0 ? v : alpha * v);
    this.grad = (x, g) => (x > 0 ? g : alpha * g);
  }
  protected compute(x: Tensor, out: Tensor) {
    return getBackend().map(x, this.fn, out);
  }
  protected gradient(dy: Tensor, out: Tensor) {
    return getBackend().zip(this.input!, dy, this.grad, out);
  }
  getConfig(): LayerConfig {
    return { type: 'LeakyReLU', alpha: this.alpha };
  }
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const sigmoidGrad = (y: number, g: number) => g * y * (1 - y);

/** 1 / (1 + e^-x). */
export class Sigmoid extends Activation {
  protected compute(x: Tensor, out: Tensor) {
    return getBackend().map(x, sigmoid, out);
  }
  protected gradient(dy: Tensor, out: Tensor) {
    return getBackend().zip(this.output!, dy, sigmoidGrad, out);
  }
  getConfig(): LayerConfig {
    return { type: 'Sigmoid' };
  }
}

const tanhGrad = (y: number, g: number) => g * (1 - y * y);

/** tanh(x). */
export class Tanh extends Activation {
  protected compute(x: Tensor, out: Tensor) {
    return getBackend().map(x, Math.tanh, out);
  }
  protected gradient(dy: Tensor, out: Tensor) {
    return getBackend().zip(this.output!, dy, tanhGrad, out);
  }
  getConfig(): LayerConfig {
    return { type: 'Tanh' };
  }
}

const identity = (v: number) => v;

/** The identity: the output layer of a regression network. */
export class Linear extends Activation {
  protected compute(x: Tensor, out: Tensor) {
    return getBackend().map(x, identity, out);
  }
  protected gradient(dy: Tensor, out: Tensor) {
    return getBackend().map(dy, identity, out);
  }
  getConfig(): LayerConfig {
    return { type: 'Linear' };
  }
}

/**
 * Row-wise softmax, max-subtracted so that large logits cannot overflow. Its backward is
 * the Jacobian-vector product in closed form, dx = y ⊙ (dy − Σ dy·y), computed per row
 * without building the Jacobian. A model whose loss is categorical cross-entropy skips it
 * and uses the fused gradient (p − y)/N instead.
 */
export class Softmax extends Activation {
  protected compute(x: Tensor, out: Tensor) {
    return getBackend().softmaxRows(x, out);
  }
  protected gradient(dy: Tensor, out: Tensor) {
    const y = this.output!.data;
    const g = dy.data;
    const dx = out.data;
    const cols = dy.cols;
    for (let i = 0; i < g.length; i += cols) {
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += g[i + j]! * y[i + j]!;
      for (let j = 0; j < cols; j++) dx[i + j] = y[i + j]! * (g[i + j]! - dot);
    }
    return out;
  }
  getConfig(): LayerConfig {
    return { type: 'Softmax' };
  }
}
