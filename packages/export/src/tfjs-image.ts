import {
  AveragePooling2D,
  Conv2D,
  GlobalAveragePooling2D,
  type Layer,
  MaxPooling2D,
  Softmax,
} from '@neunet/layers';
import type { NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import type { TfjsLayerConfig } from './tfjs.js';
import { checkDeclaredWeights } from './tfjs-declared-weights.js';
import { findWeight } from './tfjs-weights.js';

// Conv2D and the poolings in the TensorFlow.js (Keras) layers format. Both keep images
// NHWC ('channels_last') and kernels [kh, kw, inChannels, filters], so weights copy
// across unchanged.

/** The NeuNet image layers `imageLayerToTfjs` translates. */
export const IMAGE_LAYERS: readonly string[] = [
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'GlobalAveragePooling2D',
];

/** A LeakyReLU layer after `name`: tfjs has no 'leakyRelu' activation string. */
export function leakyReluAfter(name: string, alpha: unknown): TfjsLayerConfig {
  return {
    class_name: 'LeakyReLU',
    config: { name: `${name}_leakyrelu`, trainable: true, dtype: 'float32', alpha },
  };
}

/**
 * The tfjs layers for one of IMAGE_LAYERS, its weights handed to `weight`. `at` names the
 * layer in errors.
 */
export function imageLayerToTfjs(
  layer: Layer,
  base: Record<string, unknown> & { name: string },
  at: string,
  weight: (name: string, tensor: Tensor) => void,
): TfjsLayerConfig[] {
  const config = layer.getConfig();
  const image = { ...base, data_format: 'channels_last' };
  switch (config.type) {
    case 'Conv2D': {
      const strides = config.strides as number[];
      const dilation = config.dilationRate as number[];
      if (strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
        throw new Error(
          `exportTfjs: ${at} has strides [${strides.join(', ')}] and dilationRate [${dilation.join(', ')}]; TensorFlow.js convolves with strides or dilation above 1, not both`,
        );
      }
      const fused = (config.activation as string | undefined) ?? 'linear';
      const kernel = named(layer.params(), 'kernel', at);
      const out: TfjsLayerConfig[] = [
        {
          class_name: 'Conv2D',
          config: {
            ...image,
            filters: config.filters,
            kernel_size: config.kernelSize,
            strides,
            padding: config.padding,
            dilation_rate: dilation,
            activation: fused === 'leakyRelu' ? 'linear' : fused,
            use_bias: config.useBias,
          },
        },
      ];
      weight(`${base.name}/kernel`, kernel);
      if (config.useBias) weight(`${base.name}/bias`, named(layer.params(), 'bias', at));
      if (fused === 'leakyRelu') out.push(leakyReluAfter(base.name, config.alpha));
      return out;
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return [
        {
          class_name: config.type,
          config: {
            ...image,
            pool_size: config.poolSize,
            strides: config.strides,
            padding: config.padding,
          },
        },
      ];
    case 'GlobalAveragePooling2D':
      return [{ class_name: 'GlobalAveragePooling2D', config: image }];
    default:
      throw new Error(`exportTfjs: ${at} is not an image layer`);
  }
}

function named(list: { name: string; value: Tensor }[], key: string, at: string): Tensor {
  const found = list.find((t) => t.name === key);
  if (!found) throw new Error(`exportTfjs: ${at} has no '${key}'`);
  return found.value;
}

/**
 * Adds the NeuNet layers for a tfjs (Keras) Conv2D, MaxPooling2D, AveragePooling2D or
 * GlobalAveragePooling2D to `model`, its weights read from `values`; false for other
 * classes. Conv2D's linear, relu, sigmoid and tanh activations are fused into it, softmax
 * becomes a Softmax layer after it.
 */
export function addImageLayerFromTfjs(
  model: NeuralNetwork,
  layer: TfjsLayerConfig,
  at: string,
  values: Map<string, Float32Array>,
): boolean {
  const where = 'importTfjs';
  const c = layer.config ?? {};
  if (!IMAGE_LAYERS.includes(layer.class_name)) return false;
  const format = c.data_format ?? 'channels_last';
  if (format !== 'channels_last') {
    throw new Error(
      `${where}: ${at}: data_format ${JSON.stringify(format)} is not supported; NeuNet's images are 'channels_last' (NHWC)`,
    );
  }
  if (model.inputShape === undefined) {
    throw new Error(`${where}: ${at}: the input shape is unknown (no batch_input_shape)`);
  }
  // The layers' own checks (padding 'causal', a window larger than the input...) name the
  // option; the prefix names the tfjs layer.
  const build = <T>(make: () => T): T => {
    try {
      return make();
    } catch (error) {
      throw new Error(`${where}: ${at}: ${(error as Error).message}`);
    }
  };
  switch (layer.class_name) {
    case 'Conv2D': {
      if ((c.groups ?? 1) !== 1) {
        throw new Error(
          `${where}: ${at}: groups ${JSON.stringify(c.groups)} is not supported; NeuNet's Conv2D convolves every input channel (groups 1)`,
        );
      }
      const activation = (c.activation ?? 'linear') as string;
      if (!['linear', 'relu', 'sigmoid', 'tanh', 'softmax'].includes(activation)) {
        throw new Error(
          `${where}: ${at}: activation ${JSON.stringify(activation)} is not supported; expected linear, relu, sigmoid, tanh or softmax`,
        );
      }
      const useBias = c.use_bias !== false;
      const conv = build(
        () =>
          new Conv2D({
            filters: c.filters as number,
            kernelSize: c.kernel_size as number,
            strides: (c.strides ?? 1) as number,
            padding: (c.padding ?? 'valid') as 'valid',
            dilationRate: (c.dilation_rate ?? 1) as number,
            activation: activation === 'softmax' ? 'linear' : (activation as 'relu'),
            useBias,
          }),
      );
      const name = String(c.name);
      const names = { kernel: `${name}/kernel`, bias: `${name}/bias` };
      checkDeclaredWeights(conv, model.outputShape!, names, values, at);
      build(() => model.add(conv));
      const kernel = conv.kernel.value;
      kernel.data.set(findWeight(values, `${name}/kernel`, [...kernel.shape], where));
      if (useBias) {
        conv.bias!.value.data.set(findWeight(values, `${name}/bias`, [conv.filters], where));
      }
      if (activation === 'softmax') model.add(new Softmax());
      return true;
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const Pooling = layer.class_name === 'MaxPooling2D' ? MaxPooling2D : AveragePooling2D;
      build(() =>
        model.add(
          new Pooling({
            poolSize: (c.pool_size ?? 2) as number,
            strides: (c.strides ?? c.pool_size ?? 2) as number,
            padding: (c.padding ?? 'valid') as 'valid',
          }),
        ),
      );
      return true;
    }
    default: {
      if (c.keepdims === true) {
        throw new Error(
          `${where}: ${at}: keepdims true is not supported; NeuNet's GlobalAveragePooling2D gives [batch, channels]`,
        );
      }
      build(() => model.add(new GlobalAveragePooling2D()));
      return true;
    }
  }
}
