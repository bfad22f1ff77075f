import { type ActivationKind, getBackend, type Shape, type Tensor } from '@neunet/tensor';
import type { ForwardOptions, Layer, LayerConfig, OutputActivation } from './layer.js';
import type { ParamShapes } from './param-shapes.js';
import { lastAxisRows } from './rows.js';
import { Scratch } from './scratch.js';
import { formatShape, holdsSamplesOf, sampleShape } from './shape.js';

/**
 * The shared shape of an activation, of inputs of any rank: it keeps its input or output
 * for the backward pass and owns one output and one gradient buffer.
 */
abstract class Activation implements Layer {
  abstract readonly outputActivation: OutputActivation;
  readonly activationOnly = true;
  readonly preservesShape = true;
  protected input: Tensor | undefined;
  protected output: Tensor | undefined;
  private shape: Shape | undefined;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();

  get outputShape(): Shape | undefined {
    return this.shape;
  }

  computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  build(inputShape: Shape): void {
    this.shape = [...inputShape];
  }

  params() {
    return [];
  }

  forward(x: Tensor, _options?: ForwardOptions): Tensor {
    if (!this.shape || !holdsSamplesOf(x, this.shape)) this.build(sampleShape(x));
    this.input = x;
    this.output = this.compute(x, this.out.tensor(x.rows, this.shape!));
    return this.output;
  }

  backward(dy: Tensor): Tensor {
    if (!this.input || !this.output) {
      throw new Error(`${this.getConfig().type}.backward called before forward`);
    }
    if (dy.rows !== this.output.rows || !holdsSamplesOf(dy, this.shape!)) {
      throw new Error(
        `${this.getConfig().type}.backward: gradient is ${formatShape(dy.shape)}, expected the output's ${formatShape(this.output.shape)}`,
      );
    }
    return this.gradient(dy, this.dx.tensor(dy.rows, this.shape!));
  }

  /** No params, and the output shape is the input's: see LayerClass.paramShapes. */
  static paramShapes(_config: LayerConfig, inputShape?: Shape): ParamShapes {
    return { params: {}, ...(inputShape && { outputShape: inputShape }) };
  }

  abstract getConfig(): LayerConfig;
  protected abstract compute(x: Tensor, out: Tensor): Tensor;
  protected abstract gradient(dy: Tensor, out: Tensor): Tensor;
}

/** An activation the backends compute by name, its derivative taken from its output. */
abstract class NamedActivation extends Activation {
  protected abstract readonly kind: ActivationKind;
  get outputActivation(): OutputActivation {
    return this.kind;
  }
  /** The slope for negative inputs (LeakyReLU's alpha); unused by the other kinds. */
  protected get slope(): number {
    return 0;
  }
  protected compute(x: Tensor, out: Tensor) {
    return getBackend().activation(this.kind, x, out, this.slope);
  }
  protected gradient(dy: Tensor, out: Tensor) {
    return getBackend().activationBackward(this.kind, this.output!, dy, out, this.slope);
  }
}

/** max(0, x). */
export class ReLU extends NamedActivation {
  static readonly layerType: string = 'ReLU';
  protected readonly kind = 'relu';
  getConfig(): LayerConfig {
    return { type: ReLU.layerType };
  }
  static fromConfig(): ReLU {
    return new ReLU();
  }
}

/** x for x > 0, alpha·x otherwise: keeps a gradient flowing through negative inputs. */
export class LeakyReLU extends NamedActivation {
  static readonly layerType: string = 'LeakyReLU';
  protected readonly kind = 'leakyRelu';

  constructor(readonly alpha = 0.01) {
    super();
    if (!Number.isFinite(alpha) || alpha < 0) {
      throw new Error(`LeakyReLU: alpha must be a finite number >= 0, got ${alpha}`);
    }
  }
  protected override get slope(): number {
    return this.alpha;
  }
  getConfig(): LayerConfig {
    return { type: LeakyReLU.layerType, alpha: this.alpha };
  }
  static fromConfig(config: LayerConfig): LeakyReLU {
    return new LeakyReLU(config['alpha'] as number);
  }
}

/** 1 / (1 + e^-x). */
export class Sigmoid extends NamedActivation {
  static readonly layerType: string = 'Sigmoid';
  protected readonly kind = 'sigmoid';
  getConfig(): LayerConfig {
    return { type: Sigmoid.layerType };
  }
  static fromConfig(): Sigmoid {
    return new Sigmoid();
  }
}

/** tanh(x). */
export class Tanh extends NamedActivation {
  static readonly layerType: string = 'Tanh';
  protected readonly kind = 'tanh';
  getConfig(): LayerConfig {
    return { type: Tanh.layerType };
  }
  static fromConfig(): Tanh {
    return new Tanh();
  }
}

/** The identity: the output layer of a regression network. */
export class Linear extends NamedActivation {
  static readonly layerType: string = 'Linear';
  protected readonly kind = 'linear';
  getConfig(): LayerConfig {
    return { type: Linear.layerType };
  }
  static fromConfig(): Linear {
    return new Linear();
  }
}

/**
 * Softmax over the last axis, max-subtracted so that large logits cannot overflow. Its
 * backward is the Jacobian-vector product in closed form, dx = y ⊙ (dy − Σ dy·y), computed
 * per position without building the Jacobian. A model whose loss is categorical cross-entropy skips it
 * and uses the fused gradient (p − y)/N instead.
 */
export class Softmax extends Activation {
  static readonly layerType: string = 'Softmax';
  readonly outputActivation = 'softmax';
  protected compute(x: Tensor, out: Tensor) {
    getBackend().softmaxRows(lastAxisRows(x), lastAxisRows(out));
    return out;
  }
  protected gradient(dy: Tensor, out: Tensor) {
    getBackend().softmaxBackward(lastAxisRows(this.output!), lastAxisRows(dy), lastAxisRows(out));
    return out;
  }
  getConfig(): LayerConfig {
    return { type: Softmax.layerType };
  }
  static fromConfig(): Softmax {
    return new Softmax();
  }
}
