import { createData } from '@neunet/datasets';
import {
  Conv2D,
  Dense,
  Flatten,
  type Layer,
  type LayerConfig,
  ReLU,
  Softmax,
} from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import type { Optimizer, ParamGroup } from '@neunet/optimizers';
import { type Param, type Shape, Tensor } from '@neunet/tensor';
import { describe, expect, it } from 'vitest';
import { seedNetwork } from '../test/test-networks.js';
import type { Batch } from './batch-source.js';
import type { Callback } from './callbacks/callbacks.js';
import { NeuralNetwork } from './neural-network.js';

const { X, y } = createData({ samples: 30, classes: 3, seed: 1 });
const weights = (m: NeuralNetwork) => m.getWeights().map((t) => Array.from(t.data));

/** An optimizer of the user's own that only records the gradients of its groups' params. */
function recorder(): Optimizer & { grads: number[][][] } {
  const grads: number[][][] = [];
  const paramGroups: ParamGroup[] = [];
  return {
    grads,
    learningRate: 1,
    learningRateScale: 1,
    paramGroups,
    addParamGroup(group) {
      paramGroups.push({ learningRate: 1, ...group });
      return this;
    },
    step: () => {
      grads.push(paramGroups.flatMap((g) => g.params.map((p) => Array.from(p.grad.data))));
    },
    getConfig: () => ({ type: 'Recorder', learningRate: 1 }),
    getState: () => ({ type: 'Recorder', groups: [] }),
    setState: () => {},
  };
}

function net(optimizer: Optimizer | 'adam' = 'adam', seed = 1): NeuralNetwork {
  return new NeuralNetwork({ seed, optimizer })
    .add(new Dense(2, 8))
    .add(new ReLU())
    .add(new Dense(8, 3))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
}

/** A layer that passes values through but leaves a bad value in its param's gradient. */
class BadGradient implements Layer {
  readonly param: Param = { name: 'w', value: Tensor.zeros([2]), grad: Tensor.zeros([2]) };
  computeOutputShape(inputShape: Shape) {
    return inputShape;
  }
  build() {}
  forward(x: Tensor) {
    return x;
  }
  backward(dy: Tensor) {
    this.param.grad.data[1] = Number.POSITIVE_INFINITY;
    return dy;
  }
  params() {
    return [this.param];
  }
  getConfig(): LayerConfig {
    return { type: 'BadGradient' };
  }
}

describe('training health', () => {
  it('a NaN in a layer’s output stops training naming the layer, epoch and batch, before any update', () => {
    const model = net();
    model.train(X, y, { epochs: 1, batchSize: 30 });
    (model.layers[2] as Dense).weights.value.data[5] = Number.NaN;
    const before = model.getWeights();
    expect(() => model.train(X, y, { epochs: 1, batchSize: 30 })).toThrow(
      /non-finite value at epoch 2, batch 1: layer 3 \(Dense\) output holds NaN at index \d+\. This batch changed nothing/,
    );
    expect(model.getWeights()).toEqual(before);
  });

  it('an Infinity in a gradient names its layer and param', () => {
    const model = new NeuralNetwork({ seed: 1 })
      .add(new Dense(2, 3))
      .add(new BadGradient())
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    expect(() => model.train(X, y, { epochs: 3 })).toThrow(
      /epoch 1, batch 1: layer 2 \(BadGradient\) gradient of 'w' holds Infinity at index 1/,
    );
  });

  it("trains on with onNonFinite: 'continue' and records the NaN", () => {
    const model = net();
    (model.layers[0] as Dense).weights.value.data[0] = Number.NaN;
    const history = model.train(X, y, { epochs: 2, onNonFinite: 'continue' });
    expect(history.loss.every(Number.isNaN)).toBe(true);
  });
});

describe('gradient clipping', () => {
  const raw = recorder();
  net(raw).train(X, y, { epochs: 1, batchSize: 0 });
  const grads = raw.grads[0]!;

  it('by value clamps every element', () => {
    const clipped = recorder();
    net(clipped).train(X, y, { epochs: 1, batchSize: 0, clipValue: 0.01 });
    expect(grads.flat().some((g) => Math.abs(g) > 0.01)).toBe(true);
    expect(clipped.grads[0]).toEqual(
      grads.map((p) => p.map((g) => Math.fround(Math.min(0.01, Math.max(-0.01, g))))),
    );
  });

  it('by norm rescales all gradients together to the global norm', () => {
    const norm = Math.sqrt(grads.flat().reduce((s, g) => s + g * g, 0));
    const clipped = recorder();
    net(clipped).train(X, y, { epochs: 1, batchSize: 0, clipNorm: norm / 4 });
    const got = clipped.grads[0]!.flat();
    got.forEach((g, i) => {
      expect(g).toBeCloseTo(grads.flat()[i]! / 4, 6);
    });
    const under = recorder();
    net(under).train(X, y, { epochs: 1, batchSize: 0, clipNorm: norm * 2 });
    expect(under.grads[0]).toEqual(grads);
  });

  it('rejects a bad clip setting', () => {
    expect(() => net().train(X, y, { clipNorm: 0 })).toThrow(
      /clipNorm must be a finite number > 0, got 0/,
    );
  });
});

describe('diagnostics', () => {
  it('reports dead ReLU units and per-layer gradient norms per epoch', () => {
    const rec = recorder();
    const model = net(rec);
    const first = model.layers[0] as Dense;
    // Units 0 and 3 can never fire: their bias is far below any input's reach.
    first.bias.value.data[0] = -1e3;
    first.bias.value.data[3] = -1e3;
    const history = model.train(X, y, { epochs: 2, batchSize: 0, diagnostics: true });
    expect(history.diagnostics).toHaveLength(2);
    const [dense1, relu, dense2] = history.diagnostics![0]!;
    expect(relu).toEqual({ layer: 1, type: 'ReLU', deadUnits: 2, units: 8 });
    const layerNorm = (params: number[][]) =>
      Math.sqrt(params.flat().reduce((s, g) => s + g * g, 0));
    expect(dense1!.gradientNorm).toBeCloseTo(layerNorm(rec.grads[0]!.slice(0, 2)), 5);
    expect(dense2!.gradientNorm).toBeCloseTo(layerNorm(rec.grads[0]!.slice(2, 4)), 5);
  });

  it('counts the channels of a convolution as its units: a filter is dead when it fires nowhere', () => {
    const model = new NeuralNetwork({ seed: 2 })
      .add(new Conv2D({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 1] }))
      .add(new Flatten())
      .add(new Dense({ units: 3 }))
      .add(new Softmax());
    model.setLoss(new CategoricalCrossentropy());
    const conv = model.layers[0] as Conv2D;
    conv.bias!.value.data[2] = -1e3;
    const images = Tensor.zeros([y.length, 6, 6, 1]);
    images.data.forEach((_, i) => {
      images.data[i] = Math.sin(i);
    });
    const history = model.train(images, y, { epochs: 1, batchSize: 10, diagnostics: true });
    expect(history.diagnostics![0]![0]).toMatchObject({ type: 'Conv2D', deadUnits: 1, units: 4 });
  });
});

describe('trainAsync', () => {
  it('gives bit for bit what train gives', async () => {
    const a = seedNetwork(4);
    const b = seedNetwork(4);
    const sync = a.train(X, y, { epochs: 3 });
    const async = await b.trainAsync(X, y, { epochs: 3 });
    expect(async).toEqual(sync);
    expect(weights(b)).toEqual(weights(a));
  });

  it('lets the event loop run between every two batches and reports progress', async () => {
    let turnPending = false;
    const progress: string[] = [];
    await net().trainAsync(X, y, {
      epochs: 2,
      batchSize: 30,
      onProgress: (p) => {
        // The setImmediate queued after the previous batch must have run by now.
        expect(turnPending).toBe(false);
        turnPending = true;
        setImmediate(() => {
          turnPending = false;
        });
        progress.push(`${p.epoch}/${p.epochs} ${p.batch}/${p.batches}`);
      },
    });
    expect(progress).toEqual(['0/2 0/3', '0/2 1/3', '0/2 2/3', '1/2 0/3', '1/2 1/3', '1/2 2/3']);
  });

  it('stops on abort between batches, leaving the model as a stop after that batch would', async () => {
    const controller = new AbortController();
    const model = seedNetwork(5);
    const history = await model.trainAsync(X, y, {
      epochs: 5,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.epoch === 1 && p.batch === 1) controller.abort();
      },
    });
    expect(history.aborted).toBe(true);
    expect(history.loss).toHaveLength(1);
    expect(history.stoppedEpoch).toBe(1);
    expect(model.epochsTrained).toBe(1);

    const reference = seedNetwork(5);
    const stopper: Callback = {
      onBatchEnd: (batch, _, context) => {
        if (reference.epochsTrained === 1 && batch === 1) context.stop();
      },
    };
    reference.train(X, y, { epochs: 5, callbacks: [stopper] });
    expect(weights(model)).toEqual(weights(reference));
    expect(model.predictProba(X).data.every(Number.isFinite)).toBe(true);
  });

  it('trains from a re-iterable async source of batches as from the same tensors', async () => {
    const source = {
      async *[Symbol.asyncIterator](): AsyncGenerator<Batch> {
        for (let start = 0; start < X.rows; start += 32) {
          const end = Math.min(X.rows, start + 32);
          yield { x: X.sliceRows(start, end), y: y.subarray(start, end) };
        }
      },
    };
    const a = seedNetwork(6);
    const b = seedNetwork(6);
    const fromTensors = a.train(X, y, { epochs: 3, batchSize: 32, shuffle: false });
    const fromSource = await b.trainAsync(source, { epochs: 3, validationData: [X, y] });
    expect(fromSource.loss).toEqual(fromTensors.loss);
    // train takes the same source and answers with a Promise.
    const c = seedNetwork(6);
    expect((await c.train(source, { epochs: 3 })).loss).toEqual(fromTensors.loss);
    expect(fromSource.accuracy).toEqual(fromTensors.accuracy);
    expect(fromSource.val_loss).toHaveLength(3);
    expect(weights(b)).toEqual(weights(a));
  });

  it('names a one-shot generator and a bad batch', async () => {
    async function* once(): AsyncGenerator<Batch> {
      yield { x: X, y };
    }
    await expect(net().trainAsync(once(), { epochs: 2 })).rejects.toThrow(
      /yielded no batches in epoch 2; .*a generator object runs only once/,
    );
    async function* wrongWidth(): AsyncGenerator<Batch> {
      yield { x: Tensor.zeros([4, 3]), y: new Int32Array(4) };
    }
    await expect(net().trainAsync(wrongWidth(), { epochs: 1 })).rejects.toThrow(
      /batch 1 of epoch 1: X has per-sample shape \[3\] but the model is built for \[2\]/,
    );
  });
});
