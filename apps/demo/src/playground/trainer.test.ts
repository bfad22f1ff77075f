import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PlaygroundSettings } from './settings.js';
import { OUTPUT_GRID, Trainer, UNIT_GRID } from './trainer.js';

const settings: PlaygroundSettings = { ...DEFAULT_SETTINGS, hidden: [4, 3], batchSize: 32 };

describe('the playground trainer', () => {
  it('gives the same run bit for bit whether stepped batch by batch or epoch by epoch', () => {
    const byEpoch = new Trainer(settings);
    const byStep = new Trainer(settings);
    expect(byStep.batchesPerEpoch).toBe(Math.ceil(200 / 32));
    for (let epoch = 1; epoch <= 3; epoch++) {
      byEpoch.trainEpoch();
      let ended = false;
      for (let b = 0; b < byStep.batchesPerEpoch; b++) {
        expect(ended).toBe(false);
        ended = byStep.step();
      }
      expect(ended).toBe(true);
      expect(byStep.epoch).toBe(epoch);
      expect(byStep.measure()).toEqual(byEpoch.measure());
    }
    expect(byStep.model.getWeights()).toEqual(byEpoch.model.getWeights());
  });

  it("counts the model's epochs, not its batches, and leaves its history empty", () => {
    const trainer = new Trainer(settings);
    for (let b = 0; b < 2 * trainer.batchesPerEpoch + 1; b++) trainer.step();
    expect(trainer.epoch).toBeCloseTo(2 + 1 / trainer.batchesPerEpoch);
    expect(trainer.model.epochsTrained).toBe(2);
    expect(trainer.model.history.loss).toEqual([]);
  });

  it('is not changed by measuring or snapshotting it, with BatchNormalization and Dropout', () => {
    const noisy = { ...settings, batchNorm: true, dropout: 0.2 };
    const watched = new Trainer(noisy);
    const alone = new Trainer(noisy);
    for (let b = 0; b < 2 * watched.batchesPerEpoch; b++) {
      watched.step();
      watched.measure();
      watched.snapshot();
      alone.step();
    }
    expect(watched.model.getWeights()).toEqual(alone.model.getWeights());
    expect(watched.measure()).toEqual(alone.measure());
  });

  it('learns the circles: the test loss falls', () => {
    const trainer = new Trainer({ ...settings, hidden: [6], learningRate: 0.05 });
    const before = trainer.measure();
    for (let i = 0; i < 20; i++) trainer.trainEpoch();
    const after = trainer.measure();
    expect(after.testLoss).toBeLessThan(0.5 * before.testLoss);
    expect(after.testMetric).toBeGreaterThan(0.9);
  });

  it("snapshots each hidden unit's output over the plane, matching predictProba at the output", () => {
    const trainer = new Trainer({ ...settings, features: ['x1', 'x2', 'x1sq'] });
    trainer.trainEpoch();
    const { units, output, network } = trainer.snapshot();
    expect(units.map((u) => u.length)).toEqual([UNIT_GRID ** 2 * 4, UNIT_GRID ** 2 * 3]);
    expect(output.length).toBe(OUTPUT_GRID ** 2 * 2);
    expect(network.layers.map((l) => l.neurons)).toEqual([3, 4, 3, 2]);
    // Tanh units lie in (-1, 1) and the softmax rows sum to 1.
    expect(units.every((u) => u.every((v) => Math.abs(v) < 1))).toBe(true);
    for (let i = 0; i < OUTPUT_GRID ** 2; i += 97) {
      expect(output[2 * i]! + output[2 * i + 1]!).toBeCloseTo(1, 5);
    }
  });

  it('shrinks the weights under an L2 penalty, and zeroes many under an L1 one', () => {
    const trained = (l1: number, l2: number) => {
      const trainer = new Trainer({ ...settings, hidden: [8], l1, l2 });
      for (let i = 0; i < 15; i++) trainer.trainEpoch();
      // Dense weights only: the biases carry no penalty.
      return trainer.model
        .getWeights()
        .filter((w) => w.rows > 1)
        .flatMap((w) => Array.from(w.data));
    };
    const squares = (w: number[]) => w.reduce((s, v) => s + v * v, 0);
    const free = trained(0, 0);
    expect(squares(trained(0, 0.05))).toBeLessThan(0.5 * squares(free));
    const small = (w: number[]) => w.filter((v) => Math.abs(v) < 0.05).length;
    expect(small(trained(0.02, 0))).toBeGreaterThan(small(free) + 5);
  });

  it('reports the data losses, without the L1/L2 penalty that training minimises', () => {
    const penalised = new Trainer({ ...settings, l1: 0.1, l2: 0.5 });
    for (let i = 0; i < 2; i++) penalised.trainEpoch();
    // The same weights under a loss without a penalty: the data losses alone.
    const free = new Trainer(settings);
    free.model.setWeights(penalised.model.getWeights());
    const [a, b] = [penalised.measure(), free.measure()];
    expect(a.trainLoss).toBeCloseTo(b.trainLoss, 5);
    expect(a.testLoss).toBeCloseTo(b.testLoss, 5);
    expect(a.testLoss).not.toBeCloseTo(a.trainLoss, 2);
  });

  it('fits a regression data set with one linear output and mean squared error', () => {
    const trainer = new Trainer({ ...settings, dataset: 'plane', noise: 0, hidden: [] });
    expect(trainer.data.classes).toBe(0);
    const before = trainer.measure();
    for (let i = 0; i < 30; i++) trainer.trainEpoch();
    const after = trainer.measure();
    expect(after.testLoss).toBeLessThan(0.01 * before.testLoss);
    expect(trainer.snapshot().units).toEqual([]);
  });
});
