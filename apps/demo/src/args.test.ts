import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from './args.js';

describe('parseDemoArgs', () => {
  it("defaults to the seed's run and the README's report path", () => {
    expect(parseDemoArgs([])).toEqual({
      seed: 42,
      dataSeed: 0,
      dataset: 'spiral',
      out: 'report.html',
      save: 'model.neunet',
    });
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
    expect(parseDemoArgs(['--load', 'm.neunet', '--save', 'n.neunet'])).toMatchObject({
      load: 'm.neunet',
      save: 'n.neunet',
    });
  });

  it('rejects a bad number or an unknown data set, naming the option', () => {
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      expect(() => parseDemoArgs(['--epochs', '0'])).toThrow(/--epochs.*expected an integer >= 1/);
      expect(() => parseDemoArgs(['--epochs', '1.5'])).toThrow(/'1.5'/);
      expect(() => parseDemoArgs(['--dataset', 'cifar'])).toThrow(/--dataset.*cifar.*spiral/);
    } finally {
      process.stderr.write = stderr;
    }
  });
});
