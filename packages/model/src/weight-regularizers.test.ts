import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Conv2D, Dense, Flatten, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { BatchNormalization, Dropout, l1, l1l2, l2 } from '@neunet/regularization';
import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

const here = dirname(fileURLToPath(import.meta.url));

const X = new Tensor([
  [0.5, -1],
  [1.5, 0.25],
  [-0.75, 2],
  [0, -0.5],
]);
const y = new Int32Array([0, 2, 1, 2]);
const W = new Tensor([
  [0.2, -0.4, 0.6],
  [-0.8, 1, 0.3],
]);
const b = new Tensor([0.5, -1.5, 0.25]);

/** Dense(2, 3) with kernelRegularizer l2(0.1) and biasRegularizer l1(0.5), at W and b. */
function regularized(options: { sgd?: number } = {}): NeuralNetwork {
  const model = new NeuralNetwork({
    seed: 1,
    ...(options.sgd !== undefined && { optimizer: 'sgd', learningRate: options.sgd }),
  });
  model.add(new Dense(2, 3, { kernelRegularizer: l2(0.1), biasRegularizer: l1(0.5) }));
  model.add(new Softmax());
  model.setLoss(new CategoricalCrossentropy());
  model.setWeights([W, b]);
  return model;
}

describe('kernelRegularizer and biasRegularizer in a model', () => {
  it('add their penalty to the loss: 0.1·Σw² + 0.5·Σ|b| on top of the data loss', () => {
    const model = regularized();
    const dataLoss = new CategoricalCrossentropy().forward(model.predictProba(X), y);
    // Σw² = 0.04 + 0.16 + 0.36 + 0.64 + 1 + 0.09 = 2.29; Σ|b| = 2.25.
    const penalty = 0.1 * 2.29 + 0.5 * 2.25;
    expect(model.evaluate(X, y).loss).toBeCloseTo(dataLoss + penalty, 5);
  });

  it("add their penalty's gradient: one SGD step moves each weight by −lr · ∂loss/∂w (finite differences)", () => {
    const lr = 0.5;
    const model = regularized({ sgd: lr });
    const loss = () => model.evaluate(X, y).loss;
    const [w, bias] = model.layers[0]!.params();
    const numeric = [w!.value, bias!.value].map((value) => {
      const grad = new Float64Array(value.size);
      for (let i = 0; i < value.size; i++) {
        const saved = value.data[i]!;
        value.data[i] = saved + 1e-3;
        const up = [value.data[i]!, loss()] as const;
        value.data[i] = saved - 1e-3;
        const down = [value.data[i]!, loss()] as const;
        value.data[i] = saved;
        grad[i] = (up[1] - down[1]) / (up[0] - down[0]);
      }
      return grad;
    });
    // The regularizers are most of this gradient: without them it is a different one.
    expect(Math.abs(numeric[1]![1]!)).toBeGreaterThan(0.4);
    const before = [w!.value.clone(), bias!.value.clone()];
    model.train(X, y, { epochs: 1, batchSize: 4, shuffle: false });
    [w, bias].forEach((param, p) => {
      for (let i = 0; i < param!.value.size; i++) {
        const step = (before[p]!.data[i]! - param!.value.data[i]!) / lr;
        expect(step, `${param!.name}[${i}]`).toBeCloseTo(numeric[p]![i]!, 2);
      }
    });
  });

  it('save and load with the model, in the Keras form, and keep the loss', () => {
    const model = regularized();
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    expect(loaded.layers[0]!.getConfig()).toMatchObject({
      kernelRegularizer: { className: 'L2', config: { l2: 0.1 } },
      biasRegularizer: { className: 'L1', config: { l1: 0.5 } },
    });
    loaded.setLoss(new CategoricalCrossentropy());
    expect(loaded.evaluate(X, y).loss).toBeCloseTo(model.evaluate(X, y).loss, 6);
  });

  it('a saved model of BatchNormalization, Dropout and regularizers loads in a process that imports only @neunet/model', {
    timeout: 60_000,
  }, () => {
    const model = new NeuralNetwork({ seed: 2 })
      .add(
        new Conv2D({
          filters: 2,
          kernelSize: 2,
          inputShape: [3, 3, 1],
          kernelRegularizer: l1l2({ l1: 0.01, l2: 0.02 }),
        }),
      )
      .add(new BatchNormalization())
      .add(new Dropout(0.25))
      .add(new Flatten())
      .add(new Dense({ units: 2, kernelRegularizer: l2(1e-4) }))
      .add(new Softmax());
    model.setLoss(new CategoricalCrossentropy());
    const images = new Tensor(
      Float32Array.from({ length: 18 }, (_, i) => Math.sin(i)),
      [2, 3, 3, 1],
    );
    model.train(images, new Int32Array([0, 1]), { epochs: 1 });
    const path = join(mkdtempSync(join(tmpdir(), 'neunet-')), 'regularized.neunet');
    model.save(path);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(here, '..', 'test', 'load-child-process.ts'), path],
      { cwd: join(here, '..'), encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(model.layers.map((layer) => layer.getConfig()));
  });
});
