import {
  confusionMatrixFigure,
  datasetFigure,
  decisionBoundaryFigure,
  type Figure,
  type LabeledPoints,
  networkFigure,
  trainingCurvesFigure,
} from '@neunet/viz';
import Plotly from 'plotly.js-dist-min';
import { DATASET_NAMES } from '../datasets.js';
import { drawFitted } from './fit-figure.js';
import { isolationNote } from './isolation.js';
import type { Command, Report } from './protocol.js';
import { ACTIVATIONS, OPTIMIZERS, type PlaygroundSettings, parseHiddenLayers } from './settings.js';
import './style.css';

type State = 'idle' | 'training' | 'paused' | 'done';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('settings');
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
const buttons = {
  train: $<HTMLButtonElement>('train'),
  pause: $<HTMLButtonElement>('pause'),
  stop: $<HTMLButtonElement>('stop'),
  reset: $<HTMLButtonElement>('reset'),
};

fillSelect('dataset', DATASET_NAMES);
fillSelect('activation', Object.keys(ACTIVATIONS));
fillSelect('optimizer', OPTIMIZERS);

let worker: Worker | undefined;
let data: LabeledPoints | undefined;
let loss: number[] = [];
let accuracy: number[] = [];

function fillSelect<T extends string>(
  name: string,
  values: readonly T[],
  label: (value: T) => string = String,
): void {
  const select = form.elements.namedItem(name) as HTMLSelectElement;
  select.replaceChildren(...values.map((v) => new Option(label(v), v)));
}

function readSettings(): PlaygroundSettings {
  const number = (name: string) => Number(field(name).value);
  return {
    dataset: field('dataset').value as PlaygroundSettings['dataset'],
    hidden: parseHiddenLayers(field('hidden').value),
    activation: field('activation').value as PlaygroundSettings['activation'],
    optimizer: field('optimizer').value as PlaygroundSettings['optimizer'],
    learningRate: number('learningRate'),
    batchNorm: field('batchNorm').checked,
    dropout: field('useDropout').checked ? number('dropout') : 0,
    epochs: number('epochs'),
    batchSize: number('batchSize'),
    seed: number('seed'),
  };
}

function setState(state: State, message?: string): void {
  document.body.dataset.state = state;
  buttons.train.disabled = state === 'training' || state === 'paused';
  buttons.pause.disabled = state !== 'training' && state !== 'paused';
  buttons.pause.textContent = state === 'paused' ? 'Resume' : 'Pause';
  buttons.stop.disabled = state !== 'training' && state !== 'paused';
  for (const element of Array.from(form.elements)) {
    (element as HTMLInputElement).disabled = state === 'training' || state === 'paused';
  }
  $('state').textContent = message ?? state;
}

function draw(id: string, figure: Figure): void {
  void drawFitted($(id), figure);
}

/**
 * Progress redraws wait for an animation frame and for the main thread to have been idle
 * three times as long as the last redraw took: on a slow or busy machine Plotly would
 * otherwise redraw back to back and Pause or Stop would wait behind it.
 */
const pendingFigures = new Map<string, () => Figure>();
let redrawScheduled = false;
let idleUntil = 0;

function drawSoon(id: string, figure: () => Figure): void {
  pendingFigures.set(id, figure);
  if (redrawScheduled) return;
  redrawScheduled = true;
  setTimeout(() => requestAnimationFrame(redraw), Math.max(0, idleUntil - performance.now()));
}

function redraw(): void {
  redrawScheduled = false;
  const start = performance.now();
  for (const [id, figure] of pendingFigures) draw(id, figure());
  pendingFigures.clear();
  idleUntil = performance.now() + 3 * (performance.now() - start);
}

function send(command: Command): void {
  worker?.postMessage(command);
}

function showNumbers(epoch: number, lastLoss: number, lastAccuracy: number): void {
  $('epoch').textContent = String(epoch);
  $('loss').textContent = lastLoss.toFixed(4);
  $('accuracy').textContent = lastAccuracy.toFixed(4);
}

function onReport(report: Report): void {
  switch (report.type) {
    case 'data':
      data = { points: report.points, labels: report.labels };
      $('backend').textContent = report.backend;
      draw('boundary', datasetFigure(data, { title: 'Decision boundary' }));
      break;
    case 'progress':
      loss.push(...report.loss);
      accuracy.push(...report.accuracy);
      showNumbers(report.epoch, loss.at(-1)!, accuracy.at(-1)!);
      drawSoon('curves', () => trainingCurvesFigure({ loss, accuracy }, { logScale: true }));
      break;
    case 'boundary':
      if (data) {
        const points = data;
        drawSoon('boundary', () => decisionBoundaryFigure(points, report.grid));
      }
      break;
    case 'done':
      redraw();
      showNumbers(report.epochs, report.loss, report.accuracy);
      // Sized to their grid cells: the figures' defaults (1200 × 800, 520) are for a page.
      draw(
        'network',
        networkFigure(report.network, { width: $('network').clientWidth, height: 700 }),
      );
      draw(
        'confusion',
        confusionMatrixFigure(report.confusion, { width: $('confusion').clientWidth }),
      );
      showMetrics(report);
      setState('done', `done: ${report.epochs} epochs in ${report.seconds.toFixed(1)} s`);
      break;
    case 'error':
      setState('idle', `error: ${report.message}`);
      worker?.terminate();
      worker = undefined;
      break;
  }
}

function showMetrics(report: Extract<Report, { type: 'done' }>): void {
  const { scores } = report;
  const f = (v: number) => v.toFixed(4);
  // Accuracy and loss are the numbers beside the buttons; the table holds the per-class scores.
  const rows = [
    ...scores.precision.map((p, i) => [
      String(i),
      f(p),
      f(scores.recall[i]!),
      f(scores.f1[i]!),
      String(scores.support[i]),
    ]),
    ['macro avg', f(scores.macro.precision), f(scores.macro.recall), f(scores.macro.f1), ''],
  ];
  const table = $<HTMLTableElement>('metrics');
  const header = ['class', 'precision', 'recall', 'f1', 'support'];
  table.replaceChildren(
    Object.assign(document.createElement('caption'), { textContent: 'Scores per class' }),
    row('th', header),
    ...rows.map((cells) => row('td', cells)),
  );
}

function row(tag: 'td' | 'th', cells: readonly string[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const text of cells) {
    const cell = document.createElement(tag);
    cell.textContent = text;
    tr.append(cell);
  }
  return tr;
}

function reset(): void {
  worker?.terminate();
  worker = undefined;
  data = undefined;
  pendingFigures.clear();
  loss = [];
  accuracy = [];
  for (const id of ['curves', 'boundary', 'network', 'confusion']) Plotly.purge($(id));
  $('metrics').replaceChildren();
  for (const id of ['epoch', 'loss', 'accuracy']) $(id).textContent = '–';
  setState('idle');
}

buttons.train.addEventListener('click', () => {
  let settings: PlaygroundSettings;
  try {
    settings = readSettings();
  } catch (error) {
    setState('idle', `error: ${(error as Error).message}`);
    return;
  }
  reset();
  worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<Report>) => onReport(event.data);
  worker.onerror = (event) => onReport({ type: 'error', message: event.message });
  send({ type: 'start', settings });
  setState('training');
});
buttons.pause.addEventListener('click', () => {
  const paused = document.body.dataset.state === 'paused';
  send({ type: paused ? 'resume' : 'pause' });
  setState(paused ? 'training' : 'paused');
});
buttons.stop.addEventListener('click', () => send({ type: 'stop' }));
buttons.reset.addEventListener('click', reset);
form.addEventListener('submit', (event) => event.preventDefault());
$('isolation').textContent = isolationNote();
reset();
