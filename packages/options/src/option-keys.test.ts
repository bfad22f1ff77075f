import { describe, expect, it } from 'vitest';
import { optionKeys } from './option-keys.js';

interface Example {
  units?: number;
  activation?: string;
  inputShape?: number[];
}

// `pnpm typecheck` compiles this file: each `@ts-expect-error` fails the type check unless
// the line below it is an error, so these lines test optionKeys's types.
describe('optionKeys', () => {
  it('returns the list of every key of the interface', () => {
    expect(optionKeys<Example>()(['units', 'activation', 'inputShape'])).toEqual([
      'units',
      'activation',
      'inputShape',
    ]);
  });

  it('does not compile when the list misses a key or names one the interface lacks', () => {
    // @ts-expect-error inputShape is missing
    optionKeys<Example>()(['units', 'activation']);
    // @ts-expect-error activaton is not a key of Example
    optionKeys<Example>()(['units', 'activaton', 'inputShape']);
    // @ts-expect-error an empty list misses every key
    optionKeys<Example>()([]);
    optionKeys<Record<never, never>>()([]);
  });
});
