/** The keys of `T` that `K` leaves out. */
type MissingKeys<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;

/**
 * A typed list of every key of the options interface `T`, for {@link checkOptions}:
 * `optionKeys<DenseOptions>()(['units', 'activation'])` compiles only when the list names
 * every key of `DenseOptions` and nothing else, so the list cannot drift from the
 * interface. (Two calls because TypeScript cannot infer the list while `T` is given.)
 *
 * @typeParam T - the options interface
 * @returns a function that takes the list and returns it unchanged
 */
export function optionKeys<T extends object>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & ([MissingKeys<T, K>] extends [never] ? unknown : { missingKeys: MissingKeys<T, K> }),
  ): readonly (keyof T & string)[] => keys;
}
