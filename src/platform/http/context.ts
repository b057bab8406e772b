import type { Context } from 'hono'
import type { Logger } from 'pino'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import type { Lang } from '../i18n/i18n.js'
import type { Actor } from '../auth/permissions.js'
import type { Org } from '../orgs/orgs.schema.js'
import type { MasterKeys } from '../crypto/index.js'

export type AppDeps = {
  db: Db
  config: Config
  log: Logger
  /** HMAC key for CSRF tokens and similar; from APP_SECRET or a generated file. */
  appSecret: string
  masterKeys: MasterKeys
}

export type AppEnv = {
  Variables: {
    deps: AppDeps
    requestId: string
    lang: Lang
    org: Org | null
    actor: Actor | null
    sessionId: string | null
    secondFactorPending: boolean
    csrfSeed: string | undefined
  }
}
export type AppContext = Context<AppEnv>

/** What a use case needs: who acts, for which agency, with which database. */
export type UseCaseCtx = {
  deps: AppDeps
  db: Db
  orgId: string | null
  actor: Actor | null
  requestId: string
  lang: Lang
}

export function ctxOf(c: AppContext): UseCaseCtx {
  const deps = c.get('deps')
  return {
    deps,
    db: deps.db,
    orgId: c.get('org')?.id ?? null,
    actor: c.get('actor'),
    requestId: c.get('requestId'),
    lang: c.get('lang'),
  }
}
