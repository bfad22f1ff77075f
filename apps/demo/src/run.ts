import type { Callback, History, NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import { type Split, TASKS, type Task, type TaskName } from './tasks.js';

/** What a run trains on and how: `pnpm demo`'s options without its file paths. */
export interface RunOptions {
  dataset: TaskName;
  /** Model seed: weights, shuffling, dropout. */
  seed: number;
  dataSeed: number;
  /** The task's own epoch count when absent. */
  epochs?: number;
}

/** What `pnpm demo` runs when given no options; its tests run the same. */
export const DEFAULT_RUN = {
  dataset: 'spiral',
  seed: 42,
  dataSeed: 0,
} as const satisfies RunOptions;

/** A run's data and its untrained network, ready for `trainRun`. */
export interface Run {
  task: Task;
  split: Split<Int32Array | Tensor>;
  model: NeuralNetwork;
  epochs: number;
}

/** Loads the task's data with the data seed and builds its network with the model seed. */
export function prepareRun(options: RunOptions): Run {
  const task: Task = TASKS[options.dataset];
  return {
    task,
    split: task.load(options.dataSeed),
    model: task.build(options.seed),
    epochs: options.epochs ?? task.train.epochs,
  };
}

/** Trains the run's network as its task prescribes; `callbacks` only watch. */
export function trainRun(run: Run, callbacks: Callback[] = []): History {
  const { task, split, model, epochs } = run;
  return model.train(split.XTrain, split.yTrain, {
    ...task.train,
    epochs,
    callbacks,
    ...(task.monitorTest && { validationData: [split.XTest, split.yTest] }),
  });
}
