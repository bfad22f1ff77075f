import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createData } from '@neunet/datasets';
import * as layers from '@neunet/layers';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import * as losses from '@neunet/losses';
import { CategoricalCrossentropy, type Loss, WeightPenalty } from '@neunet/losses';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

const { X, y } = createData({ samples: 20, classes: 3, seed: 0 });

/** A user's loss: an object literal that delegates to CategoricalCrossentropy. */
function delegatingLoss(): Loss {
  const cce = new CategoricalCrossentropy();
  return {
    task: 'classification',
    penalty: new WeightPenalty(),
    forward: (pred, target) => cce.forward(pred, target),
    backward: (pred, target, out) => cce.backward(pred, target, out),
    getConfig: () => ({ type: 'MyLoss', l1: 0, l2: 0 }),
  };
}

function classifier(loss: Loss): NeuralNetwork {
  return new NeuralNetwork({ seed: 5 })
    .add(new Dense(2, 8))
    .add(new ReLU())
    .add(new Dense(8, 3))
    .add(new Softmax())
    .setLoss(loss);
}

describe('the model acts on what layers and losses declare', () => {
  it("a user's loss declaring task 'classification' gets the real accuracy by default", () => {
    const history = classifier(delegatingLoss()).train(X, y, {
      epochs: 3,
      batchSize: 16,
      validationData: [X, y],
    });
    // The same network with the built-in loss measures the same accuracy epoch by epoch
    // (the unfused gradient differs only in rounding, hence toBeCloseTo on the loss).
    const reference = classifier(new CategoricalCrossentropy()).train(X, y, {
      epochs: 3,
      batchSize: 16,
      validationData: [X, y],
    });
    expect(history.accuracy).toHaveLength(3);
    expect(history.val_accuracy).toHaveLength(3);
    expect(history.mae).toBeUndefined();
    history.accuracy!.forEach((a, i) => {
      expect(a).toBeCloseTo(reference.accuracy![i]!, 6);
    });
    const model = classifier(delegatingLoss());
    const evaluation = model.evaluate(X, y);
    const predicted = model.predict(X);
    const right = predicted.filter((c, i) => c === y[i]).length;
    expect(evaluation.accuracy).toBe(right / y.length);
  });

  it("dead-unit diagnostics count Dense({ activation: 'relu' }) units", () => {
    const model = new NeuralNetwork({ seed: 5 })
      .add(new Dense(2, 8, { activation: 'relu' }))
      .add(new Dense(8, 3))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    const first = model.layers[0] as Dense;
    // Units 1 and 6 can never fire: their bias is far below any input's reach.
    first.bias.value.data[1] = -1e3;
    first.bias.value.data[6] = -1e3;
    const history = model.train(X, y, { epochs: 1, batchSize: 0, diagnostics: true });
    const [dense] = history.diagnostics![0]!;
    expect(dense).toMatchObject({ layer: 0, type: 'Dense', deadUnits: 2, units: 8 });
    expect(dense!.gradientNorm).toBeGreaterThan(0);
  });

  it('@neunet/model tests no layer or loss class with instanceof', () => {
    const classes = [...Object.keys(layers), ...Object.keys(losses)].filter((name) =>
      /^[A-Z]/.test(name),
    );
    const src = import.meta.dirname;
    const offending: string[] = [];
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' });
    for (const file of files.filter((f) => f.endsWith('.ts') && !f.includes('.test.'))) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const match of text.matchAll(/instanceof\s+([A-Za-z_$][\w$]*)/g)) {
        if (classes.includes(match[1]!)) offending.push(`${file}: ${match[0]}`);
      }
    }
    expect(classes).toContain('Softmax');
    expect(classes).toContain('CategoricalCrossentropy');
    expect(offending).toEqual([]);
  });
});
