import { z } from 'zod';
import path from 'node:path';

// Environment → typed configuration, validated once at start.
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  LUYUE_DATA_DIR: z.string().default('./data'),
  LUYUE_SESSION_IDLE_HOURS: z.coerce.number().positive().default(8),
  LUYUE_WORK_START: z
    .string()
    .regex(/^\d\d:\d\d$/)
    .default('09:00'),
  LUYUE_WORK_END: z
    .string()
    .regex(/^\d\d:\d\d$/)
    .default('18:00'),
  LUYUE_TIMEZONE: z.string().default('Asia/Shanghai'),
  LUYUE_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  LUYUE_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  LUYUE_IMPORT_MAX_UNPACKED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  LUYUE_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(50_000),
  LUYUE_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LUYUE_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LUYUE_BACKUP_DIR: z.string().optional(),
  LUYUE_BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  LUYUE_BACKUP_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('02:30'),
  LOG_LEVEL: z.string().default('info'),
  LUYUE_PUBLIC_URL: z.url().default('http://localhost:3000'),
  LUYUE_TRACKING_LINK_DAYS: z.coerce.number().int().positive().max(366).default(30),
});

export type ImportLimits = { maxBytes: number; maxUnpackedBytes: number; maxRows: number };

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  sessionIdleHours: number;
  workHours: { start: string; end: string; timeZone: string };
  /** auto: demo data on the embedded database when it is empty; on: on any empty database; off: never. */
  demo: 'auto' | 'on' | 'off';
  /** Bounds of an Excel upload: the file, what it unpacks to, and its data rows. */
  imports: ImportLimits;
  cookieSecure: boolean;
  /** Behind a reverse proxy: the client address (for login throttling) comes from X-Forwarded-For. */
  trustProxy: boolean;
  logLevel: string;
  /** The embedded database's nightly backup: its folder, how many files it keeps, its local time (HH:MM). */
  backup: { dir: string; keep: number; at: string };
  /** Where customers reach the app (links in messages to them: tracking pages). */
  publicUrl: string;
  /** How long a public tracking link stays valid after it was sent. */
  trackingLinkDays: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LUYUE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir,
    sessionIdleHours: e.LUYUE_SESSION_IDLE_HOURS,
    workHours: { start: e.LUYUE_WORK_START, end: e.LUYUE_WORK_END, timeZone: e.LUYUE_TIMEZONE },
    demo: e.LUYUE_DEMO,
    imports: {
      maxBytes: e.LUYUE_IMPORT_MAX_BYTES,
      maxUnpackedBytes: e.LUYUE_IMPORT_MAX_UNPACKED_BYTES,
      maxRows: e.LUYUE_IMPORT_MAX_ROWS,
    },
    cookieSecure: e.LUYUE_COOKIE_SECURE === 'true',
    trustProxy: e.LUYUE_TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    backup: {
      dir: path.resolve(e.LUYUE_BACKUP_DIR || path.join(dataDir, 'backups')),
      keep: e.LUYUE_BACKUP_KEEP,
      at: e.LUYUE_BACKUP_TIME,
    },
    publicUrl: e.LUYUE_PUBLIC_URL,
    trackingLinkDays: e.LUYUE_TRACKING_LINK_DAYS,
  };
}
