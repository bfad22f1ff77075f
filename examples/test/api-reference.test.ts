import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createData } from '@neunet/datasets';
import { Dense, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { NeuralNetwork } from '@neunet/model';
import {
  Application,
  type DeclarationReflection,
  type ProjectReflection,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
} from 'typedoc';
import { beforeAll, describe, expect, it } from 'vitest';

// `pnpm run docs` builds the reference from these options; this test converts the same
// sources (without writing HTML) and checks what a user will read.
const root = join(import.meta.dirname, '..', '..');
let app: Application;
let project: ProjectReflection;

beforeAll(async () => {
  app = await Application.bootstrapWithPlugins({ options: join(root, 'typedoc.json') }, [
    new TypeDocReader(),
    new TSConfigReader(),
  ]);
  const converted = await app.convert();
  if (!converted) throw new Error('TypeDoc could not convert the packages (see its log above)');
  project = converted;
  app.validate(project);
});

function declaration(path: string[]): DeclarationReflection {
  const found = project.getChildByName(path);
  if (!found) throw new Error(`the reference has no ${path.join('.')}`);
  return found as DeclarationReflection;
}

function text(parts: readonly { text: string }[] | undefined): string {
  return (parts ?? []).map((part) => part.text).join('');
}

describe('the API reference (pnpm run docs)', () => {
  it('converts with no TypeDoc error or warning (missing exports, broken links)', () => {
    // typedoc.json sets treatWarningsAsErrors, so a warning is counted as an error.
    expect(app.logger.hasErrors()).toBe(false);
    expect(app.logger.hasWarnings()).toBe(false);
  });

  it('documents every entry point of every published package, by its import name', () => {
    const expected: string[] = [];
    const packages = join(root, 'packages');
    for (const dir of readdirSync(packages)) {
      const manifest = JSON.parse(readFileSync(join(packages, dir, 'package.json'), 'utf8')) as {
        name: string;
        private?: boolean;
        exports: Record<string, unknown>;
      };
      if (manifest.private) continue;
      for (const subpath of Object.keys(manifest.exports)) {
        if (subpath === './package.json') continue;
        expected.push(subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`);
      }
    }
    const modules = project.getChildrenByKind(ReflectionKind.Module);
    expect(modules.map((m) => m.name).sort()).toEqual(expected.sort());
    for (const module of modules) {
      expect(text(module.comment?.summary), `${module.name} has a description`).not.toBe('');
    }
  });

  it('gives every train option a description, its type and its default', () => {
    const options = declaration(['@neunet/model', 'TrainOptions']);
    const properties = options.children ?? [];
    expect(properties.length).toBeGreaterThanOrEqual(14);
    for (const property of properties) {
      const name = `TrainOptions.${property.name}`;
      expect(property.flags.isOptional, `${name} is optional`).toBe(true);
      expect(property.type?.toString(), `${name} has a type`).toBeTruthy();
      expect(text(property.comment?.summary), `${name} has a description`).not.toBe('');
      const fallback = property.comment?.getTag('@defaultValue');
      expect(text(fallback?.content), `${name} has a @defaultValue`).not.toBe('');
    }
  });

  it('states the defaults train really uses (epochs, batchSize)', () => {
    const documented = (name: string) =>
      Number(
        text(
          declaration(['@neunet/model', 'TrainOptions', name]).comment?.getTag('@defaultValue')
            ?.content,
        ).replaceAll('`', ''),
      );
    const epochs = documented('epochs');
    const batchSize = documented('batchSize');
    const samples = batchSize + 5;
    const { X } = createData({ samples, classes: 1, seed: 0 });
    const model = new NeuralNetwork({ seed: 1 })
      .add(new Dense(2, 2))
      .add(new Softmax())
      .setLoss(new CategoricalCrossentropy());
    const sizes: number[] = [];
    const labels = Int32Array.from({ length: samples }, (_, i) => i % 2);
    const history = model.train(X, labels, {
      callbacks: [
        { onBatchEnd: (_batch, logs) => void (sizes.length < 2 && sizes.push(logs.size)) },
      ],
    });
    expect(history.loss.length).toBe(epochs);
    expect(sizes).toEqual([batchSize, 5]);
  });
});
