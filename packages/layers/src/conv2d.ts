import { checkOptions, optionKeys } from '@neunet/options';
import {
  type ActivationKind,
  activationKinds,
  type Conv2DGeometry,
  conv2dGeometry,
  getBackend,
  type Param,
  type Regularizer,
  Rng,
  type Shape,
  type Size2D,
  Tensor,
} from '@neunet/tensor';
import {
  checkImageBatch,
  checkPadding,
  checkWindowFits,
  imageShape,
  type Padding,
  size2d,
} from './image-options.js';
import { type Initializer, initializeWeights } from './initializers.js';
import type {
  BackwardOptions,
  ForwardOptions,
  Layer,
  LayerConfig,
  OptimizerSettings,
  OutputActivation,
} from './layer.js';
import {
  optimizerSettingsConfig,
  pickOptimizerSettings,
  type WithOptimizer,
} from './optimizer-settings.js';
import type { ParamShapes } from './param-shapes.js';
import { checkRegularizer, regularizerFromConfig } from './regularizers.js';
import { lastAxisRows } from './rows.js';
import { Scratch } from './scratch.js';
import {
  checkBackward,
  checkSampleShape,
  formatShape,
  holdsSamplesOf,
  sameShape,
  sampleShape,
} from './shape.js';

/** Conv2D's options. With `@neunet/model` they take `optimizer` too, as Dense's do. */
export interface Conv2DOptions extends OptimizerSettings {
  /** Output channels: the number of kernels. */
  filters: number;
  /** The kernel's height and width: one number for both, or [height, width]. */
  kernelSize: Size2D;
  /** Default 1. */
  strides?: Size2D;
  /** Default 'valid'. */
  padding?: Padding;
  /** Spacing between the kernel's taps. Default 1. */
  dilationRate?: Size2D;
  /**
   * An activation applied as the backend writes the output (no extra pass through
   * memory). Default 'linear' (none).
   */
  activation?: ActivationKind;
  /** LeakyReLU's slope for negative inputs, with `activation: 'leakyRelu'`. Default 0.01. */
  alpha?: number;
  /** Default true. */
  useBias?: boolean;
  /**
   * 'he' (default, normal with std √(2 / fanIn)) or 'glorot' (uniform, limit
   * √(6 / (fanIn + fanOut))), with fanIn = kh·kw·inChannels and fanOut = kh·kw·filters
   * as in Keras. The bias starts at zero.
   */
  kernelInitializer?: Initializer;
  /** One sample's [height, width, channels]: for the first layer of a model. */
  inputShape?: Shape;
  /** A penalty on the kernel added to the loss, such as `l2(1e-4)` from @neunet/regularization. */
  kernelRegularizer?: Regularizer;
  /** A penalty on the bias added to the loss. */
  biasRegularizer?: Regularizer;
  /** Seed for the initial kernel when the layer is used outside a model. */
  seed?: number;
}

const OPTIONS = optionKeys<WithOptimizer<Conv2DOptions>>()([
  'filters',
  'kernelSize',
  'strides',
  'padding',
  'dilationRate',
  'activation',
  'alpha',
  'useBias',
  'kernelInitializer',
  'inputShape',
  'optimizer',
  'learningRate',
  'seed',
  'kernelRegularizer',
  'biasRegularizer',
]);

/**
 * A 2-D convolution over images [batch, height, width, channels] (NHWC, as Keras and
 * TensorFlow.js): out = act(conv(x, kernel) + bias) with the kernel shaped [kh, kw,
 * inChannels, filters], so that weights copy across from either unchanged. The input's
 * channels come from its shape at build, when the kernel is allocated and drawn; the
 * backend's `conv2d` ops do the work, with the bias and the activation fused into the
 * forward pass.
 */
export class Conv2D implements Layer {
  static readonly layerType: string = 'Conv2D';
  readonly filters: number;
  readonly kernelSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: Padding;
  readonly dilationRate: readonly [number, number];
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  /** The `inputShape` option: the per-sample shape the layer asks a model for. */
  readonly inputShape: Shape | undefined;
  /** The activation applied inside the layer ('linear' for none). */
  readonly outputActivation: OutputActivation;
  /** The `optimizer` and `learningRate` options, for the model to group the params by. */
  readonly optimizerSettings: OptimizerSettings;
  private readonly activation: ActivationKind;
  private readonly alpha: number;
  private readonly seed: number | undefined;
  private readonly kernelRegularizer: Regularizer | undefined;
  private readonly biasRegularizer: Regularizer | undefined;
  private channels: number | undefined;
  private k: Param | undefined;
  private b: Param | undefined;
  private built: Shape | undefined;
  private shape: Shape | undefined;
  private geometry: Conv2DGeometry | undefined;
  private rng: Rng | undefined;
  private input: Tensor | undefined;
  private output: Tensor | undefined;
  private readonly out = new Scratch();
  private readonly dz = new Scratch();
  private readonly dx = new Scratch();

  constructor(options: Conv2DOptions) {
    const where = 'Conv2D';
    checkOptions(where, options, OPTIONS);
    const {
      filters,
      kernelSize,
      strides = 1,
      padding = 'valid',
      dilationRate = 1,
      activation = 'linear',
      alpha = 0.01,
      useBias = true,
      kernelInitializer = 'he',
      inputShape,
      seed,
    } = options;
    if (!Number.isInteger(filters) || filters < 1) {
      throw new Error(`${where}: filters must be an integer >= 1, got ${JSON.stringify(filters)}`);
    }
    this.filters = filters;
    this.kernelSize = size2d(where, 'kernelSize', kernelSize);
    this.strides = size2d(where, 'strides', strides);
    this.dilationRate = size2d(where, 'dilationRate', dilationRate);
    this.padding = checkPadding(where, padding);
    if (!activationKinds.includes(activation)) {
      throw new Error(
        `${where}: unknown activation ${JSON.stringify(activation)}; expected one of ${activationKinds.join(', ')}`,
      );
    }
    if (!(Number.isFinite(alpha) && alpha >= 0)) {
      throw new Error(`${where}: alpha must be a finite number >= 0, got ${alpha}`);
    }
    if (typeof useBias !== 'boolean') {
      throw new Error(`${where}: useBias must be true or false, got ${JSON.stringify(useBias)}`);
    }
    if (kernelInitializer !== 'he' && kernelInitializer !== 'glorot') {
      throw new Error(
        `${where}: unknown kernelInitializer ${JSON.stringify(kernelInitializer)}; expected 'he' or 'glorot'`,
      );
    }
    const optimizerSettings = pickOptimizerSettings(where, options);
    this.kernelRegularizer = checkRegularizer(
      where,
      'kernelRegularizer',
      options.kernelRegularizer,
    );
    this.biasRegularizer = checkRegularizer(where, 'biasRegularizer', options.biasRegularizer);
    this.activation = activation;
    this.outputActivation = activation;
    this.alpha = alpha;
    this.useBias = useBias;
    this.kernelInitializer = kernelInitializer;
    this.seed = seed;
    this.optimizerSettings = optimizerSettings;
    if (inputShape !== undefined) {
      this.inputShape = checkSampleShape(`${this.describe()}: inputShape`, inputShape);
      this.computeOutputShape(this.inputShape);
      this.allocate(this.inputShape[2]!);
    }
  }

  /** The kernel, [kh, kw, inChannels, filters]. Throws until the input's channels are known. */
  get kernel(): Param {
    return this.k ?? this.unbuilt();
  }

  /** The bias, [filters]; undefined with `useBias: false`. Throws until built. */
  get bias(): Param | undefined {
    if (!this.k) this.unbuilt();
    return this.b;
  }

  get outputShape(): Shape | undefined {
    return this.shape;
  }

  /** Draws the initial kernel from `rng`: now, or when built if the channels are unknown. */
  initialize(rng: Rng): void {
    this.rng = rng;
    if (this.k) this.draw();
  }

  computeOutputShape(inputShape: Shape): Shape {
    const where = this.describe();
    const [, , channels] = imageShape(where, inputShape);
    if (this.inputShape && !sameShape(inputShape, this.inputShape)) {
      throw new Error(
        `${where}: expects samples of shape ${formatShape(this.inputShape)} (its inputShape), got ${formatShape(inputShape)}`,
      );
    }
    if (this.channels !== undefined && channels !== this.channels) {
      throw new Error(
        `${where}: its kernel is built for ${this.channels} input channels, got samples of shape ${formatShape(inputShape)}; expected [height, width, ${this.channels}]`,
      );
    }
    const [kh, kw] = this.kernelSize;
    const [dh, dw] = this.dilationRate;
    const span: [number, number] = [(kh - 1) * dh + 1, (kw - 1) * dw + 1];
    const what = dh === 1 && dw === 1 ? 'kernel' : 'dilated kernel';
    checkWindowFits(where, what, span, inputShape, this.padding);
    const g = this.geometryFor(inputShape);
    return [g.outHeight, g.outWidth, this.filters];
  }

  build(inputShape: Shape): void {
    const shape = this.computeOutputShape(inputShape);
    if (this.channels === undefined) this.allocate(inputShape[2]!);
    this.geometry = this.geometryFor(inputShape);
    this.built = [...inputShape];
    this.shape = shape;
  }

  /** `[kernel, bias]`, or `[kernel]` with `useBias: false`; none before the build. */
  params(): Param[] {
    if (!this.k) return [];
    return this.b ? [this.k, this.b] : [this.k];
  }

  forward(x: Tensor, _options?: ForwardOptions): Tensor {
    if (!this.built || !holdsSamplesOf(x, this.built)) {
      checkImageBatch(this.describe(), x);
      this.build(sampleShape(x));
    }
    this.input = x;
    const y = this.out.tensor(x.rows, this.shape!);
    getBackend().conv2d(
      x,
      this.k!.value,
      this.b?.value,
      this.geometry!,
      y,
      this.activation,
      this.alpha,
    );
    this.output = y;
    return y;
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | undefined;
  backward(dy: Tensor, options?: BackwardOptions): Tensor | undefined {
    const x = checkBackward('Conv2D', this.input, dy, this.shape!);
    const backend = getBackend();
    let g = dy;
    if (this.activation !== 'linear') {
      g = this.dz.tensor(dy.rows, this.shape!);
      backend.activationBackward(
        this.activation,
        lastAxisRows(this.output!),
        lastAxisRows(dy),
        lastAxisRows(g),
        this.alpha,
      );
    }
    backend.conv2dBackwardKernel(x, g, this.geometry!, this.k!.grad, this.b?.grad);
    // The first layer's dx would cost as much as the kernel gradient, and nobody reads it.
    if (options?.inputGradient === false) return undefined;
    const dx = this.dx.tensor(x.rows, this.built!);
    backend.conv2dBackwardInput(g, this.k!.value, this.geometry!, dx);
    return dx;
  }

  getConfig(): LayerConfig {
    return {
      type: Conv2D.layerType,
      filters: this.filters,
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      dilationRate: [...this.dilationRate],
      ...(this.activation !== 'linear' && { activation: this.activation }),
      ...(this.activation === 'leakyRelu' && { alpha: this.alpha }),
      useBias: this.useBias,
      kernelInitializer: this.kernelInitializer,
      ...(this.inputShape && { inputShape: [...this.inputShape] }),
      ...optimizerSettingsConfig(this.optimizerSettings),
      ...(this.kernelRegularizer && { kernelRegularizer: this.kernelRegularizer.getConfig() }),
      ...(this.biasRegularizer && { biasRegularizer: this.biasRegularizer.getConfig() }),
    };
  }

  /**
   * Builds a Conv2D layer from `getConfig()`'s output. An optimizer instance is not part
   * of the config: a saved model keeps it, with the param groups it holds. Saved
   * regularizers are built again through `registerRegularizer`'s registry.
   */
  static fromConfig(config: LayerConfig): Conv2D {
    const { type: _type, kernelRegularizer, biasRegularizer, ...options } = config;
    return new Conv2D({
      ...(options as unknown as Conv2DOptions),
      ...(kernelRegularizer !== undefined && {
        kernelRegularizer: regularizerFromConfig('Conv2D', 'kernelRegularizer', kernelRegularizer),
      }),
      ...(biasRegularizer !== undefined && {
        biasRegularizer: regularizerFromConfig('Conv2D', 'biasRegularizer', biasRegularizer),
      }),
    });
  }

  /** The kernel and bias a Conv2D layer of `config` holds (see LayerClass.paramShapes). */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    // Without an inputShape the layer allocates nothing: it checks the options.
    const layer = Conv2D.fromConfig({ ...config, inputShape: undefined });
    const own = config.inputShape;
    // Its own inputShape, when it has one, decides its kernel as it is constructed.
    const shape = own === undefined ? inputShape : checkSampleShape('Conv2D: inputShape', own);
    if (shape === undefined) return { params: {} };
    // An image the kernel fits, as the constructor checks its own inputShape.
    layer.computeOutputShape(shape);
    const [kh, kw] = layer.kernelSize;
    return {
      params: {
        kernel: [kh, kw, shape[2]!, layer.filters],
        ...(layer.useBias && { bias: [layer.filters] }),
      },
      ...(inputShape && { outputShape: layer.computeOutputShape(inputShape) }),
    };
  }

  private geometryFor(inputShape: Shape): Conv2DGeometry {
    return conv2dGeometry({
      inputShape,
      kernelSize: this.kernelSize,
      filters: this.filters,
      strides: this.strides,
      dilationRate: this.dilationRate,
      padding: this.padding,
    });
  }

  private allocate(channels: number): void {
    const [kh, kw] = this.kernelSize;
    const shape = [kh, kw, channels, this.filters];
    this.channels = channels;
    this.k = {
      name: 'kernel',
      value: Tensor.allocate(shape),
      grad: Tensor.allocate(shape),
      penalize: true,
      ...(this.kernelRegularizer && { regularizer: this.kernelRegularizer }),
    };
    if (this.useBias) {
      this.b = {
        name: 'bias',
        value: Tensor.allocate([this.filters]),
        grad: Tensor.allocate([this.filters]),
        ...(this.biasRegularizer && { regularizer: this.biasRegularizer }),
      };
    }
    this.draw();
  }

  private draw(): void {
    const rng = this.rng ?? new Rng(this.seed);
    const taps = this.kernelSize[0] * this.kernelSize[1];
    initializeWeights(
      this.k!.value,
      taps * this.channels!,
      taps * this.filters,
      this.kernelInitializer,
      rng,
    );
    this.b?.value.data.fill(0);
  }

  private describe(): string {
    const [kh, kw] = this.kernelSize;
    return `Conv2D({ filters: ${this.filters}, kernelSize: ${kh === kw ? kh : `[${kh}, ${kw}]`} })`;
  }

  private unbuilt(): never {
    throw new Error(
      `${this.describe()}: no kernel yet, as its input channels are unknown; build(inputShape) it, give it an inputShape, or add it to a model that knows its input shape`,
    );
  }
}
