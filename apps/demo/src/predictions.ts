import type { NeuralNetwork } from '@neunet/model';
import { Tensor } from '@neunet/tensor';

/**
 * The model's output for X, computed `batch` samples at a time: in one pass, 10,000 MNIST
 * digits would hold 10,000 copies of every feature map (gigabytes).
 */
export function predictProbaInBatches(model: NeuralNetwork, X: Tensor, batch = 1000): Tensor {
  const parts: Tensor[] = [];
  for (let start = 0; start < X.rows; start += batch) {
    parts.push(model.predictProba(X.sliceRows(start, Math.min(X.rows, start + batch))));
  }
  const cols = parts[0]!.cols;
  const data = new Float32Array(X.rows * cols);
  parts.forEach((part, i) => {
    data.set(part.data, i * batch * cols);
  });
  return new Tensor(data, [X.rows, ...parts[0]!.shape.slice(1)]);
}

/** The class of each row of probabilities, as `NeuralNetwork.predict` gives it. */
export function classesOf(proba: Tensor): Int32Array {
  const { rows, cols, data } = proba;
  if (cols === 1) return Int32Array.from(data, (p) => (p >= 0.5 ? 1 : 0));
  const classes = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < cols; c++) if (data[r * cols + c]! > data[r * cols + best]!) best = c;
    classes[r] = best;
  }
  return classes;
}
