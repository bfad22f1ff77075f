import type { History, NeuralNetwork } from '@neunet/model';
import type { ReportTable } from '@neunet/viz/node';
import type { EpochTiming } from './epoch-timer.js';
import type { Evaluation } from './evaluate.js';
import { trainingBatches } from './training-mode.js';

/** Runs of at most this many epochs get a table row per epoch. */
const EPOCH_ROWS = 30;

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

/**
 * The report's tables: the run with its scores, the layers, and each epoch of a run of a
 * few long epochs. The run's scores are the final model's, in inference mode, with the
 * training figures of the epoch whose weights it kept beside them, named as such.
 */
export function reportTables(run: RunFacts): ReportTable[] {
  const { model, history, timings, evaluation } = run;
  const f = (v: number) => v.toFixed(4);
  const epochs = history.loss.length;
  const kept = history.bestEpoch ?? epochs - 1;
  const batches = trainingBatches(model);
  const training = (name: string, values: readonly number[] | undefined) =>
    values && values.length === epochs
      ? [[`${name} of epoch ${kept + 1} (${batches})`, f(values[kept]!)]]
      : [];
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
        ['epochs trained', epochs],
        [
          'weights kept from epoch',
          history.bestEpoch === undefined
            ? `${kept + 1} (the last)`
            : `${kept + 1} (early stopping restored them)`,
        ],
        ['training time', `${run.seconds.toFixed(2)} s`],
        ...(samples > 0 ? [['training speed', `${Math.round(samples / updating)} samples/s`]] : []),
        ...evaluation.figures.map(([name, value]) => [`final ${name}`, f(value)]),
        ...training('loss', history.loss),
        ...training('accuracy', history.accuracy),
        ...training('MAE', history.mae),
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
  if (
    history.accuracy &&
    history.val_accuracy &&
    history.val_loss &&
    timings.length === epochs &&
    epochs <= EPOCH_ROWS
  ) {
    tables.push({
      title: 'Epochs (test data measured after each; the time is the updates’)',
      columns: [
        'epoch',
        `loss (${batches})`,
        'loss (test)',
        `accuracy (${batches})`,
        'accuracy (test)',
        'time',
        'samples/s',
      ],
      rows: timings.map((t, i) => [
        i + 1,
        f(history.loss[i]!),
        f(history.val_loss![i]!),
        f(history.accuracy![i]!),
        f(history.val_accuracy![i]!),
        `${t.seconds.toFixed(1)} s`,
        Math.round(t.samples / t.seconds),
      ]),
    });
  }
  return tables;
}
