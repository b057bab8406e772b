import { z } from 'zod'

// The only reader of process.env. Everything else receives a typed Config.
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  DEMO: z.enum(['on', 'off']).optional(),
  /** Comma list "id:base64,…" of 32-byte master keys; first is current. Default: key file in DATA_DIR/secrets. */
  MASTER_KEYS: z.string().optional(),
  /** Secret for CSRF tokens and similar HMACs. Default: generated into DATA_DIR/secrets. */
  APP_SECRET: z.string().min(32).optional(),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z.enum(['on', 'off']).default('off'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Prongsai <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = {
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  embeddedPgPort: number
  demo: boolean
  masterKeys: string | undefined
  appSecret: string | undefined
  publicUrl: string | undefined
  /**
   * The origin every absolute link is built from (mails, feeds, sitemaps, DCAT): PUBLIC_URL, or for a
   * local demo the app's own listen address. Never the request's Host header.
   */
  siteOrigin: string
  trustProxy: boolean
  smtpUrl: string | undefined
  mailFrom: string
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration (environment variables):\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const demo = e.DEMO ? e.DEMO === 'on' : !e.DATABASE_URL
  // Links in mails and feeds must not come from a Host header anyone can send (docs/security.md).
  if (!demo && !e.PUBLIC_URL && e.NODE_ENV !== 'test') {
    throw new Error('Invalid configuration (environment variables):\n  PUBLIC_URL: required when the demo is off (the address people use to reach this deployment, e.g. https://prongsai.example.go.th)')
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    // The demo is on by default only for the embedded database: a real deployment
    // (DATABASE_URL given) never gets default passwords unless it asks for them.
    demo,
    masterKeys: e.MASTER_KEYS,
    appSecret: e.APP_SECRET,
    publicUrl: e.PUBLIC_URL,
    siteOrigin: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY === 'on',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
  }
}
