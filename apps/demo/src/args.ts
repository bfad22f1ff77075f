import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_RUN, type RunOptions } from './run.js';
import { TASK_NAMES } from './tasks.js';

/** The file names `--out` and `--save` write, also inside a folder they name. */
export const REPORT_FILE = 'report.html';
export const MODEL_FILE = 'model.neunet';

export interface DemoOptions extends RunOptions {
  /** Where the HTML report goes, as given (relative to the user's folder). */
  out: string;
  /** Where the trained model is saved. */
  save: string;
  /** A saved model to evaluate instead of training one. */
  load?: string;
}

function integer(min: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || text.trim() === '') {
      throw new InvalidArgumentError(`expected an integer >= ${min}, got '${text}'`);
    }
    return value;
  };
}

/**
 * The demo's command line; `--help` lists the options, a bad value exits with its name.
 * Paths are returned as given; `main` resolves them from the user's folder.
 */
export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  const program = new Command('pnpm demo')
    .description(
      "Trains a network on a data set (by default the first design document's spiral example), prints its metrics and writes an HTML report",
    )
    .addOption(
      new Option('--epochs <n>', "most epochs to train (default: the data set's own)").argParser(
        integer(1),
      ),
    )
    .addOption(
      new Option('--seed <n>', 'model seed (weights, shuffling, dropout)')
        .argParser(integer(0))
        .default(DEFAULT_RUN.seed),
    )
    .addOption(
      new Option('--data-seed <n>', 'data set seed')
        .argParser(integer(0))
        .default(DEFAULT_RUN.dataSeed),
    )
    .addOption(
      new Option('--dataset <name>', 'data set and network to run')
        .choices(TASK_NAMES)
        .default(DEFAULT_RUN.dataset),
    )
    .addOption(
      new Option(
        '--out <path>',
        `where to write the HTML report (a folder gets ${REPORT_FILE})`,
      ).default(REPORT_FILE),
    )
    .addOption(
      new Option(
        '--save <path>',
        `where to save the trained model (a folder gets ${MODEL_FILE})`,
      ).default(MODEL_FILE),
    )
    .addOption(
      new Option('--load <file>', 'evaluate this saved model on the data set instead of training')
        // These only shape a training run, which --load skips.
        .conflicts(['epochs', 'seed', 'save']),
    )
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.parse(argv, { from: 'user' });
  return program.opts<DemoOptions>();
}
