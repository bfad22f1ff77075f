import type { LayerConfig } from '@neunet/layers';
import { l1, l1l2, l2, type Regularizer, registerRegularization } from '@neunet/regularization';

/** A Keras regularizer in a tfjs layer config: TensorFlow.js reads only the class 'L1L2'. */
interface TfjsRegularizer {
  class_name: 'L1L2';
  config: { l1: number; l2: number };
}

const OPTIONS = [
  ['kernelRegularizer', 'kernel_regularizer'],
  ['biasRegularizer', 'bias_regularizer'],
] as const;
type Option = (typeof OPTIONS)[number][0];
type Key = (typeof OPTIONS)[number][1];

/** NeuNet's regularizer classes (their config has the factors it names, the rest 0). */
const NEUNET_CLASSES = ['L1', 'L2', 'L1L2'];

/**
 * A layer's `kernel_regularizer` and `bias_regularizer` as tfjs writes them: null, or an
 * L1L2 with both factors (tfjs takes a missing one as 0.01). Throws for a regularizer
 * class of your own, which TensorFlow.js could not build.
 */
export function regularizersToTfjs(
  config: LayerConfig,
  at: string,
): Record<Key, TfjsRegularizer | null> {
  const [kernel, bias] = OPTIONS.map(([option]) => {
    const saved = config[option] as { className: string; config: Record<string, number> };
    if (saved === undefined) return null;
    if (!NEUNET_CLASSES.includes(saved.className)) {
      throw new Error(
        `exportTfjs: ${at} has ${option} ${JSON.stringify(saved.className)}, which TensorFlow.js cannot read; supported: ${NEUNET_CLASSES.join(', ')} (from @neunet/regularization)`,
      );
    }
    const { l1 = 0, l2 = 0 } = saved.config;
    return { class_name: 'L1L2' as const, config: { l1, l2 } };
  });
  return { kernel_regularizer: kernel!, bias_regularizer: bias! };
}

/** Keras's classes, with the factors each holds. */
const KERAS_CLASSES: Record<string, readonly ('l1' | 'l2')[]> = {
  L1L2: ['l1', 'l2'],
  L1: ['l1'],
  L2: ['l2'],
};

/**
 * A tfjs (or Keras) layer's `kernel_regularizer` and `bias_regularizer` as NeuNet layer
 * options. An L1L2 with one factor 0 becomes `l1` or `l2` of the other, so that what
 * `regularizersToTfjs` wrote from an `l1` or `l2` reads back as it was.
 */
export function regularizersFromTfjs(
  c: Record<string, unknown>,
): Partial<Record<Option, Regularizer>> {
  // Conv2D's paramShapes (which importTfjs checks the weights with) rebuilds the layer from
  // its config, regularizers through the registry that @neunet/model otherwise fills.
  registerRegularization();
  const options: Partial<Record<Option, Regularizer>> = {};
  for (const [option, key] of OPTIONS) {
    const saved = c[key];
    if (saved !== null && saved !== undefined) options[option] = fromTfjs(key, saved);
  }
  return options;
}

function fromTfjs(key: string, saved: unknown): Regularizer {
  if (typeof saved !== 'object' || Array.isArray(saved)) {
    throw new Error(`${key} must be null or { class_name, config }, got ${JSON.stringify(saved)}`);
  }
  const { class_name: className, config } = saved as {
    class_name?: unknown;
    config?: Record<string, unknown> | null;
  };
  const factors = typeof className === 'string' ? KERAS_CLASSES[className] : undefined;
  if (factors === undefined) {
    throw new Error(
      `${key} class ${JSON.stringify(className)} is not supported; supported: ${Object.keys(KERAS_CLASSES).join(', ')}`,
    );
  }
  const [a, b] = factors.map((f) => {
    const value = config?.[f];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `${key} ${className}: ${f} must be a finite number >= 0, got ${JSON.stringify(value)}`,
      );
    }
    return value;
  });
  if (className === 'L1') return l1(a);
  if (className === 'L2') return l2(a);
  if (a === 0 && b! > 0) return l2(b);
  if (b === 0 && a! > 0) return l1(a);
  return l1l2({ l1: a, l2: b });
}
