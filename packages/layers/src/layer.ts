import type { ActivationKind, Param, Rng, Shape, Tensor } from '@neunet/tensor';

export interface ForwardOptions {
  /** Training mode: Dropout drops, BatchNormalization uses batch statistics. Default false. */
  training?: boolean;
}

/** A layer's settings as plain JSON: enough to build it again. */
export interface LayerConfig {
  type: string;
  [option: string]: unknown;
}

/** Non-trainable state that belongs to a trained model, such as running statistics. */
export interface Buffer {
  readonly name: string;
  readonly value: Tensor;
}

/**
 * One step of a network. `forward` returns a tensor the layer owns and reuses: it stays
 * valid until the layer's next forward. `backward` takes the gradient of the loss with
 * respect to the last output, fills the grads of `params()`, and returns the gradient with
 * respect to the last input.
 */
export interface BackwardOptions {
  /**
   * False when nothing needs the gradient with respect to the input (the first layer of a
   * model): the layer may skip computing it and return undefined. Default true.
   */
  inputGradient?: boolean;
}

/**
 * How a layer asks for its params to be trained, when not as the model's other params. The
 * model reads it once, when training starts, and turns it into optimizer param groups.
 * `@neunet/model`, which builds those groups, adds `optimizer` to this interface (a name
 * or an instance of its own), so that layers need no optimizer package.
 */
export interface OptimizerSettings {
  /** The learning rate of the layer's params; the optimizer's own when absent. */
  readonly learningRate?: number;
}

/** The activation a layer's output ends with: a backend activation, or softmax over the last axis. */
export type OutputActivation = ActivationKind | 'softmax';

/**
 * One step of a network, as the model sees it. The model knows no layer class: what it
 * acts on, a layer declares as data here (capabilities), so that a user's own layer is
 * treated exactly like a built-in one that declares the same.
 */
export interface Layer {
  /**
   * The per-sample input shape the layer asks for, when it knows one (`new Dense(nIn, nOut)`:
   * `[nIn]`). A model whose earlier layers all `preservesShape` takes it as its input shape,
   * so that it is built as soon as the layer is added.
   */
  readonly inputShape?: Shape;
  /**
   * True when the output shape is the input shape, whatever the input shape (activations,
   * Dropout, BatchNormalization): a later layer's `inputShape` may then pass back through
   * this one to become the model's. A layer that maps only some shapes to themselves
   * (Flatten of `[784]`, `Dense({ units: 16 })` of `[16]`) must not declare it.
   */
  readonly preservesShape?: true;
  /** The per-sample output shape, once the layer is built. */
  readonly outputShape?: Shape;
  /**
   * The activation the layer's output ends with (Softmax: 'softmax', ReLU and
   * `Dense({ activation: 'relu' })`: 'relu'). Dead-unit diagnostics watch 'relu' outputs.
   */
  readonly outputActivation?: OutputActivation;
  /**
   * True when the layer is `outputActivation` and nothing else (y = f(x), no params): a loss
   * that fuses with that activation (categorical cross-entropy with softmax) then gives
   * the gradient with respect to the layer's input, and the layer's backward is skipped.
   */
  readonly activationOnly?: boolean;
  /** True when `forward` differs with `{ training: true }` (Dropout, BatchNormalization). */
  readonly hasTrainingMode?: boolean;
  /** Which optimizer and learning rate the layer's params ask for (Dense's options). */
  readonly optimizerSettings?: OptimizerSettings;
  /**
   * The per-sample output shape for a per-sample input shape, building nothing. Throws an
   * Error naming the layer, the shape it got and the shape it expects. A model checks its
   * whole stack with it before it builds any layer, so that a wrong shape leaves every
   * layer as it was.
   */
  computeOutputShape(inputShape: Shape): Shape;
  /**
   * Prepares the layer for samples of `inputShape` (allocating the weights that depend on
   * it) and sets `outputShape`. Throws as `computeOutputShape` does.
   */
  build(inputShape: Shape): void;
  /** x is a batch, `[batch, ...inputShape]`; the result is `[batch, ...outputShape]`. */
  forward(x: Tensor, options?: ForwardOptions): Tensor;
  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | undefined;
  params(): Param[];
  getConfig(): LayerConfig;
  buffers?(): Buffer[];
  /**
   * Takes a random stream from a model: random initial values are drawn from it (now, or
   * when the layer is built if their shape is not known yet).
   */
  initialize?(rng: Rng): void;
}
