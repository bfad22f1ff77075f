import type { History, NeuralNetwork } from '@neunet/model';
import type { ReportTable } from '@neunet/viz/node';
import type { EpochTiming } from './epoch-timer.js';
import type { Evaluation } from './evaluate.js';

export interface RunFacts {
  model: NeuralNetwork;
  history: History;
  evaluation: Evaluation;
  seconds: number;
  /** Each trained epoch's updates (none for a loaded model). */
  timings: readonly EpochTiming[];
  dataset: string;
  seed: number;
  dataSeed: number;
}

/** The report's tables: the run with its scores, the layers, and each epoch of a long run. */
export function reportTables(run: RunFacts): ReportTable[] {
  const { model, history, timings } = run;
  const f = (v: number) => v.toFixed(4);
  const samples = timings.reduce((sum, t) => sum + t.samples, 0);
  const updating = timings.reduce((sum, t) => sum + t.seconds, 0);
  let shape = model.inputShape ?? model.layers[0]?.inputShape;
  const tables: ReportTable[] = [
    {
      title: 'Run',
      columns: ['', ''],
      rows: [
        ['data set', `${run.dataset} (data seed ${run.dataSeed})`],
        ['model seed', run.seed],
        ['epochs trained', history.loss.length],
        ['weights kept from epoch', (history.bestEpoch ?? history.loss.length - 1) + 1],
        ['training time', `${run.seconds.toFixed(2)} s`],
        ...(samples > 0 ? [['training speed', `${Math.round(samples / updating)} samples/s`]] : []),
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
  if (history.val_accuracy && timings.length === history.loss.length) {
    tables.push({
      title: 'Epochs (test data measured after each; the time is the updates’)',
      columns: [
        'epoch',
        'loss',
        'accuracy (training batches)',
        'accuracy (test)',
        'time',
        'samples/s',
      ],
      rows: timings.map((t, i) => [
        i + 1,
        f(history.loss[i]!),
        f(history.accuracy[i]!),
        f(history.val_accuracy![i]!),
        `${t.seconds.toFixed(1)} s`,
        Math.round(t.samples / t.seconds),
      ]),
    });
  }
  return tables;
}
