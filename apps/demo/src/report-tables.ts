import type { PrecisionRecallF1Result } from '@neunet/metrics';
import type { History, NeuralNetwork } from '@neunet/model';
import type { ReportTable } from '@neunet/viz/node';

export interface RunFacts {
  model: NeuralNetwork;
  history: History;
  accuracy: number;
  scores: PrecisionRecallF1Result;
  seconds: number;
  dataset: string;
  seed: number;
  dataSeed: number;
}

/** The report's tables: the run, the per-class scores, the layers. */
export function reportTables(run: RunFacts): ReportTable[] {
  const { model, history, scores } = run;
  const f = (v: number) => v.toFixed(4);
  const total = scores.support.reduce((a, b) => a + b, 0);
  let width = model.layers[0]?.inputSize;
  return [
    {
      title: 'Run',
      columns: ['', ''],
      rows: [
        ['data set', `${run.dataset} (data seed ${run.dataSeed})`],
        ['model seed', run.seed],
        ['epochs trained', history.loss.length],
        ['weights kept from epoch', (history.bestEpoch ?? history.loss.length - 1) + 1],
        ['training time', `${run.seconds.toFixed(2)} s`],
        ['final loss', f(history.loss.at(-1)!)],
        ['accuracy (training data)', f(run.accuracy)],
      ],
    },
    {
      title: 'Precision, recall and F1 per class',
      columns: ['', 'precision', 'recall', 'f1', 'support'],
      rows: [
        ...scores.precision.map((p, i) => [
          `class ${i}`,
          f(p),
          f(scores.recall[i]!),
          f(scores.f1[i]!),
          scores.support[i]!,
        ]),
        ['macro avg', f(scores.macro.precision), f(scores.macro.recall), f(scores.macro.f1), total],
        [
          'weighted avg',
          f(scores.weighted.precision),
          f(scores.weighted.recall),
          f(scores.weighted.f1),
          total,
        ],
      ],
    },
    {
      title: 'Layers',
      columns: ['layer', 'type', 'output width', 'parameters'],
      rows: model.layers.map((layer, i) => {
        if (width !== undefined) width = layer.build(width);
        const count = layer.params().reduce((sum, p) => sum + p.value.size, 0);
        return [i + 1, layer.getConfig().type, width ?? '?', count];
      }),
    },
  ];
}
