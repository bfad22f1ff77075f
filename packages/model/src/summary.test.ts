import { Conv2D, Dense, Flatten, MaxPooling2D, ReLU, Softmax } from '@neunet/layers';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { describe, expect, it } from 'vitest';
import { seedNetwork } from '../test/test-networks.js';
import { NeuralNetwork } from './neural-network.js';

/** The summary's lines as printed, and what it returned. */
function printed(model: NeuralNetwork): { lines: string[]; table: string } {
  const lines: string[] = [];
  const table = model.summary((line) => lines.push(line));
  return { lines, table };
}

describe('summary', () => {
  it("prints and returns Keras's table for the README's network (11,715 params, 448 of them BatchNormalization's moving statistics)", () => {
    const { lines, table } = printed(seedNetwork(0));
    expect(lines.join('\n')).toBe(table);
    // Keras: Dense 2·128+128, BatchNormalization 4·128 (gamma, beta, moving mean and variance), ...
    const dense = [2 * 128 + 128, 128 * 64 + 64, 64 * 32 + 32, 32 * 3 + 3];
    const norm = [128, 64, 32];
    const total = dense.reduce((a, b) => a + b) + norm.reduce((a, b) => a + 4 * b, 0);
    const nonTrainable = norm.reduce((a, b) => a + 2 * b, 0);
    expect([total, nonTrainable]).toEqual([11715, 448]);
    expect(lines.slice(-4)).toEqual([
      'Total params: 11,715',
      'Trainable params: 11,267',
      'Non-trainable params: 448',
      expect.stringMatching(/^_+$/),
    ]);
    expect(table).toMatch(
      /^batchnormalization_2 \(BatchNormalization\) {3,}\[null, 128\] {3,}512$/m,
    );
    expect(table).toMatch(/^dense_5 \(Dense\) {3,}\[null, 64\] {3,}8,256$/m);
  });

  it('lays the table out as Keras does: rules, header, one row per layer', () => {
    const model = new NeuralNetwork({ seed: 0 })
      .add(new Dense(2, 3))
      .add(new BatchNormalization())
      .add(new Softmax());
    expect(printed(model).table).toBe(
      [
        '_'.repeat(66),
        'Layer (type)                                Output Shape   Param #',
        '='.repeat(66),
        'dense_1 (Dense)                             [null, 3]      9',
        '_'.repeat(66),
        'batchnormalization_2 (BatchNormalization)   [null, 3]      12',
        '_'.repeat(66),
        'softmax_3 (Softmax)                         [null, 3]      0',
        '='.repeat(66),
        'Total params: 21',
        'Trainable params: 15',
        'Non-trainable params: 6',
        '_'.repeat(66),
      ].join('\n'),
    );
  });

  it('counts a small CNN as Keras does', () => {
    const model = new NeuralNetwork({ seed: 0 })
      .add(new Conv2D({ filters: 8, kernelSize: 3, inputShape: [12, 12, 1] }))
      .add(new MaxPooling2D({ poolSize: 2 }))
      .add(new Conv2D({ filters: 16, kernelSize: 3 }))
      .add(new BatchNormalization())
      .add(new ReLU())
      .add(new Dropout(0.25))
      .add(new Flatten())
      .add(new Dense({ units: 10 }))
      .add(new Softmax());
    const rows = printed(model)
      .lines.filter((line) => /_\d+ \(/.test(line))
      .map((line) => line.split(/\s{3,}/));
    // Conv2D 3·3·1·8+8; Conv2D 3·3·8·16+16; BatchNormalization 4·16; Dense 3·3·16·10+10.
    expect(rows).toEqual([
      ['conv2d_1 (Conv2D)', '[null, 10, 10, 8]', '80'],
      ['maxpooling2d_2 (MaxPooling2D)', '[null, 5, 5, 8]', '0'],
      ['conv2d_3 (Conv2D)', '[null, 3, 3, 16]', '1,168'],
      ['batchnormalization_4 (BatchNormalization)', '[null, 3, 3, 16]', '64'],
      ['relu_5 (ReLU)', '[null, 3, 3, 16]', '0'],
      ['dropout_6 (Dropout)', '[null, 3, 3, 16]', '0'],
      ['flatten_7 (Flatten)', '[null, 144]', '0'],
      ['dense_8 (Dense)', '[null, 10]', '1,450'],
      ['softmax_9 (Softmax)', '[null, 10]', '0'],
    ]);
    expect(printed(model).lines.slice(-4, -1)).toEqual([
      `Total params: ${(80 + 1168 + 64 + 1450).toLocaleString('en-US')}`,
      `Trainable params: ${(80 + 1168 + 32 + 1450).toLocaleString('en-US')}`,
      'Non-trainable params: 32',
    ]);
  });
});
