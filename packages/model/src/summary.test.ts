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
      /^batch_normalization \(BatchNormalization\) {3,}\(None, 128\) {3,}512$/m,
    );
    expect(table).toMatch(/^dense_1 \(Dense\) {3,}\(None, 64\) {3,}8,256$/m);
  });

  it('lays the table out as Keras does: rules, header, one row per layer', () => {
    const model = new NeuralNetwork({ seed: 0 })
      .add(new Dense(2, 3))
      .add(new BatchNormalization())
      .add(new Softmax());
    expect(printed(model).table).toBe(
      [
        '_'.repeat(65),
        'Layer (type)                               Output Shape   Param #',
        '='.repeat(65),
        'dense (Dense)                              (None, 3)      9',
        '_'.repeat(65),
        'batch_normalization (BatchNormalization)   (None, 3)      12',
        '_'.repeat(65),
        'softmax (Softmax)                          (None, 3)      0',
        '='.repeat(65),
        'Total params: 21',
        'Trainable params: 15',
        'Non-trainable params: 6',
        '_'.repeat(65),
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
      .lines.filter((line) => /^[a-z][a-z0-9_]* \([A-Z]\w*\)/.test(line))
      .map((line) => line.split(/\s{3,}/));
    // Conv2D 3·3·1·8+8; Conv2D 3·3·8·16+16; BatchNormalization 4·16; Dense 3·3·16·10+10.
    expect(rows).toEqual([
      ['conv2d (Conv2D)', '(None, 10, 10, 8)', '80'],
      ['max_pooling2d (MaxPooling2D)', '(None, 5, 5, 8)', '0'],
      ['conv2d_1 (Conv2D)', '(None, 3, 3, 16)', '1,168'],
      ['batch_normalization (BatchNormalization)', '(None, 3, 3, 16)', '64'],
      ['re_lu (ReLU)', '(None, 3, 3, 16)', '0'],
      ['dropout (Dropout)', '(None, 3, 3, 16)', '0'],
      ['flatten (Flatten)', '(None, 144)', '0'],
      ['dense (Dense)', '(None, 10)', '1,450'],
      ['softmax (Softmax)', '(None, 10)', '0'],
    ]);
    expect(printed(model).lines.slice(-4, -1)).toEqual([
      `Total params: ${(80 + 1168 + 64 + 1450).toLocaleString('en-US')}`,
      `Trainable params: ${(80 + 1168 + 32 + 1450).toLocaleString('en-US')}`,
      'Non-trainable params: 32',
    ]);
  });
});
