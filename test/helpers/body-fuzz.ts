import fc from 'fast-check';

// Request bodies for every write route, generated from the route's own JSON schema (as published in the
// OpenAPI document), plus the values known to have reached the database unchecked.

type Schema = Record<string, any>;

export const NASTY_VALUES: unknown[] = [
  '\u0000',
  'a\u0000b',
  'x\uD800y',
  '\uDC00',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '10000-01-01',
  '99999999999999.99',
  '9999999999999999.99',
  '-0.01',
  2147483648,
  -2147483649,
  1e15,
  1e308,
  -1,
  0,
  1.5,
  '__proto__',
  'constructor',
  'x'.repeat(20_000),
  null,
  [],
  {},
];

/** A body arbitrary close to valid: what the schema describes, with ids from the pool now and then. */
export function fromSchema(s: Schema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (Array.isArray(alternatives) && alternatives.length)
    return fc.oneof(...alternatives.map((a: Schema) => fromSchema(a, ids, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length) return fromSchema(s.allOf[0], ids, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const props: Record<string, Schema> = s.properties ?? {};
      if (!Object.keys(props).length && s.additionalProperties && typeof s.additionalProperties === 'object')
        return fc.dictionary(fc.string({ maxLength: 8 }), fromSchema(s.additionalProperties, ids, depth + 1), {
          maxKeys: 3,
        });
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = fromSchema(v, ids, depth + 1);
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    case 'array':
      return fc.array(fromSchema(s.items, ids, depth + 1), {
        minLength: Math.min(s.minItems ?? 0, 3),
        maxLength: Math.max(Math.min(s.maxItems ?? 3, 3), Math.min(s.minItems ?? 0, 3)),
      });
    case 'string':
      return stringFor(s, ids);
    case 'integer':
      return fc.integer({ min: bound(s.minimum ?? s.exclusiveMinimum, -1e6), max: bound(s.maximum, 1e6) });
    case 'number':
      return fc.double({ min: bound(s.minimum, -1e6), max: bound(s.maximum, 1e6), noNaN: true });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

const bound = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function stringFor(s: Schema, ids: string[]): fc.Arbitrary<string> {
  if (s.format === 'uuid') return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  if (s.format === 'date')
    return fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (typeof s.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 200));
    } catch {
      /* a pattern fast-check cannot invert: plain strings */
    }
  }
  const min = s.minLength ?? 0;
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 20, 20)) });
}

/** Replaces one leaf (or the whole body) of a generated body by a known-bad value. */
export function withNastyLeaf(body: unknown, pick: number, value: unknown): unknown {
  const leaves: { parent: any; key: string | number }[] = [];
  const walk = (v: any) => {
    if (v && typeof v === 'object')
      for (const k of Object.keys(v)) {
        leaves.push({ parent: v, key: Array.isArray(v) ? Number(k) : k });
        walk(v[k]);
      }
  };
  const copy = structuredClone(body);
  walk(copy);
  if (!leaves.length) return value;
  const { parent, key } = leaves[pick % leaves.length];
  parent[key] = value;
  return copy;
}
