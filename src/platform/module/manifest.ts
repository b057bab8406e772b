import type { Context, Hono } from 'hono'
import type { Logger } from 'pino'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import type { Lang } from '../i18n/i18n.js'
import type { Actor, Permission, PermissionDef } from '../auth/permissions.js'
import type { Org } from '../orgs/orgs.schema.js'
import type { MasterKeys } from '../crypto/index.js'
import type { ParsedBody } from '../http/body.js'

// The platform's contract types in one place: what the app is given (AppDeps), the request
// environments of each area, what a use case receives, and what a module declares (its manifest)
// and the registry built from the manifests. Types only, so every part can depend on them
// without an import cycle.


/** A text in both languages of the app. */
export type Localized = Record<Lang, string>

export type { PermissionDef }

/**
 * A role a module adds (the platform's own roles are defined the same way). A sensitive role
 * (e.g. complaints officer) lets the platform apply stricter rules to granting it without
 * knowing the module.
 */
export type RoleDef = {
  id: string
  label: Localized
  sensitive?: boolean
  description?: Localized
  /** Permissions of other modules (or the platform) this role holds, beyond those that name it. */
  grants?: readonly Permission[]
  /** Whether an agency admin may give this role to an account (false for platform_admin). */
  assignable?: boolean
}

/** An item of the staff menu; the path is relative to /o/<slug>/admin. Shown only to roles that may open it. */
export type StaffNavDef = { id: string; path: string; label: Localized; permission: Permission; order: number }

/** An item of the platform-admin menu; the path is relative to /admin. */
export type PlatformNavDef = { id: string; path: string; label: Localized; order: number }

/** A node of the agency's public menu; the path is relative to /o/<slug> ('/' is the home page). */
export type PublicMenuDef = { id: string; path: string; label: Localized; order: number; children?: PublicMenuDef[] }

/** A card on the staff dashboard: a link with an optional one-line summary the module computes. */
export type DashboardCardDef = {
  id: string
  path: string
  title: Localized
  permission: Permission
  order: number
  summary?: (ctx: UseCaseCtx & { orgId: string }) => Promise<string | null>
}

export type ModuleRoutes = {
  /** Public pages under /o/:org (the org is resolved, never null). */
  public?: () => Hono<OrgEnv>
  /** Staff pages under /o/:org/admin (signed-in staff of this agency). */
  staff?: () => Hono<StaffEnv>
  /** Platform-admin pages under /admin. */
  platform?: () => Hono<PlatformEnv>
  /** Deployment-wide routes at the root (APIs, feeds across agencies). */
  root?: () => Hono<AppEnv>
}

/** Everything a module plugs into the platform. The composition root (src/app) lists the manifests. */
export type ModuleManifest = {
  id: string
  label: Localized
  permissions?: Record<string, PermissionDef>
  roles?: RoleDef[]
  staffNav?: StaffNavDef[]
  platformNav?: PlatformNavDef[]
  publicMenu?: PublicMenuDef[]
  dashboardCards?: DashboardCardDef[]
  routes?: ModuleRoutes
  /** The module's own error codes (AppError codes), `<module>.<code>` → message. */
  errors?: Record<string, Localized>
  /** Folder of the module's SQL migrations (applied by name, after the platform's, in registry order). */
  migrations?: URL
  /** Loads the module's demo content into a demo agency (once, on an empty database). */
  demo?: (deps: AppDeps, org: { id: string; slug: string }) => Promise<void>
  /** Background work, run by the platform's one job runner (pg-boss); scheduled in Bangkok time. */
  jobs?: JobDef[]
  /** Figures computed for every agency and year in one query each (see platform/stats). */
  statistics?: StatisticDef[]
  /** Records of this module that can be linked as evidence (see platform/evidence). */
  evidenceSources?: EvidenceSourceDef[]
  /** Records of this module that evidence can be linked to (activities, plans, OIT items). */
  evidenceTargets?: EvidenceTargetDef[]
  /**
   * Public path prefixes under `/o/:org` answered without looking at the session cookie (no sign-in
   * read, no session refresh written): anonymous answers must leave no trace tied to an account.
   */
  anonymousPaths?: string[]
}

/** A record evidence is linked to, as the source's page shows it ("evidence for: …"). */
export type EvidenceTargetRecord = { id: string; title: string; staffPath: string | null; publicPath: string | null }

/**
 * A kind of record evidence can be linked to. `permission` is what linking and unlinking need;
 * `fiscalYearOf` tells which year a target belongs to (the year its evidence must show work in).
 */
export type EvidenceTargetDef = {
  /** `<module>.<type>`, e.g. "measures.activity" */
  type: string
  label: Localized
  permission: Permission
  describe: (ctx: UseCaseCtx & { orgId: string }, ids: string[]) => Promise<(EvidenceTargetRecord & { fiscalYear: number })[]>
}

/**
 * A job of a module. `schedule` is a cron expression in Asia/Bangkok time; each scheduled run is
 * claimed once across every app process. Handlers must be idempotent (a job may be retried).
 */
export type JobDef = {
  /** Queue name, `<module>.<job>` */
  name: string
  schedule?: string
  run: (deps: AppDeps, data: Record<string, unknown>) => Promise<void>
}

/** A queue the app can put work on (the job runner when it runs; a no-op stand-in otherwise). */
export type JobQueue = { send: (name: string, data?: Record<string, unknown>, opts?: { singletonKey?: string }) => Promise<void> }

/**
 * A figure a module publishes per agency and fiscal year: `query` returns rows
 * (org_id, fiscal_year, value) for every agency at once; it runs on the owner connection (no RLS),
 * so it must read only this module's own tables and never take user input.
 */
export type StatisticDef = {
  key: string
  label: Localized
  unit: 'count' | 'percent' | 'days' | 'baht'
  /** Shown on public roll-ups (small counts are suppressed there). */
  public: boolean
  query: import('drizzle-orm').SQL
}

/** One record offered as evidence: what the picker lists and the report prints. */
export type EvidenceRecord = {
  id: string
  title: string
  /** ISO date (C.E.) the record is about. */
  date: string | null
  fiscalYear: number | null
  /** A public URL path (/o/<slug>/…) or null when the record is internal (staff-only). */
  publicPath: string | null
  /** The staff page of the record. */
  staffPath: string | null
}

/** Whether a record really shows the work of a fiscal year (published, dated within it, with content). */
export type EvidenceCheck = { ok: boolean; reason: Localized | null }

/**
 * A kind of record a module offers as evidence (a portal document, the minutes of a meeting, …).
 * The platform stores the links; the module answers these questions about its own records.
 */
export type EvidenceSourceDef = {
  /** `<module>.<type>`, e.g. "portal.document" */
  type: string
  label: Localized
  search: (ctx: UseCaseCtx & { orgId: string }, q: { text?: string; fiscalYear?: number; limit: number }) => Promise<EvidenceRecord[]>
  describe: (ctx: UseCaseCtx & { orgId: string }, ids: string[]) => Promise<EvidenceRecord[]>
  check: (ctx: UseCaseCtx & { orgId: string }, ids: string[], fiscalYear: number) => Promise<Map<string, EvidenceCheck>>
}

/** Declares a module; the identity function that gives the manifest its type. */
export function defineModule<const M extends ModuleManifest>(manifest: M): M {
  return manifest
}

export type AppDeps = {
  db: Db
  config: Config
  log: Logger
  /** HMAC key for CSRF tokens and similar; from APP_SECRET or a generated file. */
  appSecret: string
  masterKeys: MasterKeys
  /** What the modules plug in (menus, permissions, roles, messages), built by the composition root. */
  registry: Registry
  /**
   * The owner connection string (migrations' role, bypasses RLS). Only the job runner and the
   * statistics computation use it; request handling never does.
   */
  ownerUrl: string
  /** Puts work on the job runner's queues. */
  jobs: JobQueue
}

type BaseVariables = {
  deps: AppDeps
  requestId: string
  lang: Lang
  sessionId: string | null
  secondFactorPending: boolean
  csrfSeed: string | undefined
  /** The request body, parsed once (CSRF check and the route share it). */
  body: ParsedBody | undefined
  /** Set when the page being rendered reports bad input (its title starts with "ข้อผิดพลาด:"). */
  formFailed: boolean
}

/** Any request: the org is known only under /o/:org, the actor only when signed in. */
export type AppEnv = { Variables: BaseVariables & { org: Org | null; actor: Actor | null } }
/** Routes under /o/:org: the agency is resolved. */
export type OrgEnv = { Variables: BaseVariables & { org: Org; actor: Actor | null } }
/** Routes under /o/:org/admin: a signed-in member of the agency. */
export type StaffEnv = { Variables: BaseVariables & { org: Org; actor: Actor } }
/** Routes under /admin: a signed-in platform admin. */
export type PlatformEnv = { Variables: BaseVariables & { org: null; actor: Actor } }

export type AppContext = Context<AppEnv>
export type OrgContext = Context<OrgEnv>
export type StaffContext = Context<StaffEnv>
export type PlatformContext = Context<PlatformEnv>
/** A context of any area (for helpers shared by all). */
export type AnyContext = AppContext | OrgContext | StaffContext | PlatformContext
/** A context of an agency's routes, public or staff (for helpers both use). */
export type OrgAreaContext = OrgContext | StaffContext

/** What a use case needs: who acts, for which agency, with which database. */
export type UseCaseCtx = {
  deps: AppDeps
  db: Db
  orgId: string | null
  actor: Actor | null
  requestId: string
  lang: Lang
}
/** A use case of one agency. */
export type OrgUseCaseCtx = UseCaseCtx & { orgId: string }
/** A use case of one agency with a signed-in actor. */
export type StaffUseCaseCtx = UseCaseCtx & { orgId: string; actor: Actor }


/** What the composition root knows of every module, in the form the platform reads it. */
export type Registry = {
  modules: readonly ModuleManifest[]
  roles: ReadonlyMap<string, RoleDef & { moduleId: string }>
  permissions: ReadonlyMap<string, PermissionDef & { moduleId: string }>
  /** role → the permissions it holds. */
  grants: ReadonlyMap<string, ReadonlySet<string>>
  staffNav: readonly StaffNavDef[]
  platformNav: readonly PlatformNavDef[]
  publicMenu: readonly PublicMenuDef[]
  dashboardCards: readonly DashboardCardDef[]
  errors: ReadonlyMap<string, Localized>
  /** Migration folders, the platform's first, then the modules' in registry order. */
  migrationDirs: readonly { moduleId: string; dir: string }[]
  jobs: readonly (JobDef & { moduleId: string })[]
  statistics: readonly (StatisticDef & { moduleId: string })[]
  evidenceSources: ReadonlyMap<string, EvidenceSourceDef & { moduleId: string }>
  evidenceTargets: ReadonlyMap<string, EvidenceTargetDef & { moduleId: string }>
  /** Every manifest's `anonymousPaths`. */
  anonymousPaths: readonly string[]
  roleLabel: (role: string, lang: Lang) => string
  permissionsOf: (role: string) => ReadonlySet<string>
}

