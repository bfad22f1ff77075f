import { LeakyReLU, ReLU, Sigmoid, Tanh } from '@neunet/layers';
import type { OptimizerName } from '@neunet/optimizers';
import { DATASET_NAMES, type DatasetName } from '../datasets.js';
import { FEATURE_NAMES, type FeatureName } from './features.js';

export const ACTIVATIONS = {
  tanh: () => new Tanh(),
  relu: () => new ReLU(),
  'leaky-relu': () => new LeakyReLU(),
  sigmoid: () => new Sigmoid(),
};

export type ActivationName = keyof typeof ACTIVATIONS;

export const OPTIMIZERS: readonly OptimizerName[] = [
  'adam',
  'sgd',
  'momentum',
  'rmsprop',
  'adagrad',
];

/** Epochs per second while playing; 'max' trains as fast as the worker can. */
export const SPEEDS = ['1', '3', '10', '30', '100', 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

/** As in TensorFlow Playground: the network view stays readable up to these. */
export const MAX_LAYERS = 6;
export const MAX_WIDTH = 8;

/** Everything the playground's form chooses; all of it lives in the page's URL. */
export interface PlaygroundSettings {
  dataset: DatasetName;
  /** The standard deviation of the data set's noise. */
  noise: number;
  /** The fraction of the points held out as the test set. */
  testRatio: number;
  features: FeatureName[];
  hidden: number[];
  activation: ActivationName;
  optimizer: OptimizerName;
  learningRate: number;
  l1: number;
  l2: number;
  batchNorm: boolean;
  dropout: number;
  epochs: number;
  /** Train until paused or stopped, ignoring `epochs`. */
  forever: boolean;
  batchSize: number;
  seed: number;
  speed: Speed;
}

export const DEFAULT_SETTINGS: Readonly<PlaygroundSettings> = {
  dataset: 'circles',
  noise: 0.1,
  testRatio: 0.5,
  features: ['x1', 'x2'],
  hidden: [4, 4],
  activation: 'tanh',
  optimizer: 'adam',
  learningRate: 0.03,
  l1: 0,
  l2: 0,
  batchNorm: false,
  dropout: 0,
  epochs: 200,
  forever: false,
  batchSize: 10,
  seed: 42,
  speed: '10',
};

/**
 * How one setting reads from and writes to text (a URL parameter or a form field); `parse`
 * throws an Error saying what was expected.
 */
type Fields = { [K in keyof PlaygroundSettings]: TextField<PlaygroundSettings[K]> };

interface TextField<T> {
  parse(text: string): T;
  format(value: T): string;
}

function number(min: number, max: number, integer = false): TextField<number> {
  const kind = integer ? 'an integer' : 'a number';
  return {
    parse(text) {
      const n = text.trim() === '' ? Number.NaN : Number(text);
      if (!(n >= min && n <= max) || (integer && !Number.isInteger(n))) {
        throw new Error(`expected ${kind} from ${min} to ${max}`);
      }
      return n;
    },
    format: String,
  };
}

function oneOf<T extends string>(values: readonly T[]): TextField<T> {
  return {
    parse(text) {
      if (!values.includes(text as T)) throw new Error(`expected one of ${values.join(', ')}`);
      return text as T;
    },
    format: String,
  };
}

const flag: TextField<boolean> = {
  parse(text) {
    if (text !== '0' && text !== '1') throw new Error('expected 0 or 1');
    return text === '1';
  },
  format: (value) => (value ? '1' : '0'),
};

/** Every setting's parser and formatter, in the order the URL lists them. */
export const FIELDS: Fields = {
  dataset: oneOf(DATASET_NAMES),
  noise: number(0, 1),
  testRatio: number(0.1, 0.9),
  features: {
    parse(text) {
      const names = text.split(',').filter((name) => name !== '');
      const bad = names.find((name) => !FEATURE_NAMES.includes(name as FeatureName));
      if (bad !== undefined || names.length === 0 || new Set(names).size !== names.length) {
        throw new Error(
          `expected distinct features from ${FEATURE_NAMES.join(', ')}, separated by commas`,
        );
      }
      // Canonical order, so that the same choice is the same URL and the same network.
      return FEATURE_NAMES.filter((name) => names.includes(name));
    },
    format: (value) => value.join(','),
  },
  hidden: { parse: parseHiddenLayers, format: (value) => value.join(',') },
  activation: oneOf(Object.keys(ACTIVATIONS) as ActivationName[]),
  optimizer: oneOf(OPTIMIZERS),
  learningRate: number(1e-6, 10),
  l1: number(0, 1),
  l2: number(0, 1),
  batchNorm: flag,
  dropout: number(0, 0.9),
  epochs: number(1, 100_000, true),
  forever: flag,
  batchSize: number(1, 1000, true),
  seed: number(0, 2 ** 31 - 1, true),
  speed: oneOf(SPEEDS),
};

export const SETTING_KEYS = Object.keys(FIELDS) as (keyof PlaygroundSettings)[];

/** `"8, 4"` or `"8,4"` as [8, 4]; an empty text is no hidden layer. */
export function parseHiddenLayers(text: string): number[] {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length > MAX_LAYERS) {
    throw new Error(`expected at most ${MAX_LAYERS} hidden layers, got ${parts.length}`);
  }
  return parts.map((part, i) => {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WIDTH) {
      throw new Error(
        `hidden layer ${i + 1} is '${part}'; expected a width from 1 to ${MAX_WIDTH}`,
      );
    }
    return n;
  });
}

/** A setting that could not be read: which, what was wrong with it, and its default. */
export interface SettingError {
  key: keyof PlaygroundSettings;
  message: string;
  /** The default, as text, that took the bad value's place. */
  fallback?: string;
}

/**
 * The settings that `text` gives, each missing or bad one at its default; an error for each
 * bad one names the setting, the value and what was expected.
 */
export function readSettings(text: (key: keyof PlaygroundSettings) => string | undefined): {
  settings: PlaygroundSettings;
  errors: SettingError[];
} {
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof PlaygroundSettings, unknown>;
  const errors: SettingError[] = [];
  for (const key of SETTING_KEYS) {
    const value = text(key);
    if (value === undefined) continue;
    try {
      settings[key] = (FIELDS[key] as TextField<unknown>).parse(value);
    } catch (error) {
      const fallback = (FIELDS[key] as TextField<unknown>).format(DEFAULT_SETTINGS[key]);
      errors.push({ key, message: `${key} is '${value}': ${(error as Error).message}`, fallback });
    }
  }
  return { settings: settings as unknown as PlaygroundSettings, errors };
}

/** Each setting as text, as `readSettings` reads it back. */
export function formatSettings(
  settings: PlaygroundSettings,
): Record<keyof PlaygroundSettings, string> {
  const out = {} as Record<keyof PlaygroundSettings, string>;
  for (const key of SETTING_KEYS) {
    out[key] = (FIELDS[key] as TextField<unknown>).format(settings[key]);
  }
  return out;
}
