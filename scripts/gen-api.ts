// Writes web/src/api/generated.ts from the API's own OpenAPI document (built from the zod route schemas), so the
// web client's requests are typed by the server's schemas: `npm run api:generate` after changing a route.
// Run with tsx: node --import tsx scripts/gen-api.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import prettier from 'prettier';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = any;
type Doc = { paths?: Record<string, Schema> };
type Operation = { key: string; tag: string; op: Schema };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const generatedFile = path.join(root, 'web/src/api/generated.ts');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The OpenAPI document of an app built in-process on an empty in-memory database (no request is served). */
export async function openApiDocument(): Promise<Doc> {
  const { buildApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { connectPglite } = await import('../src/db/connect');
  const database = await connectPglite();
  const config = loadConfig({ LUYUE_DATA_DIR: path.join(root, '.unused') } as NodeJS.ProcessEnv);
  const app = await buildApp({
    db: database.db,
    engine: database.engine,
    config,
    version: 'api',
    clock: () => new Date(0),
  });
  try {
    await app.ready();
    return app.swagger() as Doc;
  } finally {
    await app.close();
    await database.close();
  }
}

/** Every operation of the document as `METHOD /path`, in document order, with its tag. */
export function operationsOf(doc: Doc): Operation[] {
  const ops: Operation[] = [];
  for (const [p, item] of Object.entries((doc.paths ?? {}) as Record<string, Schema>))
    for (const m of METHODS)
      if (item[m]) ops.push({ key: `${m.toUpperCase()} ${p}`, tag: item[m].tags?.[0] ?? 'other', op: item[m] });
  return ops;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const propKey = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));
const paren = (t: string) => (/[|&]/.test(t) && !/^[{(]/.test(t) ? `(${t})` : t);

/**
 * A TypeScript type for a JSON schema as the client sends it: a property with a default is optional (the
 * server fills it), formats and bounds are left to the server's validation.
 */
export function schemaToTs(s: Schema): string {
  if (s === undefined || s === true || s === null) return 'unknown';
  if (s === false) return 'never';
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v: unknown) => JSON.stringify(v)).join(' | ') || 'never';
  const alternatives = s.anyOf ?? s.oneOf;
  if (Array.isArray(alternatives))
    return [...new Set(alternatives.map((a: Schema) => paren(schemaToTs(a))))].join(' | ');
  if (Array.isArray(s.allOf)) return s.allOf.map((a: Schema) => paren(schemaToTs(a))).join(' & ');
  if (Array.isArray(s.type)) return s.type.map((t: string) => paren(schemaToTs({ ...s, type: t }))).join(' | ');
  switch (s.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `Array<${schemaToTs(s.items)}>`;
    case 'object':
    case undefined:
      if (s.type === undefined && !s.properties && s.additionalProperties === undefined) return 'unknown';
      return objectToTs(s);
    default:
      return 'unknown';
  }
}

function objectToTs(s: Schema): string {
  const required = new Set<string>(s.required ?? []);
  const props = Object.entries((s.properties ?? {}) as Record<string, Schema>).map(([k, v]) => {
    const optional = !required.has(k) || (v && v.default !== undefined);
    return `${propKey(k)}${optional ? '?' : ''}: ${schemaToTs(v)}`;
  });
  const extra = s.additionalProperties;
  if (extra && typeof extra === 'object') props.push(`[key: string]: ${schemaToTs(extra)}`);
  else if (extra === true || (extra === undefined && !props.length)) props.push('[key: string]: unknown');
  return props.length ? `{ ${props.join('; ')} }` : 'Record<string, never>';
}

function paramsToTs(parameters: Schema[] | undefined, where: 'path' | 'query'): string {
  const own = (parameters ?? []).filter((p: Schema) => p.in === where);
  if (!own.length) return 'Record<string, never>';
  const props = own.map((p: Schema) => {
    const optional = where !== 'path' && (!p.required || p.schema?.default !== undefined);
    return `${propKey(p.name)}${optional ? '?' : ''}: ${schemaToTs(p.schema)}`;
  });
  return `{ ${props.join('; ')} }`;
}

function bodyToTs(method: string, op: Schema): string {
  if (method === 'GET') return 'undefined';
  const json = op.requestBody?.content?.['application/json']?.schema;
  // No JSON body schema: an empty body, or a multipart upload (Excel imports, attachments).
  return json ? schemaToTs(json) : 'FormData | undefined';
}

function responseToTs(op: Schema): string {
  for (const [status, r] of Object.entries((op.responses ?? {}) as Record<string, Schema>))
    if (status.startsWith('2') && r.content?.['application/json']?.schema)
      return schemaToTs(r.content['application/json'].schema);
  return 'unknown';
}

const pascal = (tag: string) =>
  tag.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_: string, _sep: string, c: string) => c.toUpperCase());
const comment = (text: string | undefined) =>
  text ? `  /** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ')} */\n` : '';

/** The source of generated.ts for a document (before Prettier). */
export function renderApi(doc: Doc): string {
  const byTag = new Map<string, Operation[]>();
  for (const o of operationsOf(doc)) byTag.set(o.tag, [...(byTag.get(o.tag) ?? []), o]);
  const tags = [...byTag.keys()].sort();
  let out =
    '// Generated by scripts/gen-api.ts from the OpenAPI document: do not edit, run `npm run api:generate`.\n' +
    '// One entry per operation, `METHOD /path`: its path params, query and body as the server validates them,\n' +
    '// and its response where the route declares one (`unknown` where not).\n\n';
  for (const tag of tags) {
    out += `export interface ${pascal(tag)}Operations {\n`;
    for (const { key, op } of byTag.get(tag)!) {
      out += comment(op.summary);
      out += `  ${JSON.stringify(key)}: {\n`;
      out += `    params: ${paramsToTs(op.parameters, 'path')};\n`;
      out += `    query: ${paramsToTs(op.parameters, 'query')};\n`;
      out += `    body: ${bodyToTs(key.split(' ')[0], op)};\n`;
      out += `    response: ${responseToTs(op)};\n  };\n`;
    }
    out += '}\n\n';
  }
  out += `export type Operations = ${tags.map((t) => `${pascal(t)}Operations`).join(' & ')};\n\n`;
  out += 'export type OperationKey = keyof Operations;\n\n';
  out += '/** The operations of each domain (OpenAPI tag). */\nexport const operationsByTag = {\n';
  for (const tag of tags)
    out += `  ${propKey(tag)}: [${byTag
      .get(tag)!
      .map((o) => JSON.stringify(o.key))
      .join(', ')}],\n`;
  out += '} as const satisfies Record<string, readonly OperationKey[]>;\n';
  return out;
}

/** generated.ts for a document, formatted as the repository's Prettier config says. */
export async function generateApi(doc: Doc): Promise<string> {
  const options = (await prettier.resolveConfig(generatedFile)) ?? {};
  return prettier.format(renderApi(doc), { ...options, parser: 'typescript' });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(generatedFile, await generateApi(await openApiDocument()));
  console.log(`wrote ${path.relative(root, generatedFile)}`);
}
