import { createData } from '@neunet/datasets';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { SGD } from '@neunet/optimizers';
import { describe, expect, it } from 'vitest';
import { seedNetwork } from '../../test/test-networks.js';
import { NeuralNetwork } from '../neural-network.js';
import type { Callback, EpochLogs, TrainingContext } from './callbacks.js';
import { CSVLogger } from './csv-logger.js';
import { EarlyStopping } from './early-stopping.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';
import { ModelCheckpoint } from './model-checkpoint.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { TerminateOnNaN } from './terminate-on-nan.js';

const { X, y } = createData({ samples: 30, classes: 3, seed: 1 });
const { X: Xv, y: yv } = createData({ samples: 10, classes: 3, seed: 2 });

function net(learningRate = 0.05, seed = 1): NeuralNetwork {
  return new NeuralNetwork({ seed, optimizer: new SGD({ learningRate }) })
    .add(new Dense(2, 16))
    .add(new ReLU())
    .add(new Dense(16, 3))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
}

const weights = (m: NeuralNetwork) => m.getWeights().map((t) => Array.from(t.data));

/** Records every epoch's logs and weights, to compare a callback's choices with. */
class Recorder implements Callback {
  readonly logs: EpochLogs[] = [];
  readonly weights: number[][][] = [];
  onEpochEnd(_: number, logs: EpochLogs, context: TrainingContext): void {
    this.logs.push({ ...logs });
    this.weights.push(context.model.getWeights().map((t) => Array.from(t.data)));
  }
}

describe('EarlyStopping', () => {
  it('watches val_accuracy upwards (mode auto), stops after patience and restores the best epoch', () => {
    const recorder = new Recorder();
    const early = new EarlyStopping({ monitor: 'val_accuracy', patience: 3, minDelta: 0.01 });
    const model = net(0.5);
    model.train(X, y, { epochs: 200, validationData: [Xv, yv], callbacks: [recorder, early] });
    const values = recorder.logs.map((l) => l.val_accuracy!);
    // Replay the rule by hand: an epoch improves when it beats the best by more than 0.01.
    let best = -Infinity;
    let bestEpoch = -1;
    let stopped = -1;
    for (let e = 0, wait = 0; e < values.length; e++) {
      if (values[e]! > best + 0.01) {
        best = values[e]!;
        bestEpoch = e;
        wait = 0;
      } else if (++wait >= 3) {
        stopped = e;
        break;
      }
    }
    expect(stopped).toBeGreaterThan(-1);
    expect(early.stoppedEpoch).toBe(stopped);
    expect(early.bestEpoch).toBe(bestEpoch);
    expect(values).toHaveLength(stopped + 1);
    expect(weights(model)).toEqual(recorder.weights[bestEpoch]);
  });

  it('keeps the last weights with restoreBestWeights: false', () => {
    const recorder = new Recorder();
    const model = net(0.5);
    const early = new EarlyStopping({
      monitor: 'val_loss',
      patience: 1,
      restoreBestWeights: false,
    });
    model.train(X, y, { epochs: 200, validationData: [Xv, yv], callbacks: [recorder, early] });
    expect(early.stoppedEpoch).toBeDefined();
    expect(weights(model)).toEqual(recorder.weights.at(-1));
  });

  it('is exactly what train’s patience means, with the same defaults: no wait for epoch 100', () => {
    for (const extra of [{}, { validationData: [Xv, yv] as [typeof Xv, typeof yv] }]) {
      const a = seedNetwork(1).train(X, y, { epochs: 300, patience: 5, ...extra });
      const early = new EarlyStopping({ patience: 5 });
      const b = seedNetwork(1).train(X, y, { epochs: 300, callbacks: [early], ...extra });
      expect(a.stoppedEpoch).toBeDefined();
      // One rule: neither form waits for the seed's epoch 100 unless told to.
      expect(a.stoppedEpoch).toBeLessThan(99);
      expect(b.loss).toEqual(a.loss);
      expect(b.stoppedEpoch).toBe(a.stoppedEpoch);
      expect(b.bestEpoch).toBe(a.bestEpoch);
      expect(early.monitor).toBe('validationData' in extra ? 'val_loss' : 'loss');
    }
  });

  it('ignores the epochs before startFromEpoch entirely, as Keras’s start_from_epoch', () => {
    const recorder = new Recorder();
    const early = new EarlyStopping({ monitor: 'val_loss', patience: 2, startFromEpoch: 30 });
    const model = net(0.5);
    model.train(X, y, { epochs: 300, validationData: [Xv, yv], callbacks: [recorder, early] });
    const values = recorder.logs.map((l) => l.val_loss!);
    let best = Infinity;
    let bestEpoch = -1;
    let stopped = -1;
    for (let e = 30, wait = 0; e < values.length; e++) {
      if (values[e]! < best) {
        best = values[e]!;
        bestEpoch = e;
        wait = 0;
      } else if (++wait >= 2) {
        stopped = e;
        break;
      }
    }
    expect(stopped).toBeGreaterThanOrEqual(31);
    expect(early.stoppedEpoch).toBe(stopped);
    expect(early.bestEpoch).toBe(bestEpoch);
    expect(weights(model)).toEqual(recorder.weights[bestEpoch]);
    const sugar = net(0.5).train(X, y, {
      epochs: 300,
      validationData: [Xv, yv],
      patience: 2,
      startFromEpoch: 30,
    });
    expect(sugar.stoppedEpoch).toBe(stopped);
    expect(sugar.bestEpoch).toBe(bestEpoch);
  });

  it('names a figure that is not logged', () => {
    expect(() =>
      net().train(X, y, {
        epochs: 2,
        callbacks: [new EarlyStopping({ monitor: 'val_loss', patience: 1 })],
      }),
    ).toThrow(/'val_loss' is not in the epoch's logs \(loss, accuracy\); pass validationData/);
  });
});

describe('learning-rate callbacks', () => {
  it('ReduceLROnPlateau multiplies the rates by factor after patience stalled epochs', () => {
    // A rate so small that nothing changes: every epoch after the first is a stall.
    const model = net(1e-30);
    const reduce = new ReduceLROnPlateau({
      monitor: 'loss',
      factor: 0.5,
      patience: 2,
      cooldown: 2,
    });
    model.train(X, y, { epochs: 10, batchSize: 0, shuffle: false, callbacks: [reduce] });
    // Keras's rule: stalls at epochs 1, 2 → reduce at 2; the cooldown covers 3 and 4, where
    // the count restarts with the stall of 4; 4, 5 → reduce at 5; 7, 8 → reduce at 8.
    expect(reduce.reductions).toEqual([2, 5, 8]);
    expect(model.learningRateScale).toBe(0.125);
  });

  it('LearningRateScheduler’s scale acts from its epoch on, exactly as setting learningRateScale by hand', () => {
    const scaled = net(0.1);
    scaled.train(X, y, {
      epochs: 3,
      callbacks: [new LearningRateScheduler((epoch) => (epoch === 0 ? 1 : 0.5))],
    });
    const plain = net(0.1);
    plain.train(X, y, { epochs: 1 });
    const halved = NeuralNetwork.fromBytes(plain.toBytes());
    halved.learningRateScale = 0.5;
    halved.train(X, y, { epochs: 2 });
    expect(weights(scaled)).toEqual(weights(halved));
    expect(scaled.learningRateScale).toBe(0.5);
  });

  it('LearningRateScheduler counts epochs over the whole training, across a save and load', () => {
    const seen: number[] = [];
    const schedule = (epoch: number) => {
      seen.push(epoch);
      return 1 / (1 + epoch);
    };
    const model = net();
    model.train(X, y, { epochs: 2, callbacks: [new LearningRateScheduler(schedule)] });
    const loaded = NeuralNetwork.fromBytes(model.toBytes());
    loaded.train(X, y, { epochs: 2, callbacks: [new LearningRateScheduler(schedule)] });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(loaded.learningRateScale).toBe(1 / 4);
    expect(() =>
      net().train(X, y, { epochs: 1, callbacks: [new LearningRateScheduler(() => -1)] }),
    ).toThrow(/the schedule gave -1 for epoch 0; expected a finite number > 0/);
  });
});

describe('ModelCheckpoint, TerminateOnNaN, CSVLogger and user callbacks', () => {
  it('ModelCheckpoint with bestOnly saves exactly the improving epochs, loadable as they were', () => {
    const recorder = new Recorder();
    const files = new Map<number, Uint8Array>();
    const checkpoint = new ModelCheckpoint({
      bestOnly: true,
      write: (bytes, epoch) => files.set(epoch, bytes),
    });
    const model = seedNetwork(2);
    model.train(X, y, { epochs: 30, validationData: [Xv, yv], callbacks: [recorder, checkpoint] });
    let best = Infinity;
    const improving: number[] = [];
    recorder.logs.forEach((l, e) => {
      if (l.val_loss! < best) {
        best = l.val_loss!;
        improving.push(e);
      }
    });
    expect(checkpoint.saved).toEqual(improving);
    expect([...files.keys()]).toEqual(improving);
    const last = improving.at(-1)!;
    const restored = NeuralNetwork.fromBytes(files.get(last)!);
    expect(weights(restored)).toEqual(recorder.weights[last]);
    expect(restored.evaluate(Xv, yv).loss).toBeCloseTo(recorder.logs[last]!.val_loss!, 6);
  });

  it('TerminateOnNaN ends training after the first non-finite batch loss', () => {
    const model = net();
    const terminate = new TerminateOnNaN();
    const poison: Callback = {
      onEpochEnd: (epoch) => {
        if (epoch === 2) (model.layers[0] as Dense).weights.value.data[3] = Number.NaN;
      },
    };
    const history = model.train(X, y, {
      epochs: 50,
      batchSize: 30,
      onNonFinite: 'continue',
      callbacks: [poison, terminate],
    });
    expect(terminate.stoppedBatch).toBe(0);
    expect(history.loss).toHaveLength(3);
    expect(history.stoppedEpoch).toBe(3);
    expect(model.epochsTrained).toBe(3);
  });

  it('CSVLogger writes a header and one full-precision row per epoch', () => {
    const lines: string[] = [];
    const history = net().train(X, y, {
      epochs: 4,
      validationSplit: 0.2,
      callbacks: [new CSVLogger({ write: (line) => lines.push(line) })],
    });
    expect(lines[0]).toBe('epoch,loss,accuracy,val_loss,val_accuracy');
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => r[1])).toEqual(history.loss);
    expect(rows.map((r) => r[4])).toEqual(history.val_accuracy);
  });

  it('runs user callbacks’ hooks in order', () => {
    const calls: string[] = [];
    const user: Callback = {
      onTrainBegin: () => calls.push('begin'),
      onEpochBegin: (e) => calls.push(`epoch ${e}`),
      onBatchEnd: (b, logs) => calls.push(`batch ${b} (${logs.size})`),
      onEpochEnd: (e, logs) => calls.push(`end ${e} ${Number.isFinite(logs.loss)}`),
      onTrainEnd: () => calls.push('done'),
    };
    net().train(X, y, { epochs: 2, batchSize: 50, callbacks: [user] });
    expect(calls).toEqual([
      'begin',
      'epoch 0',
      'batch 0 (50)',
      'batch 1 (40)',
      'end 0 true',
      'epoch 1',
      'batch 0 (50)',
      'batch 1 (40)',
      'end 1 true',
      'done',
    ]);
  });
});
