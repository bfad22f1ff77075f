import { createData } from '@neunet/datasets';
import { Dense, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { describe, expect, it } from 'vitest';
import { CSVLogger } from './callbacks/csv-logger.js';
import { EarlyStopping } from './callbacks/early-stopping.js';
import { ModelCheckpoint } from './callbacks/model-checkpoint.js';
import { ProgressLogger } from './callbacks/progress-logger.js';
import { ReduceLROnPlateau } from './callbacks/reduce-lr-on-plateau.js';
import { NeuralNetwork } from './neural-network.js';

const { X, y } = createData({ samples: 20, classes: 3, seed: 1 });

function model(): NeuralNetwork {
  const m = new NeuralNetwork({ seed: 3 });
  m.add(new Dense(2, 3)).add(new Softmax());
  m.setLoss(new CategoricalCrossentropy());
  m.train(X, y, { epochs: 1 });
  return m;
}

const state = (m: NeuralNetwork) => ({
  weights: m.getWeights().map((t) => Array.from(t.data)),
  epochsTrained: m.epochsTrained,
  history: structuredClone(m.history),
});

// In JavaScript a misspelt option was ignored: `train(X, y, { batch_size: 200, epoch: 5 })`
// trained with the defaults. Each must fail before anything changes.
describe('model options: an unknown key is an error naming it and the nearest valid name', () => {
  it('train rejects snake_case and misspelt keys and leaves the model as it was', () => {
    const m = model();
    const before = state(m);
    expect(() => m.train(X, y, { validation_split: 0.25, batch_size: 200 } as never)).toThrow(
      "train: unknown option 'validation_split'; did you mean 'validationSplit'?",
    );
    expect(() => m.train(X, y, { epoch: 5 } as never)).toThrow(
      "train: unknown option 'epoch'; did you mean 'epochs'?",
    );
    expect(() => m.train(X, y, { signal: new AbortController().signal } as never)).toThrow(
      "train: unknown option 'signal'",
    );
    expect(() => m.train(X, y, [] as never)).toThrow('train: options must be an object');
    expect(state(m)).toEqual(before);
  });

  it('trainAsync rejects them too, for tensors and for a batch source', async () => {
    const m = model();
    const before = state(m);
    await expect(m.trainAsync(X, y, { batchsize: 4 } as never)).rejects.toThrow(
      "trainAsync: unknown option 'batchsize'; did you mean 'batchSize'?",
    );
    const source = {
      async *[Symbol.asyncIterator]() {
        yield { x: X, y };
      },
    };
    await expect(m.trainAsync(source, { on_progress: () => {} } as never)).rejects.toThrow(
      "trainAsync: unknown option 'on_progress'; did you mean 'onProgress'?",
    );
    await expect(m.train(source, { epoch: 2 } as never)).rejects.toThrow(
      "trainAsync: unknown option 'epoch'; did you mean 'epochs'?",
    );
    expect(state(m)).toEqual(before);
    await m.trainAsync(X, y, {
      epochs: 1,
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(m.epochsTrained).toBe(before.epochsTrained + 1);
  });

  it('predict, predictProba and evaluate reject them', () => {
    const m = model();
    expect(() => m.predict(X, { batch_size: 8 } as never)).toThrow(
      "predict: unknown option 'batch_size'; did you mean 'batchSize'?",
    );
    expect(() => m.predictProba(X, { batch: 8 } as never)).toThrow(
      "predictProba: unknown option 'batch'; expected one of batchSize",
    );
    expect(() => m.evaluate(X, y, { metric: ['mae'] } as never)).toThrow(
      "evaluate: unknown option 'metric'; did you mean 'metrics'?",
    );
  });

  it('the constructor and the callbacks reject them', () => {
    expect(() => new NeuralNetwork({ learning_rate: 0.1 } as never)).toThrow(
      "NeuralNetwork: unknown option 'learning_rate'; did you mean 'learningRate'?",
    );
    expect(() => new EarlyStopping({ patience: 2, min_delta: 0.1 } as never)).toThrow(
      "EarlyStopping: unknown option 'min_delta'; did you mean 'minDelta'?",
    );
    expect(() => new ReduceLROnPlateau({ factr: 0.5 } as never)).toThrow(
      "ReduceLROnPlateau: unknown option 'factr'; did you mean 'factor'?",
    );
    expect(() => new ModelCheckpoint({ write: () => {}, best_only: true } as never)).toThrow(
      "ModelCheckpoint: unknown option 'best_only'; did you mean 'bestOnly'?",
    );
    expect(() => new CSVLogger({ write: () => {}, apend: true } as never)).toThrow(
      "CSVLogger: unknown option 'apend'; did you mean 'append'?",
    );
    expect(() => new ProgressLogger({ verbos: 2 } as never)).toThrow(
      "ProgressLogger: unknown option 'verbos'; did you mean 'verbose'?",
    );
  });
});
