import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { getSettings, updateSettings } from './settings.service';
import { settingsSchema } from './settings.schemas';

const settingsJsonSchema = z.toJSONSchema(settingsSchema, { io: 'input', unrepresentable: 'any' });

export function settingsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/settings',
    {
      config: { roles: 'any' },
      schema: { tags: ['settings'], summary: 'Company settings: time limits, review stages, order numbering' },
    },
    async (req) => getSettings(ctx.db, actorOf(req).companyId),
  );
  r.get(
    '/api/settings/schema',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['settings'],
        summary: 'JSON Schema of the settings (types, limits, defaults): the settings page draws its form from it',
      },
    },
    async () => settingsJsonSchema,
  );
  r.patch(
    '/api/settings',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['settings'], summary: 'Change company settings', body: z.record(z.string(), z.unknown()) },
    },
    async (req) => updateSettings(ctx.db, actorOf(req), envOf(ctx), req.body),
  );
}
