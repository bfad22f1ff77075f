import type { History, NeuralNetwork } from '@neunet/model';
import type { ReportTable } from '@neunet/viz/node';
import type { Evaluation } from './evaluate.js';

export interface RunFacts {
  model: NeuralNetwork;
  history: History;
  evaluation: Evaluation;
  seconds: number;
  dataset: string;
  seed: number;
  dataSeed: number;
}

/** The report's tables: the run with its scores, and the layers. */
export function reportTables(run: RunFacts): ReportTable[] {
  const { model, history } = run;
  const f = (v: number) => v.toFixed(4);
  let shape = model.inputShape ?? model.layers[0]?.inputShape;
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
        ...run.evaluation.figures.map(([name, value]) => [name, f(value)]),
      ],
    },
    {
      title: 'Layers',
      columns: ['layer', 'type', 'output shape', 'parameters'],
      rows: model.layers.map((layer, i) => {
        if (shape !== undefined) shape = layer.computeOutputShape(shape);
        const count = layer.params().reduce((sum, p) => sum + p.value.size, 0);
        return [i + 1, layer.getConfig().type, shape ? `[${shape.join(', ')}]` : '?', count];
      }),
    },
  ];
}
