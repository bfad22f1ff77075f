/** A fitted LabelEncoder as plain JSON. */
export interface LabelEncoderJSON {
  type: 'LabelEncoder';
  classes: string[];
}

/**
 * Maps string class labels to indices 0..K−1 and back, as scikit-learn's `LabelEncoder`:
 * `fit` takes the distinct labels sorted by code unit, so label i is `classes[i]`.
 * Throws on a label that was not seen in fit, an index out of range, or use before fit.
 */
export class LabelEncoder {
  private names: string[] | undefined;
  private index: Map<string, number> | undefined;

  /** The class names in index order, or undefined before fit. */
  get classes(): readonly string[] | undefined {
    return this.names && [...this.names];
  }

  fit(labels: readonly string[]): this {
    if (labels.length === 0)
      throw new Error('LabelEncoder.fit: labels is empty; expected at least one label');
    labels.forEach((l, i) => {
      if (typeof l !== 'string') {
        throw new Error(`LabelEncoder.fit: labels[${i}] is ${String(l)}; expected a string`);
      }
    });
    this.setClasses([...new Set(labels)].sort());
    return this;
  }

  transform(labels: readonly string[]): Int32Array {
    const index = this.fitted('transform');
    const out = new Int32Array(labels.length);
    labels.forEach((l, i) => {
      const c = index.get(l);
      if (c === undefined) {
        throw new Error(
          `LabelEncoder.transform: labels[${i}] is ${JSON.stringify(l)}, which was not seen in fit; ` +
            `expected one of ${this.names!.map((n) => JSON.stringify(n)).join(', ')}`,
        );
      }
      out[i] = c;
    });
    return out;
  }

  fitTransform(labels: readonly string[]): Int32Array {
    return this.fit(labels).transform(labels);
  }

  inverseTransform(indices: Int32Array | readonly number[]): string[] {
    this.fitted('inverseTransform');
    const names = this.names!;
    return Array.from(indices, (c, i) => {
      if (!(Number.isInteger(c) && c >= 0 && c < names.length)) {
        throw new Error(
          `LabelEncoder.inverseTransform: indices[${i}] is ${c}; expected an integer in 0..${names.length - 1}`,
        );
      }
      return names[c]!;
    });
  }

  toJSON(): LabelEncoderJSON {
    this.fitted('toJSON');
    return { type: 'LabelEncoder', classes: [...this.names!] };
  }

  static fromJSON(json: LabelEncoderJSON): LabelEncoder {
    const fn = 'LabelEncoder.fromJSON';
    if (json?.type !== 'LabelEncoder')
      throw new Error(`${fn}: type is ${String(json?.type)}; expected 'LabelEncoder'`);
    const classes: unknown = json.classes;
    if (
      !Array.isArray(classes) ||
      classes.length === 0 ||
      !classes.every((c) => typeof c === 'string')
    ) {
      throw new Error(
        `${fn}: classes is not a non-empty array of strings; expected the output of toJSON()`,
      );
    }
    if (new Set(classes).size !== classes.length)
      throw new Error(`${fn}: classes has duplicates; expected distinct names`);
    const encoder = new LabelEncoder();
    encoder.setClasses([...(classes as string[])]);
    return encoder;
  }

  private setClasses(names: string[]): void {
    this.names = names;
    this.index = new Map(names.map((n, i) => [n, i]));
  }

  private fitted(method: string): Map<string, number> {
    if (!this.index)
      throw new Error(`LabelEncoder.${method}: the encoder is not fitted; call fit(labels) first`);
    return this.index;
  }
}
