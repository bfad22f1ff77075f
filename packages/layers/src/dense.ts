import { checkOptions, optionKeys } from '@neunet/options';
import {
  type ActivationKind,
  activationKinds,
  getBackend,
  type Param,
  type Regularizer,
  Rng,
  type Shape,
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

/**
 * Dense's options. With `@neunet/model` they take `optimizer` too: this layer's optimizer,
 * by name (shared with the model's other layers that name it) or as an instance.
 */
export interface DenseOptions extends OptimizerSettings {
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
  /**
   * One sample's shape, for the first layer of a model (`[features]`, `[time, features]`):
   * the layer then asks the model for exactly it, and is built at once. Its last axis is
   * the input width (nIn's, when both are given).
   */
  inputShape?: Shape;
  /** A penalty on the weights added to the loss, such as `l2(1e-4)` from @neunet/regularization. */
  kernelRegularizer?: Regularizer;
  /** A penalty on the bias added to the loss. */
  biasRegularizer?: Regularizer;
}

/** `new Dense({ units, ...options })`: the input width is taken from the input at build. */
export interface DenseUnitsOptions extends DenseOptions {
  /** Output features. */
  units: number;
}

const OPTIONS = optionKeys<WithOptimizer<DenseOptions>>()([
  'learningRate',
  'optimizer',
  'init',
  'seed',
  'activation',
  'alpha',
  'inputShape',
  'kernelRegularizer',
  'biasRegularizer',
]);
const UNITS_OPTIONS = optionKeys<WithOptimizer<DenseUnitsOptions>>()([...OPTIONS, 'units']);

const ACTIVATIONS: readonly string[] = activationKinds;

/**
 * A fully connected layer on the last axis: y = act(x · W + b), act the identity unless
 * `activation` names one, with W shaped [nIn, nOut] as in the seed's `inputs · weights`.
 * An input [..., nIn] gives [..., nOut] (a batch of sequences [batch, time, nIn] maps each
 * time step), computed as one matrix product over all leading positions. Backward never
 * materialises a transpose: dW = xᵀ · dy and dx = dy · Wᵀ are matrix products with a
 * transposed operand.
 *
 * `new Dense(nIn, nOut)` fixes the input width (and asks a model for inputs `[nIn]`);
 * `new Dense(units)` and `new Dense({ units })`, as in Keras, take it from the input, and
 * allocate their weights when built; with `inputShape` (any form) they are built at once.
 */
export class Dense implements Layer {
  static readonly layerType: string = 'Dense';
  readonly nOut: number;
  /**
   * The `inputShape` option, else `[nIn]` for `new Dense(nIn, nOut)`; undefined for
   * `new Dense(units)` without it.
   */
  readonly inputShape: Shape | undefined;
  /** The `inputShape` option: samples must be exactly it, and the config keeps it. */
  private readonly declared: Shape | undefined;
  private width: number | undefined;
  private w: Param | undefined;
  private b: Param | undefined;
  private built: Shape | undefined;
  private shape: Shape | undefined;
  private rng: Rng | undefined;
  private input: Tensor | undefined;
  private output: Tensor | undefined;
  private readonly out = new Scratch();
  private readonly dx = new Scratch();
  private readonly dz = new Scratch();
  private readonly options: DenseOptions;
  private readonly init: Initializer;
  private readonly activation: ActivationKind;
  /** The activation applied inside the layer ('linear' for none). */
  readonly outputActivation: OutputActivation;
  /** The `optimizer` and `learningRate` options, for the model to group the params by. */
  readonly optimizerSettings: OptimizerSettings;
  private readonly alpha: number;
  private readonly kernelRegularizer: Regularizer | undefined;
  private readonly biasRegularizer: Regularizer | undefined;

  /** `units` outputs, the input width taken from the input (Keras's `Dense(units)`). */
  constructor(units: number, options?: DenseOptions);
  constructor(nIn: number, nOut: number, options?: DenseOptions);
  constructor(options: DenseUnitsOptions);
  constructor(
    first: number | DenseUnitsOptions,
    second?: number | DenseOptions,
    third?: DenseOptions,
  ) {
    let options: DenseOptions;
    if (typeof first === 'object' && first !== null) {
      const { units, ...rest } = first;
      checkCount('units', units);
      this.nOut = units;
      options = rest;
    } else if (third === undefined && (second === undefined || typeof second === 'object')) {
      checkCount('units', first);
      this.nOut = first;
      options = second ?? {};
    } else {
      checkCount('nIn', first);
      checkCount('nOut', second);
      this.nOut = second;
      this.width = first;
      options = third ?? {};
    }
    checkOptions(
      'Dense',
      typeof first === 'object' ? first : options,
      typeof first === 'object' ? UNITS_OPTIONS : OPTIONS,
    );
    if (options.inputShape !== undefined) {
      const shape = checkSampleShape('Dense: inputShape', options.inputShape);
      const last = shape[shape.length - 1]!;
      if (this.width !== undefined && last !== this.width) {
        throw new Error(
          `Dense(${this.width}, ${this.nOut}): inputShape ${formatShape(shape)} ends in ${last}, expected ${this.width} (nIn)`,
        );
      }
      this.width = last;
      this.declared = shape;
    }
    this.options = options;
    const { init = 'he', activation = 'linear', alpha = 0.01 } = options;
    const optimizerSettings = pickOptimizerSettings('Dense', options);
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
    this.kernelRegularizer = checkRegularizer(
      'Dense',
      'kernelRegularizer',
      options.kernelRegularizer,
    );
    this.biasRegularizer = checkRegularizer('Dense', 'biasRegularizer', options.biasRegularizer);
    this.init = init;
    this.activation = activation;
    this.outputActivation = activation;
    this.alpha = alpha;
    this.optimizerSettings = optimizerSettings;
    this.inputShape = this.declared ?? (this.width === undefined ? undefined : [this.width]);
    if (this.width !== undefined) this.allocate(this.width);
  }

  /** The input width: given, or taken from the input at build; undefined until then. */
  get nIn(): number | undefined {
    return this.width;
  }

  /** W, [nIn, nOut]. Throws until the input width is known. */
  get weights(): Param {
    return this.w ?? this.unbuilt();
  }

  /** b, [nOut]. Throws until the input width is known. */
  get bias(): Param {
    return this.b ?? this.unbuilt();
  }

  get outputShape(): Shape | undefined {
    return this.shape;
  }

  /** Draws the initial weights from `rng`: now, or when built if the input width is unknown. */
  initialize(rng: Rng): void {
    this.rng = rng;
    if (this.w) this.draw();
  }

  computeOutputShape(inputShape: Shape): Shape {
    if (this.declared && !sameShape(inputShape, this.declared)) {
      throw new Error(
        `${this.describe()}: expects samples of shape ${formatShape(this.declared)} (its inputShape), got ${formatShape(inputShape)}`,
      );
    }
    const last = inputShape[inputShape.length - 1];
    if (last === undefined || (this.width !== undefined && last !== this.width)) {
      throw new Error(
        `${this.describe()}: expects inputs of shape [..., ${this.width ?? 'features'}] (it maps the last axis), got ${formatShape(inputShape)}`,
      );
    }
    return [...inputShape.slice(0, -1), this.nOut];
  }

  build(inputShape: Shape): void {
    const shape = this.computeOutputShape(inputShape);
    if (this.width === undefined) {
      this.width = inputShape[inputShape.length - 1]!;
      this.allocate(this.width);
    }
    this.built = [...inputShape];
    this.shape = shape;
  }

  params(): Param[] {
    return this.w && this.b ? [this.w, this.b] : [];
  }

  forward(x: Tensor, _options?: ForwardOptions): Tensor {
    if (!this.built || !holdsSamplesOf(x, this.built)) this.build(sampleShape(x));
    this.input = x;
    const y = this.out.tensor(x.rows, this.shape!);
    getBackend().dense(
      lastAxisRows(x),
      this.w!.value,
      this.b!.value,
      lastAxisRows(y),
      this.activation,
      this.alpha,
    );
    this.output = y;
    return y;
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | undefined;
  backward(dy: Tensor, options?: BackwardOptions): Tensor | undefined {
    const x = checkBackward('Dense', this.input, dy, this.shape!);
    const backend = getBackend();
    let g = lastAxisRows(dy);
    if (this.activation !== 'linear') {
      const dz = this.dz.tensor(g.rows, this.nOut);
      g = backend.activationBackward(
        this.activation,
        lastAxisRows(this.output!),
        g,
        dz,
        this.alpha,
      );
    }
    const inputs = lastAxisRows(x);
    backend.matmul(inputs, g, this.w!.grad, true, false);
    backend.sumColumns(g, this.b!.grad);
    // The first layer's dx would be a whole extra matrix product that nobody reads.
    if (options?.inputGradient === false) return undefined;
    const dx = this.dx.tensor(x.rows, this.built!);
    backend.matmul(g, this.w!.value, lastAxisRows(dx), false, true);
    return dx;
  }

  getConfig(): LayerConfig {
    return {
      type: Dense.layerType,
      ...(this.width !== undefined && { nIn: this.width }),
      nOut: this.nOut,
      init: this.init,
      ...(this.activation !== 'linear' && { activation: this.activation }),
      ...(this.activation === 'leakyRelu' && { alpha: this.alpha }),
      ...optimizerSettingsConfig(this.optimizerSettings),
      ...(this.declared && { inputShape: [...this.declared] }),
      ...(this.kernelRegularizer && { kernelRegularizer: this.kernelRegularizer.getConfig() }),
      ...(this.biasRegularizer && { biasRegularizer: this.biasRegularizer.getConfig() }),
    };
  }

  /**
   * Builds a Dense layer from `getConfig()`'s output: `new Dense(nIn, nOut)` when the
   * config has nIn, else `new Dense({ units: nOut })`. An optimizer instance is not part of
   * the config: a saved model keeps it, with the param groups it holds. Saved regularizers
   * are built again through `registerRegularizer`'s registry.
   */
  static fromConfig(config: LayerConfig): Dense {
    const { nIn, nOut, init, activation, alpha, inputShape } = config;
    const options: DenseOptions = {
      ...pickOptimizerSettings('Dense', config as OptimizerSettings),
      init: init as Initializer | undefined,
      activation: activation as ActivationKind | undefined,
      alpha: alpha as number | undefined,
      inputShape: inputShape as Shape | undefined,
      kernelRegularizer: regularizerFromConfig(
        'Dense',
        'kernelRegularizer',
        config.kernelRegularizer,
      ),
      biasRegularizer: regularizerFromConfig('Dense', 'biasRegularizer', config.biasRegularizer),
    };
    return nIn === undefined
      ? new Dense({ units: nOut as number, ...options })
      : new Dense(nIn as number, nOut as number, options);
  }

  /** The weights and bias a Dense layer of `config` holds (see LayerClass.paramShapes). */
  static paramShapes(config: LayerConfig, inputShape?: Shape): ParamShapes {
    // Without nIn and inputShape the layer allocates nothing: it checks the options.
    const layer = Dense.fromConfig({ ...config, nIn: undefined, inputShape: undefined });
    const { nIn, inputShape: own } = config;
    if (nIn !== undefined) checkCount('nIn', nIn);
    const declared = own === undefined ? undefined : checkSampleShape('Dense: inputShape', own);
    const width = nIn ?? declared?.at(-1) ?? inputShape?.at(-1);
    const nOut = layer.nOut;
    return {
      params: width === undefined ? {} : { weights: [width, nOut], bias: [nOut] },
      ...(inputShape && { outputShape: layer.computeOutputShape(inputShape) }),
    };
  }

  private allocate(nIn: number): void {
    const nOut = this.nOut;
    this.w = {
      name: 'weights',
      value: Tensor.allocate([nIn, nOut]),
      grad: Tensor.allocate([nIn, nOut]),
      penalize: true,
      ...(this.kernelRegularizer && { regularizer: this.kernelRegularizer }),
    };
    this.b = {
      name: 'bias',
      value: Tensor.allocate([nOut]),
      grad: Tensor.allocate([nOut]),
      ...(this.biasRegularizer && { regularizer: this.biasRegularizer }),
    };
    this.draw();
  }

  private draw(): void {
    const rng = this.rng ?? new Rng(this.options.seed);
    initializeWeights(this.w!.value, this.width!, this.nOut, this.init, rng);
    this.b!.value.data.fill(0);
  }

  private describe(): string {
    return this.inputShape
      ? `Dense(${this.width}, ${this.nOut})`
      : `Dense({ units: ${this.nOut} })`;
  }

  private unbuilt(): never {
    throw new Error(
      `${this.describe()}: no weights yet, as the input width is unknown; build(inputShape) it or add it to a model that knows its input shape`,
    );
  }
}

function checkCount(what: string, n: unknown): asserts n is number {
  if (!Number.isInteger(n) || (n as number) < 1)
    throw new Error(`Dense: ${what} must be an integer >= 1, got ${String(n)}`);
}
