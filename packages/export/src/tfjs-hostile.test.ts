import { Tensor } from '@neunet/tensor';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importTfjs, type TfjsModelInput } from './tfjs-import.js';

/** A Sequential model of one tfjs layer on samples of `input`, with the weights `specs` list. */
function artifacts(
  input: number[],
  layer: { class_name: string; config: Record<string, unknown> },
  specs: [string, number[]][],
): TfjsModelInput {
  const size = specs.reduce((n, [, shape]) => n + shape.reduce((a, b) => a * b, 1), 0);
  const first = { ...layer, config: { ...layer.config, batch_input_shape: [null, ...input] } };
  return {
    modelTopology: { class_name: 'Sequential', config: { layers: [first] } },
    weightSpecs: specs.map(([name, shape]) => ({ name, shape, dtype: 'float32' })),
    weightData: new Float32Array(size).buffer,
  };
}

/** The bytes of every tensor layers allocate while `run` runs (all tensors come from these). */
function tensorBytes(run: () => void): number {
  const spies = (['allocate', 'zeros', 'filled'] as const).map((name) => vi.spyOn(Tensor, name));
  run();
  return spies.reduce(
    (sum, spy) =>
      sum + spy.mock.calls.reduce((n, [shape]) => n + 4 * shape.reduce((a, b) => a * b, 1), 0),
    0,
  );
}

const LIMIT = 64 * 2 ** 20;

describe('importTfjs compares the declared param shapes with the weights before it builds a layer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    [
      'a Dense layer of 2^16 units whose kernel holds 3',
      artifacts([256], { class_name: 'Dense', config: { name: 'dense_1', units: 2 ** 16 } }, [
        ['dense_1/kernel', [256, 3]],
        ['dense_1/bias', [3]],
      ]),
      "importTfjs: layer 1 (Dense 'dense_1'): weight 'dense_1/kernel' has shape [256, 3], expected [256, 65536]",
    ],
    [
      'a Conv2D layer of 2^20 filters whose kernel holds 2',
      artifacts(
        [8, 8, 1],
        { class_name: 'Conv2D', config: { name: 'conv_1', filters: 2 ** 20, kernel_size: 3 } },
        [
          ['conv_1/kernel', [3, 3, 1, 2]],
          ['conv_1/bias', [2]],
        ],
      ),
      "importTfjs: layer 1 (Conv2D 'conv_1'): weight 'conv_1/kernel' has shape [3, 3, 1, 2], expected [3, 3, 1, 1048576]",
    ],
    [
      'a BatchNormalization on 2^24 features whose weights hold 2',
      artifacts([2 ** 24], { class_name: 'BatchNormalization', config: { name: 'bn' } }, [
        ['bn/gamma', [2]],
        ['bn/beta', [2]],
        ['bn/moving_mean', [2]],
        ['bn/moving_variance', [2]],
      ]),
      "importTfjs: layer 1 (BatchNormalization 'bn'): weight 'bn/gamma' has shape [2], expected [16777216]",
    ],
  ])('%s is refused having allocated nothing', (_, input, message) => {
    let thrown: unknown;
    const bytes = tensorBytes(() => {
      try {
        importTfjs(input);
      } catch (error) {
        thrown = error;
      }
    });
    expect((thrown as Error | undefined)?.message).toBe(message);
    expect(bytes).toBeLessThan(LIMIT);
    expect(bytes).toBe(0);
  });
});
