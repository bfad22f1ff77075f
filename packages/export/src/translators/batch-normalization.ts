import { BatchNormalization } from '@neunet/regularization';
import { node } from '../onnx-graph.js';
import { ATTRIBUTE_FLOAT } from '../onnx-proto.js';
import type { LayerTranslator } from './translator.js';

/**
 * BatchNormalization over the last axis, in inference form (its running statistics).
 * ONNX's BatchNormalization normalises axis 1: it takes [batch, features] and NCHW images;
 * other inputs get the formula in Sub, Mul and Add, broadcast over the last axis. tfjs's
 * (Keras's) layer with axis -1, its moving statistics as weights.
 */
export const batchNormalizationTranslator: LayerTranslator = {
  types: ['BatchNormalization'],
  tfjsClassNames: ['BatchNormalization'],
  toOnnx(context) {
    const { config, name, input, inputShape, layout } = context;
    const params = context.layer.params();
    const buffers = context.layer.buffers?.() ?? [];
    const gamma = context.named(params, 'gamma');
    const beta = context.named(params, 'beta');
    const mean = context.named(buffers, 'runningMean');
    const variance = context.named(buffers, 'runningVar');
    const epsilon = config.epsilon as number;
    if (inputShape.length === 1 || layout === 'nchw') {
      return [
        node(
          'BatchNormalization',
          name,
          [
            input,
            context.constant('scale', gamma),
            context.constant('B', beta),
            context.constant('mean', mean),
            context.constant('var', variance),
          ],
          [{ name: 'epsilon', type: ATTRIBUTE_FLOAT, f: epsilon }],
        ),
      ];
    }
    // (x − mean) · γ/√(var + ε) + β, each constant broadcast over the last axis.
    const factor = gamma.data.map((g, j) => g / Math.sqrt(variance.data[j]! + epsilon));
    const centred = node('Sub', `${name}_centre`, [input, context.constant('mean', mean)], []);
    const scaled = node(
      'Mul',
      `${name}_scale`,
      [centred.output[0]!, context.constant('factor', factor, [factor.length])],
      [],
    );
    return [
      centred,
      scaled,
      node('Add', name, [scaled.output[0]!, context.constant('B', beta)], []),
    ];
  },
  toTfjs(context) {
    const { config, base } = context;
    const params = context.layer.params();
    const buffers = context.layer.buffers?.() ?? [];
    context.weight('gamma', context.named(params, 'gamma'));
    context.weight('beta', context.named(params, 'beta'));
    context.weight('moving_mean', context.named(buffers, 'runningMean'));
    context.weight('moving_variance', context.named(buffers, 'runningVar'));
    return [
      {
        class_name: 'BatchNormalization',
        config: {
          ...base,
          axis: -1,
          momentum: config.momentum,
          epsilon: config.epsilon,
          center: true,
          scale: true,
        },
      },
    ];
  },
  fromTfjs({ config: c, inputShape }) {
    const shape = inputShape();
    // Keras counts the batch axis: the last axis of [batch, ...shape] is shape.length.
    const axis = Array.isArray(c.axis) && c.axis.length === 1 ? c.axis[0] : (c.axis ?? -1);
    if (axis !== -1 && axis !== shape.length) {
      throw new Error(
        `axis ${JSON.stringify(c.axis)} is not supported; NeuNet's BatchNormalization normalises the last axis (-1 or ${shape.length} here)`,
      );
    }
    const name = String(c.name);
    // Keras's defaults, where the config leaves them out.
    const layer = new BatchNormalization({
      epsilon: (c.epsilon as number | undefined) ?? 1e-3,
      momentum: (c.momentum as number | undefined) ?? 0.99,
    });
    const weights = {
      gamma: c.scale === false ? 1 : `${name}/gamma`,
      beta: c.center === false ? 0 : `${name}/beta`,
      runningMean: `${name}/moving_mean`,
      runningVar: `${name}/moving_variance`,
    };
    return [{ layer, weights }];
  },
};
