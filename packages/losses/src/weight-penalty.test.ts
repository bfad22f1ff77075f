import { type Param, type Regularizer, Rng, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { expectGradient, numericGradient } from '../test/test-helpers.js';
import { WeightPenalty } from './weight-penalty.js';

function params(): Param[] {
  return [
    {
      name: 'w',
      value: new Tensor([
        [1, -2],
        [0.5, 0],
      ]),
      grad: Tensor.zeros([2, 2]),
      penalize: true,
    },
    { name: 'b', value: new Tensor([3, -3]), grad: Tensor.zeros([2]) },
  ];
}

describe('WeightPenalty', () => {
  it('is l1·Σ|w| + l2·Σw² over the penalised params only', () => {
    const penalty = new WeightPenalty({ l1: 0.1, l2: 0.01 });
    expect(penalty.value(params())).toBeCloseTo(0.1 * 3.5 + 0.01 * 5.25, 12);
  });

  it('is 0 and adds nothing when both factors are 0', () => {
    const ps = params();
    const penalty = new WeightPenalty();
    expect(penalty.value(ps)).toBe(0);
    penalty.addGradients(ps);
    expect(Array.from(ps[0]!.grad.data)).toEqual([0, 0, 0, 0]);
  });

  it('adds l1·sign(w) + 2·l2·w to the grads of penalised params, sign(0) = 0', () => {
    const ps = params();
    ps[0]!.grad.data.fill(1);
    new WeightPenalty({ l1: 0.5, l2: 0.25 }).addGradients(ps);
    expect(Array.from(ps[0]!.grad.data)).toEqual([2, -0.5, 1.75, 1]);
    expect(Array.from(ps[1]!.grad.data)).toEqual([0, 0]);
  });

  it('has the gradient of its value (finite differences)', () => {
    const rng = new Rng(8);
    const value = Tensor.zeros([3, 4]);
    for (let i = 0; i < value.size; i++) {
      value.data[i] = (rng.uniform() < 0.5 ? -1 : 1) * rng.uniformRange(0.05, 2);
    }
    const p: Param = { name: 'w', value, grad: Tensor.zeros([3, 4]), penalize: true };
    const penalty = new WeightPenalty({ l1: 0.3, l2: 0.7 });
    penalty.addGradients([p]);
    expectGradient(
      p.grad.data,
      numericGradient(() => penalty.value([p]), value.data),
    );
  });

  it("adds each param's own regularizer, with or without factors and penalize", () => {
    // A regularizer as a layer's biasRegularizer gives it: 3·Σ|v|, gradient 3·sign(v).
    const regularizer: Regularizer = {
      penalty: (values) => 3 * values.data.reduce((a, v) => a + Math.abs(v), 0),
      addGradient: (values, grad) => {
        for (let i = 0; i < values.size; i++) grad.data[i]! += 3 * Math.sign(values.data[i]!);
      },
      getConfig: () => ({ className: 'Sum', config: {} }),
    };
    const ps = params();
    const bias: Param = { ...ps[1]!, regularizer };
    expect(new WeightPenalty().value([ps[0]!, bias])).toBe(18);
    expect(new WeightPenalty({ l2: 0.01 }).value([ps[0]!, bias])).toBeCloseTo(18.0525, 12);
    new WeightPenalty().addGradients([ps[0]!, bias]);
    expect(Array.from(bias.grad.data)).toEqual([3, -3]);
    expect(Array.from(ps[0]!.grad.data)).toEqual([0, 0, 0, 0]);
  });

  it('rejects negative or non-finite factors and a grad of the wrong size', () => {
    expect(() => new WeightPenalty({ l1: -1 })).toThrow(
      'WeightPenalty: l1 must be a finite number >= 0, got -1',
    );
    expect(() => new WeightPenalty({ l2: Number.NaN })).toThrow(/l2 must be .* got NaN/);
    const bad: Param = {
      name: 'w',
      value: Tensor.zeros([2]),
      grad: Tensor.zeros([3]),
      penalize: true,
    };
    expect(() => new WeightPenalty({ l2: 1 }).addGradients([bad])).toThrow(
      "WeightPenalty.addGradients: param 'w' has 2 values but its grad has 3",
    );
  });
});
