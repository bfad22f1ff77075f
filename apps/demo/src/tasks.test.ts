import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { TASKS, type Task, type TaskName } from './tasks.js';

/** Trains a task as `pnpm demo --dataset <name>` does and returns its test figures. */
function run(name: TaskName, seed = 0): Record<string, number> {
  const task: Task = TASKS[name];
  const split = task.load(seed);
  const model = task.build(seed);
  model.train(split.XTrain, split.yTrain, task.train);
  const evaluation = evaluate(task, model, split);
  console.log(`${name}: ${evaluation.figures.map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}`);
  return Object.fromEntries(evaluation.figures);
}

describe('what pnpm demo --dataset <name> reaches on held-out data', () => {
  it('iris: at least 0.93 test accuracy on a stratified 70/30 split', () => {
    expect(run('iris')['accuracy (test)']).toBeGreaterThanOrEqual(0.93);
  });

  it('digits: Dense 784-256-128-10 reaches at least 0.94 on 20% of the 10,000 real digits in 20 epochs', () => {
    expect(run('digits')['accuracy (test)']).toBeGreaterThanOrEqual(0.94);
  }, 120_000);

  it('moons (noise 0.1) and circles (noise 0.05, factor 0.5): at least 0.97 test accuracy', () => {
    expect(run('moons')['accuracy (test)']).toBeGreaterThanOrEqual(0.97);
    expect(run('circles')['accuracy (test)']).toBeGreaterThanOrEqual(0.97);
  }, 60_000);

  it('sine regression: R² at least 0.98 on the test part', () => {
    expect(run('sine')['R² (test)']).toBeGreaterThanOrEqual(0.98);
  }, 60_000);
});
