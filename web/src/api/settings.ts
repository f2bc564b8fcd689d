// 系统设置: the company's settings and the JSON schema that describes them.
import { call, type BodyOf } from './client';

export type Settings = Record<string, unknown>;
/** The part of a JSON schema the settings form draws from. */
export type SchemaNode = {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  multipleOf?: number;
};
export type RegionPriority = { spring_summer: string[]; autumn_winter: string[] };

export const settingsApi = {
  get: (): Promise<Settings> => call('GET /api/settings'),
  schema: (): Promise<SchemaNode> => call('GET /api/settings/schema'),
  /** Saves a partial change; the whole settings come back. */
  update: (body: BodyOf<'PATCH /api/settings'>): Promise<Settings> => call('PATCH /api/settings', { body }),
  regionPriority: async (): Promise<RegionPriority> =>
    ((await call('GET /api/settings')) as { allocation: { regionPriority: RegionPriority } }).allocation.regionPriority,
};
