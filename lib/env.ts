// Environment: validated once with zod so a bad configuration stops with a clear message.
import path from 'node:path'
import { z } from 'zod'

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z
    .url({ protocol: /^https?$/, message: 'SITE_URL must be an absolute http(s) URL, e.g. https://news.example.com' })
    .optional(),
  DATABASE_PATH: z.string().min(1).default('data/site.db'),
  // Loose on purpose: admin@localhost is a fine address for a local install.
  ADMIN_EMAIL: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'ADMIN_EMAIL must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must be at least 8 characters').max(128).optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
})

export type Env = z.infer<typeof schema> & { siteUrl: string; databasePath: string }

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  return {
    ...env,
    siteUrl: (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    databasePath: path.resolve(env.DATABASE_PATH),
  }
}

/** Read on each call (it is cheap) so tests and CLIs that change process.env see the change. */
export function env(): Env {
  return readEnv()
}
