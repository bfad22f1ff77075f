import { describe, expect, it } from 'vitest';
import { LabelEncoder } from './label-encoder.js';

describe('LabelEncoder', () => {
  it('numbers the sorted distinct labels and maps back', () => {
    const e = new LabelEncoder();
    const y = e.fitTransform(['paris', 'tokyo', 'amsterdam', 'paris']);
    expect(e.classes).toEqual(['amsterdam', 'paris', 'tokyo']);
    expect(Array.from(y)).toEqual([1, 2, 0, 1]);
    expect(e.inverseTransform(y)).toEqual(['paris', 'tokyo', 'amsterdam', 'paris']);
    const restored = LabelEncoder.fromJSON(JSON.parse(JSON.stringify(e.toJSON())));
    expect(Array.from(restored.transform(['tokyo']))).toEqual([2]);
  });

  it('rejects unknown labels, bad indices and use before fit', () => {
    const e = new LabelEncoder().fit(['a', 'b']);
    expect(() => e.transform(['a', 'c'])).toThrow(
      'LabelEncoder.transform: labels[1] is "c", which was not seen in fit; expected one of "a", "b"',
    );
    expect(() => e.inverseTransform([0, 2])).toThrow(
      'LabelEncoder.inverseTransform: indices[1] is 2; expected an integer in 0..1',
    );
    expect(() => new LabelEncoder().transform(['a'])).toThrow(
      /not fitted; call fit\(labels\) first/,
    );
    expect(() => new LabelEncoder().fit([])).toThrow(/labels is empty/);
    expect(() => LabelEncoder.fromJSON({ type: 'LabelEncoder', classes: ['a', 'a'] })).toThrow(
      /duplicates/,
    );
  });
});
