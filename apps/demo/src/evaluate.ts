import {
  calculateAccuracy,
  classificationReport,
  confusionMatrix,
  formatConfusionMatrix,
  meanAbsoluteError,
  precisionRecallF1,
  r2Score,
  rootMeanSquaredError,
} from '@neunet/metrics';
import type { NeuralNetwork } from '@neunet/model';
import type { Tensor } from '@neunet/tensor';
import { classesOf, predictProbaInBatches } from './predictions.js';
import type { Split, Task } from './tasks.js';

/** A scored run: named figures for the run table, and what the terminal prints. */
export interface Evaluation {
  figures: [string, number][];
  /** Where the figures were measured: 'test', or 'training data' for a run without a test part. */
  scored: string;
  /** The loss (penalty included) of the weights the model ended with, in inference mode. */
  loss: number;
  text: string;
  confusion?: number[][];
  /** A classifier's predicted class of each test sample. */
  predicted?: Int32Array;
}

/** Scores the trained model on the task's test data with the metrics that fit the task. */
export function evaluate(
  task: Task,
  model: NeuralNetwork,
  split: Split<Int32Array | Tensor>,
): Evaluation {
  const scored = split.XTest === split.XTrain ? 'training data' : 'test';
  // The weights kept (early stopping's restored ones, if it restored), as the report shows them.
  const { loss } = model.evaluate(split.XTest, split.yTest);
  if (task.kind === 'regression') {
    const truth = split.yTest as Tensor;
    const pred = predictProbaInBatches(model, split.XTest);
    const figures: [string, number][] = [
      [`R² (${scored})`, r2Score(truth, pred)],
      [`RMSE (${scored})`, rootMeanSquaredError(truth, pred)],
      [`MAE (${scored})`, meanAbsoluteError(truth, pred)],
      [`loss (${scored})`, loss],
    ];
    return {
      figures,
      scored,
      loss,
      text: figures.map(([k, v]) => `${k}: ${v.toFixed(4)}`).join('\n'),
    };
  }
  const truth = split.yTest as Int32Array;
  const proba = predictProbaInBatches(model, split.XTest);
  const predicted = classesOf(proba);
  const classNames = split.classNames;
  const confusion = confusionMatrix(truth, predicted, classNames ? { classNames } : {});
  const accuracy = calculateAccuracy(truth, proba);
  const macro = precisionRecallF1(truth, predicted).macro;
  return {
    figures: [
      [`accuracy (${scored})`, accuracy],
      [`macro F1 (${scored})`, macro.f1],
      [`loss (${scored})`, loss],
    ],
    scored,
    loss,
    confusion,
    predicted,
    text: [
      `Final Accuracy (${scored}): ${accuracy.toFixed(4)}`,
      `Final Loss (${scored}): ${loss.toFixed(4)}`,
      '',
      `Confusion matrix (rows: true class, columns: predicted)\n${formatConfusionMatrix(confusion, classNames ? { classNames } : {})}`,
      '',
      classificationReport(truth, predicted, { digits: 4, ...(classNames && { classNames }) }),
    ].join('\n'),
  };
}
