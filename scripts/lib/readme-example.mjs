// @ts-check
// The README's example, shortened to run in a second: the program the pack test runs as
// ESM and CJS and type-checks as TypeScript against the installed tarballs.

/** The packages the README example imports. */
export const README_EXAMPLE_PACKAGES = [
  '@neunet/model',
  '@neunet/layers',
  '@neunet/regularization',
  '@neunet/losses',
  '@neunet/datasets',
  '@neunet/metrics',
];

const IMPORTS = [
  ['NeuralNetwork', '@neunet/model'],
  ['Dense, ReLU, Softmax', '@neunet/layers'],
  ['BatchNormalization, Dropout', '@neunet/regularization'],
  ['CategoricalCrossentropy', '@neunet/losses'],
  ['createData', '@neunet/datasets'],
  ['calculateAccuracy', '@neunet/metrics'],
];

const BODY = `
const { X, y } = createData({ samples: 50, classes: 3, seed: 0 });
const model = new NeuralNetwork({ seed: 42 });
model.add(new Dense(2, 16, { learningRate: 0.01, optimizer: 'adam' }));
model.add(new BatchNormalization());
model.add(new ReLU());
model.add(new Dropout(0.1));
model.add(new Dense(16, 3, { learningRate: 0.01, optimizer: 'adam' }));
model.add(new Softmax());
model.setLoss(new CategoricalCrossentropy({ l2: 0.0001 }));
const history = model.train(X, y, { epochs: 20, batchSize: 32 });
const predicted = model.predict(X);
const accuracy = calculateAccuracy(y, predicted);
`;

/**
 * The example as an ES module; it also imports every subpath entry in `subpaths` and
 * prints, as JSON, the training losses, the accuracy, the labels and predictions, and
 * the sorted export names of each subpath.
 * @param {string[]} subpaths
 */
export function esmExample(subpaths) {
  const imports = IMPORTS.map(([names, from]) => `import { ${names} } from '${from}';`);
  return `${imports.join('\n')}
${BODY}
const subpaths = {};
for (const spec of ${JSON.stringify(subpaths)}) subpaths[spec] = Object.keys(await import(spec)).sort();
console.log(JSON.stringify({ loss: history.loss, accuracy, labels: Array.from(y), predicted: Array.from(predicted), subpaths }));
`;
}

/**
 * The same program in CommonJS.
 * @param {string[]} subpaths
 */
export function cjsExample(subpaths) {
  const requires = IMPORTS.map(([names, from]) => `const { ${names} } = require('${from}');`);
  return `${requires.join('\n')}
${BODY}
const subpaths = {};
for (const spec of ${JSON.stringify(subpaths)}) subpaths[spec] = Object.keys(require(spec)).sort();
console.log(JSON.stringify({ loss: history.loss, accuracy, labels: Array.from(y), predicted: Array.from(predicted), subpaths }));
`;
}

/**
 * The example in TypeScript with its results' types spelled out, for `tsc --noEmit`;
 * every subpath entry is imported as a namespace so that its types must resolve.
 * @param {string[]} subpaths
 */
export function typescriptExample(subpaths) {
  const imports = IMPORTS.map(([names, from]) => `import { ${names} } from '${from}';`);
  const namespaces = subpaths.map((spec, i) => `import * as subpath${i} from '${spec}';`);
  return `${[...imports, ...namespaces].join('\n')}
${BODY}
const losses: number[] = history.loss;
const labels: Int32Array = predicted;
const score: number = accuracy;
export const results = { losses, labels, score, subpaths: [${subpaths.map((_, i) => `subpath${i}`).join(', ')}] };
`;
}
