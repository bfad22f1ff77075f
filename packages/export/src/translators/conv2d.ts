import { Conv2D, Softmax } from '@neunet/layers';
import { conv2dGeometry, type Size2D, type Tensor } from '@neunet/tensor';
import { ints, node, pads } from '../onnx-graph.js';
import { ATTRIBUTE_INT } from '../onnx-proto.js';
import { fusedToOnnx, fusedToTfjs, tfjsActivationName } from './fused-activation.js';
import { channelsLast } from './image-format.js';
import { regularizersFromTfjs, regularizersToTfjs } from './regularizers.js';
import type { LayerTranslator } from './translator.js';

/**
 * Conv2D: ONNX's Conv on NCHW (kernel in OIHW order, TensorFlow's 'same' as explicit pads,
 * then its fused activation's op); tfjs's Conv2D, whose images are NHWC and kernels
 * [kh, kw, inChannels, filters] as NeuNet's, so weights copy across unchanged. tfjs's
 * linear, relu, sigmoid and tanh activations are fused into the NeuNet layer, softmax
 * becomes a Softmax layer after it.
 */
export const conv2dTranslator: LayerTranslator = {
  types: ['Conv2D'],
  tfjsClassNames: ['Conv2D'],
  onnxLayout: 'nchw',
  toOnnx(context) {
    const { config, name, input, inputShape } = context;
    const g = conv2dGeometry({
      inputShape,
      kernelSize: config.kernelSize as Size2D,
      filters: config.filters as number,
      strides: config.strides as Size2D,
      dilationRate: config.dilationRate as Size2D,
      padding: config.padding as 'valid' | 'same',
    });
    const params = context.layer.params();
    const kernel = context.named(params, 'kernel');
    const weights = [context.constant('W', oihw(kernel), oihwShape(kernel))];
    if (config.useBias !== false)
      weights.push(context.constant('B', context.named(params, 'bias')));
    const conv = node(
      'Conv',
      name,
      [input, ...weights],
      [
        ints('kernel_shape', [g.kernelHeight, g.kernelWidth]),
        ints('strides', [g.strideHeight, g.strideWidth]),
        ints('pads', pads(g)),
        ints('dilations', [g.dilationHeight, g.dilationWidth]),
        { name: 'group', type: ATTRIBUTE_INT, i: 1 },
      ],
    );
    return [conv, ...fusedToOnnx(context, conv.output[0]!)];
  },
  toTfjs(context) {
    const { config, at } = context;
    const strides = config.strides as number[];
    const dilation = config.dilationRate as number[];
    if (strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
      throw new Error(
        `exportTfjs: ${at} has strides [${strides.join(', ')}] and dilationRate [${dilation.join(', ')}]; TensorFlow.js convolves with strides or dilation above 1, not both`,
      );
    }
    const { activation, after } = fusedToTfjs(context);
    const params = context.layer.params();
    context.weight('kernel', context.named(params, 'kernel'));
    if (config.useBias) context.weight('bias', context.named(params, 'bias'));
    const conv = {
      ...context.base,
      data_format: 'channels_last',
      filters: config.filters,
      kernel_size: config.kernelSize,
      strides,
      padding: config.padding,
      dilation_rate: dilation,
      activation,
      use_bias: config.useBias,
      ...regularizersToTfjs(config, at),
    };
    return [{ class_name: 'Conv2D', config: conv }, ...after];
  },
  fromTfjs({ config: c, inputShape }) {
    channelsLast(c);
    inputShape();
    if ((c.groups ?? 1) !== 1) {
      throw new Error(
        `groups ${JSON.stringify(c.groups)} is not supported; NeuNet's Conv2D convolves every input channel (groups 1)`,
      );
    }
    const activation = tfjsActivationName(c.activation);
    const useBias = c.use_bias !== false;
    const conv = new Conv2D({
      filters: c.filters as number,
      kernelSize: c.kernel_size as number,
      strides: (c.strides ?? 1) as number,
      padding: (c.padding ?? 'valid') as 'valid',
      dilationRate: (c.dilation_rate ?? 1) as number,
      activation: activation === 'softmax' ? 'linear' : (activation as 'relu'),
      useBias,
      ...regularizersFromTfjs(c),
    });
    const name = String(c.name);
    const weights = { kernel: `${name}/kernel`, ...(useBias && { bias: `${name}/bias` }) };
    return [
      { layer: conv, weights },
      ...(activation === 'softmax' ? [{ layer: new Softmax() }] : []),
    ];
  },
};

function oihwShape(kernel: Tensor): number[] {
  const [kh, kw, cIn, cOut] = kernel.shape as [number, number, number, number];
  return [cOut, cIn, kh, kw];
}

/** A kernel [kh, kw, cIn, cOut] (NeuNet, Keras) in ONNX's order [cOut, cIn, kh, kw]. */
function oihw(kernel: Tensor): Float32Array {
  const [kh, kw, cIn, cOut] = kernel.shape as [number, number, number, number];
  const from = kernel.data;
  const to = new Float32Array(from.length);
  let k = 0;
  for (let o = 0; o < cOut; o++) {
    for (let c = 0; c < cIn; c++) {
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) to[k++] = from[((y * kw + x) * cIn + c) * cOut + o]!;
      }
    }
  }
  return to;
}
