import card from '../../assets/digit-cnn.json';
import { type DigitClassifier, loadDigitClassifier } from './digit-classifier.js';
import { DigitPad } from './digit-pad.js';
import { MNIST_SIDE, prepareDigit } from './prepare-digit.js';
import { argmax, ProbabilityBars } from './probability-bars.js';
import './style.css';
import './digits.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const bars = new ProbabilityBars($<HTMLOListElement>('bars'));
const seen = $<HTMLCanvasElement>('seen').getContext('2d')!;
const pad = new DigitPad($<HTMLCanvasElement>('pad'), predictSoon);
/** The last predictions' durations, for the median the page shows. */
const durations: number[] = [];
let classifier: DigitClassifier | undefined;
let scheduled = false;

$('model').textContent =
  `${card.weights.toLocaleString('en')} weights, ${Math.round(card.bytes / 1024)} KB, ` +
  `${(100 * card.testAccuracy).toFixed(2)} % on MNIST's test digits`;

/** At most one prediction per frame, however many pointer events arrive. */
function predictSoon(): void {
  if (scheduled || !classifier) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    predict(classifier!);
  });
}

function predict(model: DigitClassifier): void {
  const image = prepareDigit(pad.ink(), pad.canvas.width, pad.canvas.height);
  showSeen(image);
  if (!image) {
    bars.show(undefined);
    $('digit').textContent = '–';
    return;
  }
  const start = performance.now();
  const probabilities = model.probabilities(image);
  durations.push(performance.now() - start);
  if (durations.length > 50) durations.shift();
  bars.show(probabilities);
  $('digit').textContent = String(argmax(probabilities));
  $('latency').textContent = `${median(durations).toFixed(2)} ms`;
}

/** The 28 × 28 image the model gets, white ink on black as MNIST stores it. */
function showSeen(image: Float32Array | undefined): void {
  const pixels = seen.createImageData(MNIST_SIDE, MNIST_SIDE);
  for (let i = 0; i < MNIST_SIDE * MNIST_SIDE; i++) {
    const v = Math.round(255 * (image?.[i] ?? 0));
    pixels.data.set([v, v, v, 255], 4 * i);
  }
  seen.putImageData(pixels, 0, 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

$('clear').addEventListener('click', () => pad.clear());
showSeen(undefined);
loadDigitClassifier().then(
  (model) => {
    classifier = model;
    $('backend').textContent = model.backend;
    document.body.dataset.state = 'ready';
    predictSoon();
  },
  (error: unknown) => {
    document.body.dataset.state = 'error';
    $('digit').textContent = '!';
    $('model').textContent = `error: ${error instanceof Error ? error.message : String(error)}`;
  },
);
