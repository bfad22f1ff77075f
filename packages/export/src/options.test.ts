import { Dense, Softmax } from '@neunet/layers';
import { NeuralNetwork } from '@neunet/model';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from './onnx.js';
import { exportTfjs } from './tfjs.js';
import { importTfjs } from './tfjs-import.js';

function model(): NeuralNetwork {
  return new NeuralNetwork({ seed: 1 }).add(new Dense(2, 3)).add(new Softmax());
}

// JavaScript callers have no type check: `{ opSet: 17 }` declared opset 13 before.
describe('export options: an unknown key names it and the nearest valid name', () => {
  it('exportOnnx rejects one', () => {
    expect(() => exportOnnx(model(), { opSet: 17 } as never)).toThrow(
      "exportOnnx: unknown option 'opSet'; did you mean 'opset'?",
    );
    expect(exportOnnx(model(), { name: 'm', opset: 17 }).length).toBeGreaterThan(0);
  });

  it('importTfjs rejects one', () => {
    const artifacts = exportTfjs(model());
    expect(() => importTfjs(artifacts, { sed: 1 } as never)).toThrow(
      "importTfjs: unknown option 'sed'; did you mean 'seed'?",
    );
    expect(importTfjs(artifacts, { seed: 1 }).layers.length).toBeGreaterThan(0);
  });
});
