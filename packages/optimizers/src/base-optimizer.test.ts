import { type Param, Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { bits, randomParam } from '../test/test-helpers.js';
import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import type { Optimizer, OptimizerState } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { exponentialDecay } from './schedules.js';
import { SGD } from './sgd.js';

const schedule = exponentialDecay({ decayRate: 0.9, decaySteps: 3 });
const makers: [string, () => Optimizer][] = [
  ['SGD', () => new SGD({ learningRate: 0.05, schedule })],
  ['SGD momentum', () => new SGD({ learningRate: 0.05, momentum: 0.9, schedule })],
  ['SGD Nesterov', () => new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true })],
  ['Adam', () => new Adam({ learningRate: 0.01, schedule })],
  ['RMSprop', () => new RMSprop({ learningRate: 0.01, schedule })],
  ['AdaGrad', () => new AdaGrad({ learningRate: 0.05, schedule })],
];

function freshParams(): Param[] {
  const rng = new Rng(11);
  return [randomParam('dense.w', [4, 3], rng), randomParam('dense.b', [3], rng, 0.02)];
}

/** Gradients of a fixed quadratic plus noise that depends only on the step number. */
function train(optimizer: Optimizer, params: Param[], from: number, to: number): void {
  for (let s = from; s < to; s++) {
    const noise = new Rng(1000 + s);
    for (const p of params) {
      for (let i = 0; i < p.grad.size; i++) {
        p.grad.data[i] = 2 * (p.value.data[i]! - 1) + noise.normal(0, 0.5);
      }
    }
    optimizer.step(params);
  }
}

describe.each(makers)('%s state', (_, make) => {
  it('resumes bit for bit: 2N steps equal N steps, save, restore into a new optimizer, N steps', () => {
    const straight = freshParams();
    const a = make();
    train(a, straight, 0, 10);

    const resumed = freshParams();
    const first = make();
    train(first, resumed, 0, 5);
    const saved = JSON.parse(JSON.stringify(first.getState(resumed))) as OptimizerState;
    const second = make();
    second.setState(resumed, saved);
    train(second, resumed, 5, 10);

    for (let k = 0; k < straight.length; k++) {
      expect(bits(resumed[k]!.value.data)).toEqual(bits(straight[k]!.value.data));
    }
    expect(second.getState(resumed)).toEqual(a.getState(straight));
  });

  it('reports a param it has not updated as fresh, and a fresh state resets it', () => {
    const params = freshParams();
    const optimizer = make();
    expect(optimizer.getState(params).steps).toEqual([0, 0]);
    train(optimizer, params, 0, 2);
    const fresh = make().getState(params);
    expect(fresh.slots).toEqual([[], []]);
    optimizer.setState(params, fresh);
    expect(optimizer.getState(params)).toEqual(fresh);
  });
});

describe('optimizer state validation', () => {
  const params = freshParams();
  const adam = new Adam();
  train(adam, params, 0, 1);
  const good = adam.getState(params);

  it('rejects a state saved by another optimizer', () => {
    expect(() => new RMSprop().setState(params, good)).toThrow(
      'RMSprop.setState: the state was saved by Adam, expected RMSprop',
    );
  });

  it('rejects a state for a different number of params', () => {
    expect(() => new Adam().setState(params.slice(0, 1), good)).toThrow(
      'Adam.setState: the state holds 2 params but 1 were given',
    );
  });

  it('rejects a wrong number of buffers, a wrong buffer length and a bad step count', () => {
    const fewer = { ...good, slots: [good.slots[0]!.slice(0, 1), good.slots[1]!] };
    expect(() => new Adam().setState(params, fewer)).toThrow(
      "Adam.setState: param 'dense.w' (#0): expected 2 buffers for Adam, got 1",
    );
    const shorter = { ...good, slots: [good.slots[0]!, [good.slots[1]![0]!, [1, 2]]] };
    expect(() => new Adam().setState(params, shorter)).toThrow(
      "Adam.setState: param 'dense.b' (#1): buffer 1 has 2 values, expected 3 (the param's size)",
    );
    const fractional = { ...good, steps: [1.5, 1] };
    expect(() => new Adam().setState(params, fractional)).toThrow(
      /step count must be an integer >= 0, got 1.5/,
    );
    const corrupt = { ...good, slots: [good.slots[0]!, [good.slots[1]![0]!, ['a', 0, 0]]] };
    expect(() => new Adam().setState(params, corrupt as OptimizerState)).toThrow(
      /buffer 1 value 0 is string, expected a number/,
    );
  });

  it('changes nothing when the state is rejected', () => {
    const target = new Adam();
    train(target, params, 0, 1);
    const before = target.getState(params);
    const bad = { ...good, steps: [7, -1] };
    expect(() => target.setState(params, bad)).toThrow(/got -1/);
    expect(target.getState(params)).toEqual(before);
  });

  it('accepts a state holding Float32Arrays', () => {
    const asFloat32 = {
      ...good,
      slots: good.slots.map((s) => s.map((b) => Float32Array.from(b))),
    } as unknown as OptimizerState;
    const target = new Adam();
    target.setState(params, asFloat32);
    expect(target.getState(params)).toEqual(good);
  });
});

describe('optimizer step', () => {
  it('rejects a grad whose size differs from the value', () => {
    const p = { name: 'w', value: Tensor.zeros([2, 2]), grad: Tensor.zeros([3]) };
    expect(() => new SGD().step([p])).toThrow(
      "SGD.step: param 'w' has 4 values but its grad has 3",
    );
  });

  it("rejects a param's own learningRate that is not a positive number", () => {
    const p = { name: 'w', value: Tensor.zeros([1]), grad: Tensor.zeros([1]), learningRate: -1 };
    expect(() => new Adam().step([p])).toThrow(
      "Adam.step: param 'w' has learningRate -1; expected a finite number > 0",
    );
  });

  it('rejects a schedule that returns a rate that is not a finite number >= 0', () => {
    const p = { name: 'w', value: Tensor.zeros([1]), grad: Tensor.zeros([1]) };
    const sgd = new SGD({ schedule: (step) => (step === 1 ? Number.NaN : 0.1) });
    sgd.step([p]);
    expect(() => sgd.step([p])).toThrow(
      "SGD.step: the schedule gave rate NaN at step 1 of param 'w'; expected a finite number >= 0",
    );
  });

  it('rejects a schedule that is not a function', () => {
    expect(() => new SGD({ schedule: 0.5 as unknown as () => number })).toThrow(
      'SGD: schedule must be a function (step, baseRate) => rate, got number',
    );
  });

  it('records the schedule in its config, or custom for a hand-written one', () => {
    const described = new SGD({ schedule: exponentialDecay({ decayRate: 0.5, decaySteps: 10 }) });
    expect(described.getConfig().schedule).toEqual({
      type: 'exponentialDecay',
      decayRate: 0.5,
      decaySteps: 10,
      staircase: false,
    });
    expect(new SGD({ schedule: (_, base) => base }).getConfig().schedule).toEqual({
      type: 'custom',
    });
  });
});
