import { createData } from '@neunet/datasets';
import {
  Dense,
  type DenseOptions,
  type Layer,
  type OptimizerSettings,
  ReLU,
  Softmax,
} from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { Adam, RMSprop, SGD } from '@neunet/optimizers';
import type { Shape, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { NeuralNetwork } from './neural-network.js';

const { X, y } = createData({ samples: 30, classes: 3, seed: 5 });
const weights = (m: NeuralNetwork) => m.getWeights().map((t) => Array.from(t.data));
const groupsOf = (m: NeuralNetwork) =>
  m.optimizers.map((o) => ({
    type: o.getConfig().type,
    groups: o.paramGroups.map((g) => ({ learningRate: g.learningRate, params: g.params.length })),
  }));

/** Three Dense layers whose options say how they are trained. */
function model(
  options: [DenseOptions, DenseOptions, DenseOptions],
  optimizer: ConstructorParameters<typeof NeuralNetwork>[0] = {},
): NeuralNetwork {
  return new NeuralNetwork({ seed: 9, ...optimizer })
    .add(new Dense(2, 6, options[0]))
    .add(new ReLU())
    .add(new Dense(6, 5, options[1]))
    .add(new ReLU())
    .add(new Dense(5, 3, options[2]))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
}

describe("layers' optimizer settings become param groups", () => {
  it('one instance per name at the class default rate, a group per distinct rate, the rest on the model’s', () => {
    const m = model([
      { optimizer: 'momentum' },
      { learningRate: 0.03 },
      { optimizer: 'momentum', learningRate: 0.05 },
    ]);
    expect(m.optimizers).toHaveLength(1);
    m.groupParams();
    expect(groupsOf(m)).toEqual([
      { type: 'Adam', groups: [{ learningRate: 0.03, params: 2 }] },
      {
        type: 'SGD',
        groups: [
          { learningRate: 0.01, params: 2 },
          { learningRate: 0.05, params: 2 },
        ],
      },
    ]);
    expect(m.optimizers[1]!.paramGroups[0]).toMatchObject({ momentum: 0.9 });
    // Training groups nothing twice.
    m.train(X, y, { epochs: 2 });
    m.train(X, y, { epochs: 1 });
    expect(groupsOf(m)[1]!.groups).toHaveLength(2);
  });

  it('is sugar: the same run, bit for bit, as groups made by hand on one optimizer', () => {
    const sugar = model(
      [{ optimizer: 'adam', learningRate: 0.01 }, {}, { optimizer: 'adam', learningRate: 0.01 }],
      { optimizer: new Adam({ learningRate: 0.002 }) },
    );
    sugar.train(X, y, { epochs: 3, batchSize: 8 });

    const adam = new Adam({ learningRate: 0.002 });
    const byHand = model([{}, {}, {}], { optimizer: adam });
    const [d1, , d2, , d3] = byHand.layers;
    adam.addParamGroup({ params: d2!.params() });
    adam.addParamGroup({ params: [...d1!.params(), ...d3!.params()], learningRate: 0.01 });
    byHand.train(X, y, { epochs: 3, batchSize: 8 });

    expect(weights(byHand)).toEqual(weights(sugar));
    expect(byHand.history).toEqual(sugar.history);
    expect(groupsOf(byHand)).toHaveLength(1);
    expect(groupsOf(sugar)).toHaveLength(2);
  });

  it('a layer’s own instance gets the layer’s params as a group, at the layer’s rate if it gives one', () => {
    const own = new RMSprop({ rho: 0.8 });
    const m = model([{ optimizer: own, learningRate: 0.02 }, {}, {}]);
    m.train(X, y, { epochs: 1 });
    expect(m.optimizers[1]).toBe(own);
    expect(own.paramGroups).toEqual([
      { params: m.layers[0]!.params(), learningRate: 0.02, rho: 0.8, epsilon: 1e-7 },
    ]);
  });

  it('a layer of the user’s own declares the same settings as Dense', () => {
    /** Dense behind a facade: the model sees only the Layer interface. */
    class Wrapped implements Layer {
      readonly inner: Dense;
      readonly optimizerSettings: OptimizerSettings = { optimizer: 'sgd', learningRate: 0.3 };
      constructor(nIn: number, nOut: number) {
        this.inner = new Dense(nIn, nOut);
      }
      get inputShape() {
        return this.inner.inputShape;
      }
      computeOutputShape(shape: Shape) {
        return this.inner.computeOutputShape(shape);
      }
      build(shape: Shape) {
        this.inner.build(shape);
      }
      forward(x: Tensor) {
        return this.inner.forward(x);
      }
      backward(dy: Tensor) {
        return this.inner.backward(dy);
      }
      params() {
        return this.inner.params();
      }
      getConfig() {
        return { type: 'Wrapped' };
      }
    }
    const m = new NeuralNetwork({ seed: 1 }).add(new Wrapped(2, 3)).add(new Softmax());
    m.setLoss(new CategoricalCrossentropy()).train(X, y, { epochs: 1 });
    expect(groupsOf(m)[1]).toEqual({ type: 'SGD', groups: [{ learningRate: 0.3, params: 2 }] });
  });

  it('keeps every optimizer’s scale equal to the model’s: schedules and scale apply to every group', () => {
    const m = model([{ optimizer: 'momentum' }, { learningRate: 0.03 }, {}]);
    m.learningRateScale = 0.25;
    m.train(X, y, { epochs: 1 });
    expect(m.optimizers.map((o) => o.learningRateScale)).toEqual([0.25, 0.25]);
  });
});

describe('checks, naming the layer', () => {
  it('an unknown optimizer name fails when the layer is added', () => {
    expect(() => model([{}, { optimizer: 'adamw' as 'adam' }, {}])).toThrow(
      "NeuralNetwork.add: layer 3 (Dense): unknown optimizer 'adamw'; expected one of 'sgd', 'momentum', 'adam', 'rmsprop', 'adagrad' or an Optimizer",
    );
    const relu = new ReLU();
    const odd: Layer = {
      optimizerSettings: { learningRate: -2 },
      computeOutputShape: (shape) => shape,
      build: () => {},
      forward: (x) => relu.forward(x),
      backward: (dy: Tensor) => relu.backward(dy),
      params: () => [],
      getConfig: () => ({ type: 'Odd' }),
    };
    expect(() => new NeuralNetwork().add(odd)).toThrow(
      'NeuralNetwork.add: layer 1 (Odd): learningRate must be a finite number > 0, got -2',
    );
    expect(() => new NeuralNetwork({ optimizer: { step() {} } as never })).toThrow(
      /NeuralNetwork: unknown optimizer \[object Object\]/,
    );
  });

  it('groups the user made on the model’s optimizer stay, and must agree with the layers', () => {
    // A user's group for layer 1 at 0.05: the model groups the rest around it.
    const sgd = new SGD({ learningRate: 0.1 });
    const m = model([{}, {}, {}], { optimizer: sgd });
    sgd.addParamGroup({ params: m.layers[0]!.params(), learningRate: 0.05 });
    m.train(X, y, { epochs: 1 });
    expect(groupsOf(m)).toEqual([
      {
        type: 'SGD',
        groups: [
          { learningRate: 0.05, params: 2 },
          { learningRate: 0.1, params: 4 },
        ],
      },
    ]);

    // A layer asking for another rate (or optimizer) than the group it is in: an error, and no group added.
    const other = new SGD({ learningRate: 0.1 });
    const clash = model([{ learningRate: 0.002 }, {}, {}], { optimizer: other });
    other.addParamGroup({ params: clash.layers[0]!.params(), learningRate: 0.05 });
    expect(() => clash.train(X, y, { epochs: 1 })).toThrow(
      "train: layer 1 (Dense) asks for learningRate 0.002, but its param 'weights' is already in paramGroups[0] of the model's optimizer (SGD) (learningRate 0.05); set it in one place",
    );
    expect(other.paramGroups).toHaveLength(1);
    const named = new SGD();
    const clash2 = model([{ optimizer: 'adam' }, {}, {}], { optimizer: named });
    named.addParamGroup({ params: clash2.layers[0]!.params() });
    expect(() => clash2.groupParams()).toThrow(/layer 1 \(Dense\) asks for optimizer 'adam'/);
  });

  it('an optimizer instance serves one model', () => {
    const shared = new Adam();
    const first = model([{}, {}, {}], { optimizer: shared });
    const second = model([{}, {}, {}], { optimizer: shared });
    first.train(X, y, { epochs: 1 });
    const before = weights(first);
    expect(() => second.train(X, y, { epochs: 1 })).toThrow(
      "train: paramGroups[0] of the model's optimizer (Adam) holds param 'weights', which is not one of this model's: an optimizer instance serves one model",
    );
    expect(weights(first)).toEqual(before);
  });

  it('a param in groups of two optimizers', () => {
    const own = new Adam();
    const m = model([{ optimizer: own }, {}, {}]);
    own.addParamGroup({ params: m.layers[0]!.params() });
    m.optimizer.addParamGroup({ params: [m.layers[0]!.params()[1]!] });
    expect(() => m.groupParams()).toThrow(
      "NeuralNetwork.groupParams: param 'bias' is in paramGroups[0] of the model's optimizer (Adam) and in paramGroups[0] of optimizer 1 (Adam); a param is trained by one optimizer",
    );
  });
});
