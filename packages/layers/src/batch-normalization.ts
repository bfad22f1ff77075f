import { type Param, Tensor } from '@neunet/tensor';
import type { Buffer, ForwardOptions, Layer, LayerConfig } from './layer.js';
import { Scratch } from './scratch.js';

export interface BatchNormalizationOptions {
  /** Added to the variance before the square root. Default 1e-5. */
  epsilon?: number;
  /** Weight of the old running statistics in each update. Default 0.9. */
  momentum?: number;
}

/**
 * Normalises each feature over the batch, then scales and shifts it by the learnable
 * gamma and beta. Training uses the batch's mean and (biased, as numpy's `var`) variance
 * and folds them into running statistics; inference uses the running statistics. The
 * width comes from the first input, as in the seed.
 */
export class BatchNormalization implements Layer {
  static readonly layerType: string = 'BatchNormalization';
  readonly hasTrainingMode = true;
  readonly epsilon: number;
  readonly momentum: number;
  private width = 0;
  private gamma!: Param;
  private beta!: Param;
  private runningMean!: Tensor;
  private runningVar!: Tensor;
  /** Per-feature 1/√(var + ε) of the last forward, and its normalised input. */
  private invStd = new Float64Array(0);
  private xHat = new Scratch();
  private lastTraining = false;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();

  constructor(options: BatchNormalizationOptions = {}) {
    const { epsilon = 1e-5, momentum = 0.9 } = options;
    if (!(epsilon > 0 && Number.isFinite(epsilon))) {
      throw new Error(`BatchNormalization: epsilon must be a finite number > 0, got ${epsilon}`);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new Error(`BatchNormalization: momentum must be in [0, 1), got ${momentum}`);
    }
    this.epsilon = epsilon;
    this.momentum = momentum;
  }

  outputSize(inputSize: number): number {
    if (this.width !== 0 && this.width !== inputSize) {
      throw new Error(`BatchNormalization: built for ${this.width} features, got ${inputSize}`);
    }
    return inputSize;
  }

  build(inputSize: number): number {
    if (this.outputSize(inputSize) === this.width) return inputSize;
    this.width = inputSize;
    const param = (name: string, fill: number): Param => ({
      name,
      value: Tensor.filled([inputSize], fill),
      grad: Tensor.zeros([inputSize]),
    });
    this.gamma = param('gamma', 1);
    this.beta = param('beta', 0);
    this.runningMean = Tensor.zeros([inputSize]);
    this.runningVar = Tensor.filled([inputSize], 1);
    this.invStd = new Float64Array(inputSize);
    return inputSize;
  }

  params(): Param[] {
    if (this.width === 0) return [];
    return [this.gamma, this.beta];
  }

  buffers(): Buffer[] {
    if (this.width === 0) return [];
    return [
      { name: 'runningMean', value: this.runningMean },
      { name: 'runningVar', value: this.runningVar },
    ];
  }

  forward(x: Tensor, options?: ForwardOptions): Tensor {
    const cols = this.build(x.cols);
    const rows = x.rows;
    if (rows === 0) throw new Error('BatchNormalization: the batch is empty');
    const training = options?.training ?? false;
    this.lastTraining = training;
    const X = x.data;
    const xHat = this.xHat.tensor(rows, cols).data;
    const mean = this.runningMean.data;
    const variance = this.runningVar.data;
    for (let j = 0; j < cols; j++) {
      let mu: number;
      let v: number;
      if (training) {
        mu = 0;
        for (let i = j; i < X.length; i += cols) mu += X[i]!;
        mu /= rows;
        v = 0;
        for (let i = j; i < X.length; i += cols) v += (X[i]! - mu) ** 2;
        v /= rows;
        mean[j] = this.momentum * mean[j]! + (1 - this.momentum) * mu;
        variance[j] = this.momentum * variance[j]! + (1 - this.momentum) * v;
      } else {
        mu = mean[j]!;
        v = variance[j]!;
      }
      const inv = 1 / Math.sqrt(v + this.epsilon);
      this.invStd[j] = inv;
      for (let i = j; i < X.length; i += cols) xHat[i] = (X[i]! - mu) * inv;
    }
    const y = this.out.tensor(rows, cols);
    const Y = y.data;
    const gamma = this.gamma.value.data;
    const beta = this.beta.value.data;
    for (let i = 0; i < Y.length; i += cols) {
      for (let j = 0; j < cols; j++) Y[i + j] = gamma[j]! * xHat[i + j]! + beta[j]!;
    }
    return y;
  }

  /**
   * In training mode the batch statistics depend on every input, which gives the
   * textbook form dx = inv/N · (N·ĝ − Σĝ − x̂·Σ(ĝ·x̂)) with ĝ = dy·γ. In inference mode
   * the statistics are constants and dx = dy·γ·inv.
   */
  backward(dy: Tensor): Tensor {
    if (this.width === 0) throw new Error('BatchNormalization.backward called before forward');
    const cols = this.width;
    const rows = dy.rows;
    const G = dy.data;
    const xHat = this.xHat.tensor(rows, cols).data;
    const dx = this.dx.tensor(rows, cols);
    const DX = dx.data;
    const gamma = this.gamma.value.data;
    const dGamma = this.gamma.grad.data;
    const dBeta = this.beta.grad.data;
    for (let j = 0; j < cols; j++) {
      let sumG = 0;
      let sumGx = 0;
      for (let i = j; i < G.length; i += cols) {
        sumG += G[i]!;
        sumGx += G[i]! * xHat[i]!;
      }
      dBeta[j] = sumG;
      dGamma[j] = sumGx;
      const g = gamma[j]!;
      const inv = this.invStd[j]!;
      if (this.lastTraining) {
        const scale = (g * inv) / rows;
        for (let i = j; i < G.length; i += cols) {
          DX[i] = scale * (rows * G[i]! - sumG - xHat[i]! * sumGx);
        }
      } else {
        for (let i = j; i < G.length; i += cols) DX[i] = G[i]! * g * inv;
      }
    }
    return dx;
  }

  getConfig(): LayerConfig {
    return { type: BatchNormalization.layerType, epsilon: this.epsilon, momentum: this.momentum };
  }

  static fromConfig(config: LayerConfig): BatchNormalization {
    return new BatchNormalization({
      epsilon: config['epsilon'] as number,
      momentum: config['momentum'] as number,
    });
  }
}
