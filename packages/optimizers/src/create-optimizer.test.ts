import { describe, expect, it } from 'vitest';
import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import {
  createOptimizer,
  isOptimizerName,
  type OptimizerName,
  optimizerNames,
} from './create-optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SGD } from './sgd.js';

describe('createOptimizer', () => {
  it('maps each name to its class', () => {
    expect(createOptimizer('sgd')).toBeInstanceOf(SGD);
    expect(createOptimizer('adam')).toBeInstanceOf(Adam);
    expect(createOptimizer('rmsprop')).toBeInstanceOf(RMSprop);
    expect(createOptimizer('adagrad')).toBeInstanceOf(AdaGrad);
    expect(createOptimizer('sgd').getConfig()).toMatchObject({ momentum: 0, learningRate: 0.01 });
  });

  it("makes 'momentum' an SGD with momentum 0.9", () => {
    const o = createOptimizer('momentum', { learningRate: 0.1 });
    expect(o).toBeInstanceOf(SGD);
    expect(o.getConfig()).toEqual({
      type: 'SGD',
      learningRate: 0.1,
      momentum: 0.9,
      nesterov: false,
    });
  });

  it('passes the learning rate on', () => {
    expect(createOptimizer('adam', { learningRate: 0.002 }).learningRate).toBe(0.002);
    expect(createOptimizer('adam').learningRate).toBe(0.001);
  });

  it('rejects an unknown name, listing the valid ones', () => {
    expect(() => createOptimizer('adamw' as OptimizerName)).toThrow(
      `createOptimizer: unknown optimizer "adamw"; expected one of 'sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'`,
    );
    expect(() => createOptimizer('toString' as OptimizerName)).toThrow(/unknown optimizer/);
  });

  it('lists the names, and tells a name from anything else', () => {
    expect(optimizerNames).toEqual(['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad']);
    expect(optimizerNames.every(isOptimizerName)).toBe(true);
    for (const other of ['Adam', 'toString', '__proto__', 3, null, undefined]) {
      expect(isOptimizerName(other)).toBe(false);
    }
  });
});
