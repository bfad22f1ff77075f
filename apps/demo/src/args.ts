import { Command, InvalidArgumentError, Option } from 'commander';
import { TASK_NAMES, type TaskName } from './tasks.js';

export interface DemoOptions {
  /** The task's own epoch count when absent. */
  epochs?: number;
  seed: number;
  dataSeed: number;
  dataset: TaskName;
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

/** The demo's command line; `--help` lists the options, a bad value exits with its name. */
export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  const program = new Command('pnpm demo')
    .description("Trains the seed's example, prints its metrics and writes an HTML report")
    .addOption(
      new Option('--epochs <n>', "most epochs to train (default: the data set's own)").argParser(
        integer(1),
      ),
    )
    .addOption(
      new Option('--seed <n>', 'model seed (weights, shuffling, dropout)')
        .argParser(integer(0))
        .default(42),
    )
    .addOption(new Option('--data-seed <n>', 'data set seed').argParser(integer(0)).default(0))
    .addOption(
      new Option('--dataset <name>', 'data set and network to run')
        .choices(TASK_NAMES)
        .default('spiral'),
    )
    .addOption(new Option('--out <file>', 'where to write the HTML report').default('report.html'))
    .addOption(
      new Option('--save <file>', 'where to save the trained model').default('model.neunet'),
    )
    .addOption(
      new Option('--load <file>', 'evaluate this saved model on the data set instead of training'),
    )
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.parse(argv, { from: 'user' });
  return program.opts<DemoOptions>();
}
