import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = import.meta.dirname;

/**
 * The relative imports of a file that run at load time: `import type`, `export type` and
 * imports whose every name is a type vanish from the JavaScript, so they cannot form a cycle.
 */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const found: string[] = [];
  for (const node of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          bindings &&
          ts.isNamedImports(bindings) &&
          bindings.elements.length > 0 &&
          bindings.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specifier = node.moduleSpecifier;
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly) {
      const clause = node.exportClause;
      const onlyTypes =
        clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specifier = node.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      found.push(resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts')));
    }
  }
  return found;
}

/** Every cycle of runtime imports among `files`, each as a path of names relative to src. */
function cycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(src, f)));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
  .map((f) => join(src, f));

describe('@neunet/model imports', () => {
  it('has no cycle of runtime imports (saving knows NeuralNetwork as a type only)', () => {
    expect(sources).toContain(join(src, 'saving', 'artifacts.ts'));
    expect(cycles(sources)).toEqual([]);
  });

  it('neural-network.ts loads saving/artifacts.ts, which imports it back as a type only', () => {
    const probe = join(src, 'neural-network.ts');
    expect(runtimeImports(probe)).toContain(join(src, 'saving', 'artifacts.ts'));
    expect(runtimeImports(join(src, 'saving', 'artifacts.ts'))).not.toContain(probe);
  });
});
