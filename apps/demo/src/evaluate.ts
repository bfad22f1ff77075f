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
  if (task.kind === 'regression') {
    const truth = split.yTest as Tensor;
    const pred = predictProbaInBatches(model, split.XTest);
    const figures: [string, number][] = [
      ['R² (test)', r2Score(truth, pred)],
      ['RMSE (test)', rootMeanSquaredError(truth, pred)],
      ['MAE (test)', meanAbsoluteError(truth, pred)],
    ];
    return { figures, text: figures.map(([k, v]) => `${k}: ${v.toFixed(4)}`).join('\n') };
  }
  const truth = split.yTest as Int32Array;
  const proba = predictProbaInBatches(model, split.XTest);
  const predicted = classesOf(proba);
  const classNames = split.classNames;
  const confusion = confusionMatrix(truth, predicted, classNames ? { classNames } : {});
  const scored = split.XTest === split.XTrain ? 'training data' : 'test';
  const accuracy = calculateAccuracy(truth, proba);
  const macro = precisionRecallF1(truth, predicted).macro;
  return {
    figures: [
      [`accuracy (${scored})`, accuracy],
      [`macro F1 (${scored})`, macro.f1],
    ],
    confusion,
    predicted,
    text: [
      `Final Accuracy (${scored}): ${accuracy.toFixed(4)}`,
      '',
      `Confusion matrix (rows: true class, columns: predicted)\n${formatConfusionMatrix(confusion, classNames ? { classNames } : {})}`,
      '',
      classificationReport(truth, predicted, { digits: 4, ...(classNames && { classNames }) }),
    ].join('\n'),
  };
}
