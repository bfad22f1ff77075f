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
  return [randomParam('dense.w', [4, 3], rng), randomParam('dense.b', [3], rng)];
}

/** The two params as two groups, the second at its own rate. */
function grouped<O extends Optimizer>(optimizer: O, params: Param[]): O {
  return optimizer
    .addParamGroup({ params: [params[0]!] })
    .addParamGroup({ params: [params[1]!], learningRate: 0.02 });
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
    optimizer.step();
  }
}

describe.each(makers)('%s state', (_, make) => {
  it('resumes bit for bit: 2N steps equal N steps, save, restore into a new optimizer, N steps', () => {
    const straight = freshParams();
    const a = grouped(make(), straight);
    train(a, straight, 0, 10);

    const resumed = freshParams();
    const first = grouped(make(), resumed);
    train(first, resumed, 0, 5);
    const saved = JSON.parse(JSON.stringify(first.getState())) as OptimizerState;
    const second = grouped(make(), resumed);
    second.setState(saved);
    train(second, resumed, 5, 10);

    for (let k = 0; k < straight.length; k++) {
      expect(bits(resumed[k]!.value.data)).toEqual(bits(straight[k]!.value.data));
    }
    expect(second.getState()).toEqual(a.getState());
  });

  it('reports a param it has not updated as fresh, and a fresh state resets it', () => {
    const params = freshParams();
    const optimizer = grouped(make(), params);
    expect(optimizer.getState().groups.map((g) => g.steps)).toEqual([[0], [0]]);
    train(optimizer, params, 0, 2);
    const fresh = grouped(make(), params).getState();
    expect(fresh.groups.map((g) => g.slots)).toEqual([[[]], [[]]]);
    optimizer.setState(fresh);
    expect(optimizer.getState()).toEqual(fresh);
  });
});

describe('param groups', () => {
  it('trains each group with its own options, exactly as separate optimizers would', () => {
    const together = freshParams();
    const adam = new Adam({ learningRate: 0.01, schedule })
      .addParamGroup({ params: [together[0]!], beta1: 0.5 })
      .addParamGroup({ params: [together[1]!], learningRate: 0.03, beta2: 0.9, epsilon: 1e-4 });
    train(adam, together, 0, 6);

    const apart = freshParams();
    const first = new Adam({ learningRate: 0.01, beta1: 0.5, schedule });
    first.addParamGroup({ params: [apart[0]!] });
    const second = new Adam({ learningRate: 0.03, beta2: 0.9, epsilon: 1e-4, schedule });
    second.addParamGroup({ params: [apart[1]!] });
    const both = {
      step: () => {
        first.step();
        second.step();
      },
    } as Optimizer;
    train(both, apart, 0, 6);

    for (let k = 0; k < 2; k++)
      expect(bits(together[k]!.value.data)).toEqual(bits(apart[k]!.value.data));
  });

  it('lists every group with every option it trains with, read-only', () => {
    const [w, b] = freshParams();
    const sgd = new SGD({ learningRate: 0.1 })
      .addParamGroup({ params: [w!] })
      .addParamGroup({ params: [b!], momentum: 0.9, learningRate: undefined });
    expect(sgd.paramGroups).toEqual([
      { params: [w], learningRate: 0.1, momentum: 0, nesterov: false },
      { params: [b], learningRate: 0.1, momentum: 0.9, nesterov: false },
    ]);
    expect(Object.isFrozen(sgd.paramGroups)).toBe(true);
    expect(Object.isFrozen(sgd.paramGroups[1])).toBe(true);
    expect(Object.isFrozen(sgd.paramGroups[1]!.params)).toBe(true);
    // Plain SGD keeps no velocity; the group with momentum keeps one per param.
    train(sgd, [w!, b!], 0, 1);
    expect(sgd.getState().groups.map((g) => g.slots[0]!.length)).toEqual([0, 1]);
  });

  it('rejects a param in two groups, or twice in one, naming the group', () => {
    const [w, b] = freshParams();
    const adam = new Adam().addParamGroup({ params: [w!] });
    expect(() => adam.addParamGroup({ params: [b!, w!] })).toThrow(
      "Adam.addParamGroup: paramGroups[1]: params[1] ('dense.w') is already in paramGroups[0]; a param belongs to one group",
    );
    expect(() => adam.addParamGroup({ params: [b!, b!] })).toThrow(
      "paramGroups[1]: params[1] ('dense.b') is already in this group",
    );
    // A rejected group changes nothing: b is still free.
    expect(adam.paramGroups).toHaveLength(1);
    adam.addParamGroup({ params: [b!] });
    expect(adam.paramGroups).toHaveLength(2);
  });

  it('rejects an unknown option and a bad value, naming the group and the option', () => {
    const [w] = freshParams();
    const adam = new Adam();
    expect(() => adam.addParamGroup({ params: [w!], momentum: 0.9 } as never)).toThrow(
      "Adam.addParamGroup: paramGroups[0]: unknown option 'momentum'; expected one of learningRate, beta1, beta2, epsilon",
    );
    expect(() => adam.addParamGroup({ params: [w!], beta1: 1 })).toThrow(
      'Adam.addParamGroup: paramGroups[0]: beta1 must be in [0, 1), got 1',
    );
    expect(() => new SGD().addParamGroup({ params: [w!], learningRate: -1 })).toThrow(
      'SGD.addParamGroup: paramGroups[0]: learningRate must be a finite number > 0, got -1',
    );
    expect(() => new SGD().addParamGroup({ params: [w!], nesterov: 1 as never })).toThrow(
      /paramGroups\[0\]: nesterov must be true or false, got 1/,
    );
    expect(() => adam.addParamGroup({ params: w as never })).toThrow(
      /paramGroups\[0\]: params must be an array of Params/,
    );
    expect(() => adam.addParamGroup({ params: [{ name: 'x' } as never] })).toThrow(
      'Adam.addParamGroup: paramGroups[0]: params[0] is not a Param ({ name, value, grad } of tensors)',
    );
    expect(adam.paramGroups).toHaveLength(0);
  });
});

describe('optimizer state validation', () => {
  const params = freshParams();
  const adam = grouped(new Adam(), params);
  train(adam, params, 0, 1);
  const good = adam.getState();
  const withGroup = (g: number, change: object): OptimizerState => ({
    ...good,
    groups: good.groups.map((group, i) => (i === g ? { ...group, ...change } : group)),
  });

  it('rejects a state saved by another optimizer', () => {
    expect(() => grouped(new RMSprop(), params).setState(good)).toThrow(
      'RMSprop.setState: the state was saved by Adam, expected RMSprop',
    );
  });

  it('rejects a state for other groups: their number, their options, their params', () => {
    expect(() => new Adam().addParamGroup({ params }).setState(good)).toThrow(
      'Adam.setState: the state has 2 groups but the optimizer has 1',
    );
    const other = new Adam()
      .addParamGroup({ params: [params[0]!] })
      .addParamGroup({ params: [params[1]!], learningRate: 0.02, beta1: 0.8 });
    expect(() => other.setState(good)).toThrow(
      'Adam.setState: paramGroups[1]: beta1 is 0.8 here but 0.9 in the state',
    );
    const fewer = withGroup(1, { steps: [], slots: [] });
    expect(() => grouped(new Adam(), params).setState(fewer)).toThrow(
      'Adam.setState: paramGroups[1]: the state holds 0 params but the group has 1',
    );
  });

  it('rejects a wrong number of buffers, a wrong buffer length and a bad step count', () => {
    const [w, b] = good.groups;
    const fewer = withGroup(0, { slots: [w!.slots[0]!.slice(0, 1)] });
    expect(() => grouped(new Adam(), params).setState(fewer)).toThrow(
      "Adam.setState: paramGroups[0]: param 'dense.w' (#0): expected 2 buffers for Adam, got 1",
    );
    const shorter = withGroup(1, { slots: [[b!.slots[0]![0]!, [1, 2]]] });
    expect(() => grouped(new Adam(), params).setState(shorter)).toThrow(
      "Adam.setState: paramGroups[1]: param 'dense.b' (#0): buffer 1 has 2 values, expected 3 (the param's size)",
    );
    const fractional = withGroup(0, { steps: [1.5] });
    expect(() => grouped(new Adam(), params).setState(fractional)).toThrow(
      /step count must be an integer >= 0, got 1.5/,
    );
    const corrupt = withGroup(1, { slots: [[b!.slots[0]![0]!, ['a', 0, 0]]] });
    expect(() => grouped(new Adam(), params).setState(corrupt)).toThrow(
      /buffer 1 value 0 is string, expected a number/,
    );
  });

  it('changes nothing when the state is rejected', () => {
    const target = grouped(new Adam(), params);
    train(target, params, 0, 1);
    const before = target.getState();
    const bad = withGroup(1, { steps: [-1] });
    expect(() => target.setState(bad)).toThrow(/got -1/);
    expect(target.getState()).toEqual(before);
  });

  it('accepts a state holding Float32Arrays', () => {
    const asFloat32 = {
      ...good,
      groups: good.groups.map((g) => ({
        ...g,
        slots: g.slots.map((s) => s.map((b) => Float32Array.from(b))),
      })),
    } as unknown as OptimizerState;
    const target = grouped(new Adam(), params);
    target.setState(asFloat32);
    expect(target.getState()).toEqual(good);
  });
});

describe('optimizer step', () => {
  it('rejects a grad whose size differs from the value', () => {
    const p = { name: 'w', value: Tensor.zeros([2, 2]), grad: Tensor.zeros([3]) };
    expect(() => new SGD().addParamGroup({ params: [p] }).step()).toThrow(
      "SGD.step: param 'w' has 4 values but its grad has 3",
    );
  });

  it('rejects a schedule that returns a rate that is not a finite number >= 0', () => {
    const p = { name: 'w', value: Tensor.zeros([1]), grad: Tensor.zeros([1]) };
    const sgd = new SGD({ schedule: (step) => (step === 1 ? Number.NaN : 0.1) });
    sgd.addParamGroup({ params: [p] }).step();
    expect(() => sgd.step()).toThrow(
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
