import { confusionMatrixFigure, type Figure } from '@neunet/viz';
import Plotly from 'plotly.js-dist-min';
import { type PlaygroundData, planeExtent, planeGrid, prepareData } from './data.js';
import { FEATURE_NAMES, type FeatureName, mapFeatures } from './features.js';
import { drawFitted } from './fit-figure.js';
import { SettingsForm } from './form.js';
import { heatmapUrl } from './heatmap.js';
import { isolationNote } from './isolation.js';
import { lossFigure } from './loss-figure.js';
import { NetworkView } from './network-view.js';
import { diverging } from './palette.js';
import { type PlaneOutput, planeFigure } from './plane-figure.js';
import type { Command, Report } from './protocol.js';
import { type PlaygroundSettings, SETTING_KEYS } from './settings.js';
import { type Measurement, OUTPUT_GRID, UNIT_GRID } from './trainer.js';
import { settingsFromQuery, settingsToQuery } from './url.js';
import './style.css';
import './controls.css';
import './network-view.css';

type State = 'idle' | 'training' | 'paused' | 'done';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = new SettingsForm($<HTMLFormElement>('settings'), $('setting-errors'));
const network = new NetworkView($('network'), $('network-readout'));
const buttons = {
  train: $<HTMLButtonElement>('train'),
  pause: $<HTMLButtonElement>('pause'),
  step: $<HTMLButtonElement>('step'),
  stop: $<HTMLButtonElement>('stop'),
  reset: $<HTMLButtonElement>('reset'),
};

let settings: PlaygroundSettings;
let data: PlaygroundData;
let extent: [[number, number], [number, number]];
let outputAxes: { x: number[]; y: number[] };
let worker: Worker | undefined;
let measurements: Measurement[] = [];
let formValid = true;

function state(): State {
  return document.body.dataset.state as State;
}

/** Set when a focused Pause is disabled on a click, until the pause is confirmed. */
let pauseHadFocus = false;

function setState(next: State, message?: string): void {
  document.body.dataset.state = next;
  const running = next === 'training';
  const controls = Object.values(buttons);
  const hadFocus = pauseHadFocus || controls.includes(document.activeElement as never);
  pauseHadFocus = false;
  buttons.train.disabled = running || !formValid;
  buttons.pause.disabled = !running;
  buttons.step.disabled = running || next === 'done' || !formValid;
  buttons.stop.disabled = next !== 'training' && next !== 'paused';
  // Paused, the settings stay open, as in TensorFlow Playground: a change starts a new run.
  form.lock(running);
  $('state').textContent = message ?? next;
  // A disabled button drops the keyboard focus to the page's start; hand it to the button
  // that undoes what was just pressed (Train ↔ Pause) so that Enter, Enter toggles.
  const focused = document.activeElement;
  if (hadFocus && (focused === document.body || (focused as HTMLButtonElement).disabled)) {
    [running ? buttons.pause : buttons.train, buttons.step, buttons.reset]
      .find((button) => !button.disabled)
      ?.focus();
  }
}

function draw(id: string, figure: Figure): void {
  void drawFitted($(id), figure);
}

/**
 * Live redraws wait for an animation frame and for the main thread to have been idle, since
 * that figure's last redraw, twice as long as the redraw took: on a slow machine Plotly would
 * otherwise redraw back to back and the buttons would wait behind it. Each figure keeps its
 * own pace, so that a slow one (the boundary's heatmap, replotted when it first appears)
 * does not hold back the cheap loss curves.
 */
const pending = new Map<string, () => Figure>();
const scheduled = new Set<string>();
const idleUntil = new Map<string, number>();

function drawSoon(id: string, figure: () => Figure): void {
  pending.set(id, figure);
  if (scheduled.has(id)) return;
  scheduled.add(id);
  const wait = Math.max(0, (idleUntil.get(id) ?? 0) - performance.now());
  setTimeout(() => requestAnimationFrame(() => redraw(id)), wait);
}

function redraw(id: string): void {
  scheduled.delete(id);
  const figure = pending.get(id);
  if (!figure) return;
  pending.delete(id);
  const start = performance.now();
  draw(id, figure());
  idleUntil.set(id, performance.now() + 2 * (performance.now() - start));
}

/** Draws every pending figure now (a run's end). */
function redrawAll(): void {
  for (const id of Array.from(pending.keys())) redraw(id);
}

function send(command: Command): void {
  worker?.postMessage(command);
}

function showNumbers(m: Measurement | undefined): void {
  const f = (v: number) => v.toFixed(4);
  $('epoch').textContent = m ? String(Math.round(m.epoch * 1000) / 1000) : '–';
  $('loss').textContent = m ? f(m.trainLoss) : '–';
  $('test-loss').textContent = m ? f(m.testLoss) : '–';
  $('accuracy').textContent = m ? f(m.testMetric) : '–';
}

function onReport(report: Report): void {
  switch (report.type) {
    case 'ready':
      $('backend').textContent = report.backend;
      break;
    case 'progress':
      measurements.push(...report.measurements);
      showNumbers(measurements.at(-1));
      drawSoon('curves', () => lossFigure(measurements));
      break;
    case 'snapshot': {
      network.update(report.network, report.units, UNIT_GRID, report.output, OUTPUT_GRID);
      // Before the first batch the plane shows the data alone.
      if (measurements.length <= 1) break;
      const output: PlaneOutput = { ...outputAxes, values: report.output };
      drawSoon('boundary', () => planeFigure(data, extent, output));
      break;
    }
    case 'paused':
      if (state() === 'training') setState('paused');
      break;
    case 'done':
      redrawAll();
      if (report.confusion && report.scores) {
        const confusion = confusionMatrixFigure(report.confusion, {
          width: $('confusion').clientWidth || undefined,
        });
        confusion.layout.title = { text: 'Confusion matrix (test set)' };
        draw('confusion', confusion);
        showScores(report.scores);
      }
      setState('done', `done: ${report.epochs} epochs, ${report.seconds.toFixed(1)} s of training`);
      break;
    case 'error':
      worker?.terminate();
      worker = undefined;
      setState('idle', `error: ${report.message}`);
      break;
  }
}

function showScores(scores: NonNullable<Extract<Report, { type: 'done' }>['scores']>): void {
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
  const caption = document.createElement('caption');
  caption.textContent = 'Test set, per class';
  table.replaceChildren(
    caption,
    row('th', ['class', 'precision', 'recall', 'f1', 'support']),
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

/** What each input feature is over the plane, for the network view's input nodes. */
function featureImages(): (feature: FeatureName) => string {
  const grid = mapFeatures(planeGrid(extent, UNIT_GRID).points, FEATURE_NAMES);
  return (feature) => {
    const j = FEATURE_NAMES.indexOf(feature);
    const column = (i: number) => grid.data[i * grid.cols + j]!;
    let scale = 1e-6;
    for (let i = 0; i < grid.rows; i++) scale = Math.max(scale, Math.abs(column(i)));
    return heatmapUrl(UNIT_GRID, (i) => diverging(column(i) / scale));
  };
}

/**
 * A fresh run of the current settings: the data drawn at once (before any training), the
 * network at its initial weights, and a worker holding the run paused before its first batch.
 */
function restart(): void {
  // Reports the old run already posted are dropped with it.
  if (worker) worker.onmessage = null;
  worker?.terminate();
  pending.clear();
  measurements = [];
  data = prepareData(settings);
  extent = planeExtent(data);
  const { x, y } = planeGrid(extent, OUTPUT_GRID);
  outputAxes = { x, y };
  // Purged, not reacted: Plotly.react keeps the old plot's constrained domain for new ranges.
  for (const id of ['confusion', 'boundary']) Plotly.purge($(id));
  $('metrics').replaceChildren();
  draw('curves', lossFigure([]));
  draw('boundary', planeFigure(data, extent));
  network.setShape(
    { features: settings.features, hidden: settings.hidden, classes: data.classes },
    featureImages(),
  );
  $('metric-name').textContent = data.task === 'classification' ? 'test accuracy' : 'test MAE';
  showNumbers(undefined);
  worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<Report>) => onReport(event.data);
  worker.onerror = (event) => onReport({ type: 'error', message: event.message });
  send({ type: 'start', settings });
  setState('idle');
}

function applyForm(): void {
  const { settings: next, errors } = form.read();
  formValid = errors.length === 0;
  if (!formValid) {
    setState(state(), 'fix the settings marked in red');
    return;
  }
  const onlySpeed = SETTING_KEYS.every(
    (key) => key === 'speed' || JSON.stringify(next[key]) === JSON.stringify(settings[key]),
  );
  settings = next;
  history.replaceState(null, '', settingsToQuery(settings) + location.hash);
  if (onlySpeed) {
    send({ type: 'speed', speed: settings.speed });
    setState(state());
  } else {
    restart();
  }
}

buttons.train.addEventListener('click', () => {
  if (state() === 'done') restart();
  send({ type: 'play' });
  setState('training');
});
// The page says paused when the worker has stopped and sent what it measured before.
buttons.pause.addEventListener('click', () => {
  send({ type: 'pause' });
  pauseHadFocus = document.activeElement === buttons.pause;
  buttons.pause.disabled = true;
});
buttons.step.addEventListener('click', () => {
  send({ type: 'step' });
  setState('paused');
});
buttons.stop.addEventListener('click', () => send({ type: 'stop' }));
buttons.reset.addEventListener('click', restart);
form.form.addEventListener('change', applyForm);
form.form.addEventListener('submit', (event) => event.preventDefault());
$('isolation').textContent = isolationNote();

// On a phone the advanced groups are collapsed, so that the plots are not far down; beside
// the plots they are open. They follow the width when it crosses over (a phone turned).
const wide = matchMedia('(min-width: 761px)');
const groups = Array.from(document.querySelectorAll<HTMLDetailsElement>('details.group'));
const fold = () => {
  for (const group of groups) group.open = wide.matches;
};
wide.addEventListener('change', fold);
fold();
const fromAddress = settingsFromQuery(location.search);
settings = fromAddress.settings;
form.write(settings);
form.show(fromAddress.errors, 'in the address: ');
history.replaceState(null, '', settingsToQuery(settings) + location.hash);
restart();
