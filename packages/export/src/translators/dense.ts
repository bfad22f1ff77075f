import { Dense } from '@neunet/layers';
import { node } from '../onnx-graph.js';
import type { OnnxNode } from '../onnx-proto.js';
import { activationFromTfjs, fusedToOnnx, fusedToTfjs } from './fused-activation.js';
import { regularizersFromTfjs, regularizersToTfjs } from './regularizers.js';
import type { LayerTranslator } from './translator.js';

/**
 * Dense: Gemm on [batch, features], MatMul and Add (which broadcast over the leading axes)
 * on inputs of more axes, then its fused activation's op; tfjs's Dense (kernel
 * [inputs, units], on the last axis as NeuNet's). A tfjs Dense's activation comes back as
 * a layer after it.
 */
export const denseTranslator: LayerTranslator = {
  types: ['Dense'],
  tfjsClassNames: ['Dense'],
  // Dense reads the channels of an image as its last axis.
  onnxLayout: 'nhwc',
  toOnnx(context) {
    const { name, input, inputShape } = context;
    const params = context.layer.params();
    const W = context.constant('W', context.named(params, 'weights'));
    const B = context.constant('B', context.named(params, 'bias'));
    let product: OnnxNode[];
    if (inputShape.length === 1) product = [node('Gemm', name, [input, W, B], [])];
    else {
      const times = node('MatMul', `${name}_matmul`, [input, W], []);
      product = [times, node('Add', name, [times.output[0]!, B], [])];
    }
    return [...product, ...fusedToOnnx(context, product.at(-1)!.output[0]!)];
  },
  toTfjs(context) {
    const params = context.layer.params();
    const kernel = context.named(params, 'weights');
    const { activation, after } = fusedToTfjs(context);
    context.weight('kernel', kernel);
    context.weight('bias', context.named(params, 'bias'));
    return [
      {
        class_name: 'Dense',
        config: {
          ...context.base,
          units: kernel.shape[1],
          activation,
          use_bias: true,
          ...regularizersToTfjs(context.config, context.at),
        },
      },
      ...after,
    ];
  },
  fromTfjs({ config: c, inputShape }) {
    inputShape();
    const name = String(c.name);
    const after = activationFromTfjs(c.activation);
    return [
      {
        layer: new Dense({ units: c.units as number, ...regularizersFromTfjs(c) }),
        weights: {
          weights: `${name}/kernel`,
          bias: c.use_bias === false ? 0 : `${name}/bias`,
        },
      },
      ...(after ? [{ layer: after }] : []),
    ];
  },
};
