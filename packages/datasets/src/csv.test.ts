import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { parseJsonArray } from './json.js';

const text = `size,colour,weight,label
1.5,red,10,cat
2,"blue",11,dog
0.5,red,9,cat

3,green,"1e1",bird
`;

describe('parseCsv', () => {
  it('keeps numeric columns, one-hot encodes categorical ones and label-encodes the target', () => {
    const t = parseCsv(text, { target: 'label' });
    expect(t.featureNames).toEqual(['size', 'colour=blue', 'colour=green', 'colour=red', 'weight']);
    expect(t.X.toArray()).toEqual([
      [1.5, 0, 0, 1, 10],
      [2, 1, 0, 0, 11],
      [0.5, 0, 0, 1, 9],
      [3, 0, 1, 0, 10],
    ]);
    expect(t.classNames).toEqual(['bird', 'cat', 'dog']);
    expect(Array.from(t.y)).toEqual([1, 2, 1, 0]);
    expect(t.columns[1]).toEqual({ name: 'colour', categories: ['blue', 'green', 'red'] });
  });

  it('takes a feature subset, given classes and categories, and numeric targets', () => {
    const t = parseCsv(text, {
      target: 'label',
      features: ['weight', 'colour'],
      classNames: ['dog', 'cat', 'bird'],
      categories: { colour: ['red', 'green', 'blue', 'pink'] },
    });
    expect(t.featureNames).toEqual([
      'weight',
      'colour=red',
      'colour=green',
      'colour=blue',
      'colour=pink',
    ]);
    expect(t.X.toArray()[1]).toEqual([11, 0, 0, 1, 0]);
    expect(Array.from(t.y)).toEqual([1, 0, 1, 2]);
    const r = parseCsv(text, { target: 'weight', targetType: 'number', features: ['size'] });
    expect(r.y.shape).toEqual([4, 1]);
    expect(Array.from(r.y.data)).toEqual([10, 11, 9, 10]);
  });

  it('sorts numeric class names numerically', () => {
    const t = parseCsv('x,q\n1,10\n2,9\n3,10\n', { target: 'q' });
    expect(t.classNames).toEqual(['9', '10']);
    expect(Array.from(t.y)).toEqual([1, 0, 1]);
  });

  it('names the row and column of bad input', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', { target: 'b' })).toThrow(
      'parseCsv: data row 2 has 1 fields; expected 2 like the header',
    );
    expect(() => parseCsv('a,b\n1,2\n ,3\n', { target: 'b' })).toThrow(
      'parseCsv: data row 2, column "a" is empty; expected a value (drop or fill missing values first)',
    );
    expect(() => parseCsv('a,b\n1,2\n', { target: 'c' })).toThrow(
      'parseCsv: target "c" is not a column; the columns are "a", "b"',
    );
    expect(() => parseCsv('a,b\n1,x\n', { target: 'b', targetType: 'number' })).toThrow(
      'parseCsv: data row 1, column "b" is "x"; expected a finite number',
    );
    expect(() => parseCsv('a,b\n1,x\n', { target: 'b', classNames: ['y'] })).toThrow(
      /target "b" is "x", which is not among classNames "y"/,
    );
    expect(() => parseCsv('a,b\n"1,2\n', { target: 'b' })).toThrow(
      /parseCsv: .*Quoted field unterminated/,
    );
    expect(() => parseCsv('', { target: 'b' })).toThrow(/empty; expected a header row/);
    expect(() => parseCsv('a,a\n1,2\n', { target: 'a' })).toThrow(/names column "a" twice/);
    expect(() => parseCsv('a,b\n1,2\n', { target: 'b', features: ['a', 'b'] })).toThrow(
      /"b" is both the target and a feature/,
    );
  });
});

describe('parseJsonArray', () => {
  it('reads records with the same rules as parseCsv', () => {
    const json = JSON.stringify([
      { size: 1.5, colour: 'red', weight: '10', label: 'cat' },
      { size: 2, colour: 'blue', weight: 11, label: 'dog' },
      { size: 0.5, colour: 'red', weight: 9, label: 'cat' },
      { size: 3, colour: 'green', weight: 10, label: 'bird' },
    ]);
    const fromJson = parseJsonArray(json, { target: 'label' });
    const fromCsv = parseCsv(text, { target: 'label' });
    expect(fromJson.X.toArray()).toEqual(fromCsv.X.toArray());
    expect(fromJson.y).toEqual(fromCsv.y);
    expect(fromJson.classNames).toEqual(fromCsv.classNames);
  });

  it('rejects what is not an array of complete records', () => {
    expect(() => parseJsonArray('{"a": 1}', { target: 'a' })).toThrow(
      /input is object; expected a non-empty array/,
    );
    expect(() => parseJsonArray([], { target: 'a' })).toThrow(/an empty array/);
    expect(() => parseJsonArray([{ a: 1, b: 2 }, 3], { target: 'b' })).toThrow(
      /element 1 is 3; expected a record/,
    );
    expect(() => parseJsonArray([{ a: 1, b: 2 }, { b: 3 }], { target: 'b' })).toThrow(
      'parseJsonArray: element 1, column "a" is empty; expected a value (drop or fill missing values first)',
    );
    expect(() => parseJsonArray([{ a: [1], b: 2 }], { target: 'b' })).toThrow(/key "a" is \[1\]/);
  });
});
