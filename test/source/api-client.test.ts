import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateApi, generatedFile, openApiDocument, operationsOf, schemaToTs } from '../../scripts/gen-api';
import { urlOf } from '../../web/src/api/client';
import { operationsByTag } from '../../web/src/api/generated';

// The web client's request types come from the routes' own schemas; these checks keep them from drifting.
describe('typed API client (web/src/api/generated.ts)', () => {
  let doc: Awaited<ReturnType<typeof openApiDocument>>;
  beforeAll(async () => {
    doc = await openApiDocument();
  }, 120_000);

  it('is exactly what `npm run api:generate` writes from the current OpenAPI document', async () => {
    const committed = readFileSync(generatedFile, 'utf8');
    // On a mismatch: run `npm run api:generate` and commit web/src/api/generated.ts.
    expect(await generateApi(doc)).toBe(committed);
  });

  it('has an entry, under its tag, for every operation of the document and no other', () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);
    const generated = Object.entries(operationsByTag).flatMap(([tag, keys]) => keys.map((k) => `${tag} ${k}`));
    expect(generated.sort()).toEqual(ops.map((o) => `${o.tag} ${o.key}`).sort());
    expect(Object.values(operationsByTag).flat()).toContain('PATCH /api/customers/{id}');
  });

  it('types a schema as the client sends it: defaults optional, enums as unions, nullables with null', () => {
    const body = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        kind: { type: 'string', enum: ['a', 'b'] },
        days: { type: 'integer', default: 0 },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        'x-y': { type: 'array', items: { type: 'boolean' } },
      },
      required: ['name', 'kind', 'days'],
      additionalProperties: false,
    };
    expect(schemaToTs(body)).toBe(
      '{ name: string; kind: "a" | "b"; days?: number; note?: string | null; "x-y"?: Array<boolean> }',
    );
    expect(schemaToTs({ type: 'object', additionalProperties: { type: 'number' } })).toBe('{ [key: string]: number }');
  });

  it('builds URLs from operation keys: path params encoded, empty query values dropped', () => {
    expect(urlOf('GET /api/customers/{id}', { params: { id: 'a/b' } })).toBe('/api/customers/a%2Fb');
    expect(urlOf('GET /api/change-requests/{id}/form', { params: { id: 'c1' }, query: { format: 'xlsx' } })).toBe(
      '/api/change-requests/c1/form?format=xlsx',
    );
    expect(urlOf('GET /api/samples', { query: { status: undefined } })).toBe('/api/samples');
  });
});
