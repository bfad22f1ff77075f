import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from './args.js';
import { DEFAULT_RUN } from './run.js';

describe('parseDemoArgs', () => {
  it("defaults to the seed's run (DEFAULT_RUN, which the task tests run) and the README's report path", () => {
    expect(parseDemoArgs([])).toEqual({
      seed: 42,
      dataSeed: 0,
      dataset: 'spiral',
      out: 'report.html',
      save: 'model.neunet',
    });
    expect(parseDemoArgs([])).toMatchObject(DEFAULT_RUN);
  });

  it('reads every option', () => {
    expect(
      parseDemoArgs([
        '--epochs',
        '200',
        '--seed',
        '7',
        '--data-seed',
        '1',
        '--dataset',
        'iris',
        '--out',
        'run.html',
      ]),
    ).toEqual({
      epochs: 200,
      seed: 7,
      dataSeed: 1,
      dataset: 'iris',
      out: 'run.html',
      save: 'model.neunet',
    });
    expect(parseDemoArgs(['--load', 'm.neunet', '--dataset', 'moons'])).toMatchObject({
      load: 'm.neunet',
      dataset: 'moons',
    });
    expect(parseDemoArgs(['--save', 'n.neunet'])).toMatchObject({ save: 'n.neunet' });
    expect(parseDemoArgs(['--dataset', 'mnist-cnn', '--epochs', '2'])).toMatchObject({
      dataset: 'mnist-cnn',
      epochs: 2,
    });
  });

  it('rejects a bad number, an unknown data set or a training option with --load, naming it', () => {
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      expect(() => parseDemoArgs(['--epochs', '0'])).toThrow(/--epochs.*expected an integer >= 1/);
      expect(() => parseDemoArgs(['--epochs', '1.5'])).toThrow(/'1.5'/);
      expect(() => parseDemoArgs(['--dataset', 'cifar'])).toThrow(
        /--dataset.*cifar.*spiral.*mnist-cnn/,
      );
      // --load evaluates without training, so the options that shape training would be lost.
      for (const option of [
        ['--epochs', '5'],
        ['--seed', '7'],
        ['--save', 'n.neunet'],
      ]) {
        expect(() => parseDemoArgs(['--load', 'm.neunet', ...option])).toThrow(
          `option '--load <file>' cannot be used with option '${option[0]}`,
        );
      }
    } finally {
      process.stderr.write = stderr;
    }
  });
});
