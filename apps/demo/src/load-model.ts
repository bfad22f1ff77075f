import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ModelFormatError, NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import { MODEL_FILE } from './args.js';
import type { Split, Task } from './tasks.js';
import { UsageError } from './usage-error.js';

/**
 * Reads the model `--load` names (relative to `base`) and checks that it fits the data set
 * the run evaluates it on, so that every mistake is one line naming the fix.
 */
export function loadModel(
  given: string,
  base: string,
  dataset: string,
  task: Task,
  split: Split<Int32Array | Tensor>,
): NeuralNetwork {
  const path = resolve(base, given);
  const retrain = `train one with \`pnpm demo --dataset ${dataset}\` first, or load a model trained on ${dataset}`;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') {
      throw new UsageError(
        `--load ${given}: ${path} is a folder; name the model file itself, such as ${join(given, MODEL_FILE)}`,
      );
    }
    const problem =
      code === 'ENOENT' ? `there is no file ${path}` : `cannot read ${path} (${code})`;
    throw new UsageError(`--load ${given}: ${problem}; ${retrain}`);
  }
  let model: NeuralNetwork;
  try {
    model = NeuralNetwork.fromBytes(bytes);
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error;
    throw new UsageError(
      `--load ${given}: not a model pnpm demo can read (${error.message}); load a file that pnpm demo saved (--save)`,
    );
  }
  const sample = split.XTest.shape.slice(1);
  const takes = model.inputShape ?? model.layers[0]?.inputShape;
  if (takes?.join() !== sample.join()) {
    // A table's samples have one axis, counted as features; images name their shape.
    const problem =
      sample.length === 1 && (takes === undefined || takes.length === 1)
        ? `the model was trained for ${count(width(takes), 'input feature')}, but the ${dataset} data set has ${sample[0]}`
        : `the model takes samples of shape ${shapeText(takes)}, but the ${dataset} data set's are ${shapeText(sample)}`;
    throw new UsageError(`--load ${given}: ${problem}; ${retrain}`);
  }
  const wanted = outputsFor(task, split);
  const outputs = width(model.outputShape);
  if (outputs !== wanted) {
    const what = task.kind === 'regression' ? 'target value' : 'class';
    throw new UsageError(
      `--load ${given}: the model predicts ${count(outputs, what)}, but the ${dataset} data set has ${wanted}; ${retrain}`,
    );
  }
  return model;
}

/** The output width a network for this data needs: one per class, or one per target column. */
function outputsFor(task: Task, split: Split<Int32Array | Tensor>): number {
  if (task.kind === 'regression') return (split.yTrain as Tensor).cols;
  if (split.classNames) return split.classNames.length;
  const labels = [...(split.yTrain as Int32Array), ...(split.yTest as Int32Array)];
  return Math.max(...labels) + 1;
}

/** The width of a shape of one axis; undefined for any other. */
function width(shape: readonly number[] | undefined): number | undefined {
  return shape?.length === 1 ? shape[0] : undefined;
}

function shapeText(shape: readonly number[] | undefined): string {
  return shape ? `[${shape.join(', ')}]` : 'unknown';
}

/** "1 class", "3 classes", "4 input features". */
function count(n: number | undefined, noun: string): string {
  if (n === undefined) return `an unknown number of ${noun}s`;
  return `${n} ${noun}${n === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;
}
