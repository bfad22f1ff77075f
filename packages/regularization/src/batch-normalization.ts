import {
  type Buffer,
  type ForwardOptions,
  formatShape,
  holdsSamplesOf,
  type Layer,
  type LayerConfig,
  lastAxisRows,
  type ParamShapes,
  Scratch,
  sampleShape,
} from '@neunet/layers';
import { checkOptions, optionKeys } from '@neunet/options';
import { type BatchNormState, getBackend, type Param, type Shape, Tensor } from '@neunet/tensor';

export interface BatchNormalizationOptions {
  /** Added to the variance before the square root. Default 1e-5. */
  epsilon?: number;
  /** Weight of the old running statistics in each update. Default 0.9. */
  momentum?: number;
}

const OPTIONS = optionKeys<BatchNormalizationOptions>()(['epsilon', 'momentum']);

/**
 * Normalises each feature (each index of the last axis) over the batch and every other
 * axis, as Keras's `axis=-1` does (over batch, height and width for [batch, height,
 * width, channels]), then scales and shifts it by the learnable gamma and beta. Training
 * uses the batch's mean and (biased, as numpy's `var`) variance and folds them into
 * running statistics; inference uses the running statistics. The width comes from the
 * first input, as in the seed.
 */
export class BatchNormalization implements Layer {
  static readonly layerType: string = 'BatchNormalization';
  readonly hasTrainingMode = true;
  readonly preservesShape = true;
  readonly epsilon: number;
  readonly momentum: number;
  private width = 0;
  private shape: Shape | undefined;
  private gamma!: Param;
  private beta!: Param;
  private runningMean!: Tensor;
  private runningVar!: Tensor;
  /** Per-feature 1/√(var + ε) of the last forward, and its normalised input. */
  private invStd = new Float64Array(0);
  private xHat = new Scratch();
  private state_: BatchNormState | undefined;
  private lastTraining = false;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();

  constructor(options: BatchNormalizationOptions = {}) {
    checkOptions('BatchNormalization', options, OPTIONS);
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

  get outputShape(): Shape | undefined {
    return this.shape;
  }

  computeOutputShape(inputShape: Shape): Shape {
    const last = inputShape[inputShape.length - 1];
    if (last === undefined || (this.width !== 0 && this.width !== last)) {
      const expected = this.width === 0 ? '[..., features]' : `[..., ${this.width}]`;
      throw new Error(
        `BatchNormalization: expects inputs of shape ${expected} (it normalises the last axis), got ${formatShape(inputShape)}`,
      );
    }
    return inputShape;
  }

  build(inputShape: Shape): void {
    this.computeOutputShape(inputShape);
    this.shape = [...inputShape];
    const width = inputShape[inputShape.length - 1]!;
    if (width === this.width) return;
    this.width = width;
    const param = (name: string, fill: number): Param => ({
      name,
      value: Tensor.filled([width], fill),
      grad: Tensor.zeros([width]),
    });
    this.gamma = param('gamma', 1);
    this.beta = param('beta', 0);
    this.runningMean = Tensor.zeros([width]);
    this.runningVar = Tensor.filled([width], 1);
    this.invStd = new Float64Array(width);
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
    if (!this.shape || !holdsSamplesOf(x, this.shape)) this.build(sampleShape(x));
    if (x.rows === 0) throw new Error('BatchNormalization: the batch is empty');
    const training = options?.training ?? false;
    this.lastTraining = training;
    const y = this.out.tensor(x.rows, this.shape!);
    const rows = lastAxisRows(x);
    const state = this.state(rows.rows, this.width);
    getBackend().batchNorm(
      rows,
      this.gamma.value,
      this.beta.value,
      state,
      training,
      lastAxisRows(y),
    );
    return y;
  }

  /**
   * In training mode the batch statistics depend on every input, so dx carries their
   * gradient too; in inference mode they are constants (see Backend.batchNormBackward).
   */
  backward(dy: Tensor): Tensor {
    if (!this.shape) throw new Error('BatchNormalization.backward called before forward');
    if (!holdsSamplesOf(dy, this.shape)) {
      throw new Error(
        `BatchNormalization.backward: gradient is ${formatShape(dy.shape)}, expected [batch, ${this.shape.join(', ')}]`,
      );
    }
    const dx = this.dx.tensor(dy.rows, this.shape);
    const rows = lastAxisRows(dy);
    const state = this.state(rows.rows, this.width);
    getBackend().batchNormBackward(
      rows,
      this.gamma.value,
      state,
      this.lastTraining,
      lastAxisRows(dx),
      this.gamma.grad,
      this.beta.grad,
    );
    return dx;
  }

  /**
   * The backend's view of the layer's statistics: one object, rebuilt only when a buffer
   * changed (a new batch size, or statistics a load replaced), so a step allocates nothing.
   */
  private state(rows: number, cols: number): BatchNormState {
    const xHat = this.xHat.tensor(rows, cols);
    const s = this.state_;
    if (
      s?.xHat !== xHat ||
      s.runningMean !== this.runningMean.data ||
      s.runningVar !== this.runningVar.data ||
      s.invStd !== this.invStd
    ) {
      const fresh: BatchNormState = {
        runningMean: this.runningMean.data,
        runningVar: this.runningVar.data,
        momentum: this.momentum,
        epsilon: this.epsilon,
        invStd: this.invStd,
        xHat,
      };
      this.state_ = fresh;
      return fresh;
    }
    return s;
  }

  getConfig(): LayerConfig {
    return { type: BatchNormalization.layerType, epsilon: this.epsilon, momentum: this.momentum };
  }

  /** Its gamma, beta and running statistics, once built (see LayerClass.paramShapes). */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    // Allocates nothing until it is built: it checks the options.
    const layer = BatchNormalization.fromConfig(config);
    if (inputShape === undefined) return { params: {} };
    const outputShape = layer.computeOutputShape(inputShape);
    const width = [inputShape[inputShape.length - 1]!];
    return {
      params: { gamma: width, beta: width },
      buffers: { runningMean: width, runningVar: width },
      outputShape,
    };
  }

  static fromConfig(config: LayerConfig): BatchNormalization {
    return new BatchNormalization({
      epsilon: config['epsilon'] as number,
      momentum: config['momentum'] as number,
    });
  }
}
