import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config.js'
import { createApp } from '../../src/app/create-app.js'
import { registry } from '../../src/app/registry.js'
import { noJobs } from '../../src/platform/jobs/runner.js'
import type { AppDeps, UseCaseCtx } from '../../src/platform/http/context.js'
import { createLogger } from '../../src/platform/logger.js'
import { loadMasterKeys } from '../../src/platform/crypto/index.js'
import { createTestDatabase, type TestDatabase } from './db.js'
import { users, type User } from '../../src/platform/auth/auth.schema.js'
import { eq } from 'drizzle-orm'
import { inOrg } from '../../src/db/client.js'
import { orgs, type Org } from '../../src/platform/orgs/orgs.schema.js'
import type { OrgUseCaseCtx } from '../../src/platform/http/context.js'

export type TestApp = {
  app: ReturnType<typeof createApp>
  deps: AppDeps
  database: TestDatabase
  close: () => Promise<void>
}

/** A use case's context for calling services directly as `user` (or anonymously) in `orgId`. */
export function useCaseCtx(t: TestApp, orgId: string, user: User | null): UseCaseCtx & { orgId: string } {
  return {
    deps: t.deps,
    db: t.deps.db,
    orgId,
    actor: user ? { userId: user.id, orgId: user.orgId, role: user.role, displayName: user.displayName, email: user.email, unitIds: [], permissions: t.deps.registry.permissionsOf(user.role) } : null,
    requestId: 'test',
    lang: 'th',
  }
}

/** The real app on a fresh database, with generated secrets. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase()
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'prongsai-')), DATABASE_URL: database.ownerUrl, DEMO: 'off', ...env })
  const deps: AppDeps = {
    db: database.db,
    config,
    log: createLogger('silent'),
    appSecret: randomBytes(32).toString('base64url'),
    masterKeys: loadMasterKeys({ keys: `test1:${randomBytes(32).toString('base64')}` }),
    registry,
    ownerUrl: database.ownerUrl,
    jobs: noJobs,
  }
  return { app: createApp(deps), deps, database, close: () => database.drop() }
}

type Fetcher = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }

/** A browser-like client for app.request(): keeps cookies, finds each form's CSRF token. */
export class TestClient {
  readonly cookies = new Map<string, string>()
  constructor(private readonly app: Fetcher) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  /** Keeps the cookies a response sets (as a browser would). */
  remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';')
      const i = pair!.indexOf('=')
      const name = pair!.slice(0, i).trim()
      const value = pair!.slice(i + 1).trim()
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a))
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(path, { headers: { cookie: this.cookieHeader(), host: 'localhost', ...headers } })
    this.remember(res)
    return res
  }
  /** The _csrf value of the first form on a page. */
  async csrfFrom(path: string): Promise<string> {
    const html = await (await this.get(path)).text()
    const m = html.match(/name="_csrf" value="([^"]+)"/)
    if (!m) throw new Error(`no CSRF field on ${path}`)
    return m[1]!
  }
  async post(path: string, form: Record<string, string | string[]>, opts: { csrfFrom?: string; csrf?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
    const body = new URLSearchParams()
    const token = opts.csrf === null ? undefined : (opts.csrf ?? (await this.csrfFrom(opts.csrfFrom ?? path)))
    if (token) body.append('_csrf', token)
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x)
    const res = await this.app.request(path, {
      method: 'POST',
      body,
      headers: { cookie: this.cookieHeader(), host: 'localhost', 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
    })
    this.remember(res)
    return res
  }
  async signIn(orgSlug: string | null, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    const login = orgSlug ? `/o/${orgSlug}/login` : '/login'
    return this.post(login, { email, password }, { headers })
  }
}

/**
 * The demo loaded into a test app (as `npm start` loads it), with the demo agency and a use-case
 * context of its account of `role` — what every module's demo test starts from.
 */
export async function demoAgency(t: TestApp, role: User['role'] = 'agency_admin'): Promise<{ org: Org; ctx: OrgUseCaseCtx }> {
  const { loadDemoIfEmpty } = await import('../../src/app/demo.js')
  await loadDemoIfEmpty(t.deps)
  const [org] = await t.deps.db.select().from(orgs).where(eq(orgs.slug, 'phanomrung'))
  if (!org) throw new Error('the demo agency was not loaded')
  const user = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(users).where(eq(users.orgId, org.id)))).find((u) => u.role === role)
  if (!user) throw new Error(`the demo agency has no ${role} account`)
  return { org, ctx: useCaseCtx(t, org.id, user) as OrgUseCaseCtx }
}
