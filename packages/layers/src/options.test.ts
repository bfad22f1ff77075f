import { Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { ReLU } from './activations.js';
import { AveragePooling2D } from './average-pooling-2d.js';
import { Conv2D } from './conv2d.js';
import { Dense } from './dense.js';
import { gradientCheck } from './gradient-check.js';
import { MaxPooling2D } from './max-pooling-2d.js';
import { Reshape } from './reshape.js';

// JavaScript callers have no type check: a misspelt option must fail, not build a
// different layer (a linear Dense for `activaton: 'relu'`).
describe('layer options: an unknown key is an error naming it and the nearest valid name', () => {
  it.each([
    ['Dense', () => new Dense({ units: 8, activaton: 'relu' } as never), 'activaton', 'activation'],
    [
      'Dense',
      () => new Dense(2, 8, { learning_rate: 0.1 } as never),
      'learning_rate',
      'learningRate',
    ],
    ['Dense', () => new Dense(2, 8, { units: 8 } as never), 'units', undefined],
    [
      'Conv2D',
      () => new Conv2D({ filters: 2, kernelSize: 3, kernel_size: 3 } as never),
      'kernel_size',
      'kernelSize',
    ],
    ['MaxPooling2D', () => new MaxPooling2D({ poolsize: 2 } as never), 'poolsize', 'poolSize'],
    ['AveragePooling2D', () => new AveragePooling2D({ stride: 2 } as never), 'stride', 'strides'],
    ['Reshape', () => new Reshape({ target_shape: [4] } as never), 'target_shape', 'targetShape'],
  ])('%s rejects %#', (where, build, key, nearest) => {
    const hint = nearest === undefined ? 'expected one of' : `did you mean '${nearest}'?`;
    expect(build).toThrow(`${where}: unknown option '${key}'; ${hint}`);
  });

  it('gradientCheck rejects one', () => {
    expect(() => gradientCheck(new ReLU(), Tensor.zeros([1, 2]), { step: 1e-3 } as never)).toThrow(
      "gradientCheck: unknown option 'step'; expected one of training, h, seed",
    );
  });

  it('rejects options that are not an object', () => {
    expect(() => new Dense(2, 8, [] as never)).toThrow(
      'Dense: options must be an object, got an array',
    );
  });

  it('takes every documented option', () => {
    const dense = new Dense({
      units: 3,
      learningRate: 0.1,
      optimizer: 'adam',
      init: 'glorot',
      seed: 1,
      activation: 'leakyRelu',
      alpha: 0.2,
    });
    expect(dense.getConfig()).toMatchObject({ nOut: 3, activation: 'leakyRelu', alpha: 0.2 });
    expect(new Reshape({ targetShape: [2, 2] }).targetShape).toEqual([2, 2]);
  });
});
