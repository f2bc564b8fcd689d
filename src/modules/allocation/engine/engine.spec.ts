import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { allocate } from './engine';
import { validateInput } from './validate';
import { exampleCases } from '../../../../test/helpers/allocation-examples';

describe('allocation engine: the shared examples', () => {
  const cases = exampleCases();
  it('finds the examples', () => expect(cases.length).toBeGreaterThanOrEqual(3));
  for (const { name, dir } of cases) {
    it(`reproduces ${name}`, () => {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, `${name}.input.json`), 'utf8'));
      const expected = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8'));
      const v = validateInput(raw);
      expect(v.ok ? [] : v.errors).toEqual([]);
      expect(allocate((v as unknown as { input: never }).input)).toEqual(expected);
    });
  }
});
