import { Hono } from 'hono'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { AppDeps, AppEnv, OrgEnv, PlatformEnv, StaffEnv, AppContext } from '../platform/http/context.js'
import { AppError } from '../platform/http/errors.js'
import { language, provideDeps, resolveOrg, securityHeaders, session } from '../platform/http/middleware.js'
import { csrf } from '../platform/http/csrf.js'
import { knownHostsOnly } from '../platform/http/urls.js'
import { invalidatePublicCache, servePublicCache } from '../platform/http/page-cache.js'
import { compress, staticAssets } from '../platform/http/compress.js'
import { requireAgencyStaff, requirePlatformAdmin } from '../platform/http/guards.js'
import { authRoutes } from '../platform/auth/auth.routes.js'
import { listOrgs } from '../platform/orgs/orgs.service.js'
import { t } from '../platform/i18n/messages.js'
import { Layout } from '../platform/ui/layout.js'
import { ErrorPage } from '../platform/ui/error-page.js'
import { pageCtx } from '../platform/ui/page-context.js'
import { render } from '../platform/ui/render.js'
import { FONT_DIR } from '../platform/ui/assets.js'
import type { Registry } from '../platform/module/registry.js'

function wantsJson(c: AppContext): boolean {
  const accept = c.req.header('accept') ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

/**
 * Builds the whole application from its dependencies (no globals: tests build their own). Every
 * module's routes come from its manifest in `deps.registry`; this is the only code that mounts them.
 */
export function createApp(deps: AppDeps) {
  const registry: Registry = deps.registry
  // strict: false — "/o/slug" and "/o/slug/" are the same page.
  const app = new Hono<AppEnv>({ strict: false })

  // Anonymous repeat visits of cached public pages are answered here, before any other work.
  app.use('*', servePublicCache(deps))
  app.use('*', provideDeps(deps))
  app.use('*', securityHeaders())
  app.use('*', knownHostsOnly())
  app.use('*', compress())
  app.use('*', staticAssets())
  app.use('*', language())

  app.get('/healthz', async (c) => {
    try {
      await deps.db.execute(sql`SELECT 1`)
      return c.json({ status: 'ok' })
    } catch {
      return c.json({ status: 'database unavailable' }, 503)
    }
  })

  app.get('/static/fonts/:file', async (c) => {
    const file = c.req.param('file')
    if (!/^sarabun-(thai|latin)-(400|700)-normal\.woff2$/.test(file)) throw new AppError('not_found', 404)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(new Uint8Array(await readFile(join(FONT_DIR, file))), 200, { 'Content-Type': 'font/woff2' })
  })

  app.use('*', session())
  app.use('*', csrf())

  // Deployment home: the agencies on this deployment.
  app.get('/', async (c) => {
    const ctx = pageCtx(c)
    const orgs = await listOrgs(deps.db)
    c.header('Cache-Control', 'public, max-age=60')
    return render(
      c,
      <Layout ctx={ctx} title={t(ctx.lang, 'home.title')}>
        <h1>{t(ctx.lang, 'home.title')}</h1>
        <p>{t(ctx.lang, 'home.intro')}</p>
        {orgs.length === 0 ? (
          <p>{t(ctx.lang, 'home.empty')}</p>
        ) : (
          <ul class="cards">
            {orgs.map((o) => (
              <li class="card">
                <h2>
                  <a href={`/o/${o.slug}/`}>{ctx.lang === 'en' && o.nameEn ? o.nameEn : o.nameTh}</a>
                </h2>
                <p class="muted">{t(ctx.lang, 'org.home.location', { district: o.district, province: o.province })}</p>
              </li>
            ))}
          </ul>
        )}
      </Layout>,
    )
  })

  // Platform sign-in at the root, the platform-admin area under /admin.
  app.route('/', authRoutes())
  for (const m of registry.modules) if (m.routes?.root) app.route('/', m.routes.root())
  const platform = new Hono<PlatformEnv>()
  platform.use('*', requirePlatformAdmin())
  for (const m of registry.modules) if (m.routes?.platform) platform.route('/', m.routes.platform())
  app.route('/admin', platform as unknown as Hono<AppEnv>)

  // One agency: /o/<slug>/… (the org is resolved first, so its routes see it as never null).
  const org = new Hono<OrgEnv>()
  org.use('*', resolveOrg() as unknown as Parameters<typeof org.use>[1])
  org.route('/', authRoutes() as unknown as Hono<OrgEnv>)
  const staff = new Hono<StaffEnv>()
  staff.use('*', requireAgencyStaff())
  // Any accepted staff change may show on a public page: the agency's cached public pages are
  // dropped once the use case has committed, so no module can forget to (a cached page is at most
  // a minute old otherwise).
  staff.use('*', async (c, next) => {
    await next()
    if (c.req.method === 'POST' && c.res.status < 400) invalidatePublicCache(c.get('org').id)
  })
  for (const m of registry.modules) if (m.routes?.staff) staff.route('/', m.routes.staff())
  org.route('/admin', staff as unknown as Hono<OrgEnv>)
  for (const m of registry.modules) if (m.routes?.public) org.route('/', m.routes.public())
  app.route('/o/:org', org as unknown as Hono<AppEnv>)

  app.notFound((c) => {
    if (wantsJson(c)) return c.json({ error: 'not_found', message: t(c.get('lang') ?? 'th', 'errors.not_found') }, 404)
    const ctx = pageCtx(c)
    return render(c, <ErrorPage ctx={ctx} title={t(ctx.lang, 'errors.not_found')} />, 404)
  })

  app.onError((err, c) => {
    const lang = c.get('lang') ?? 'th'
    if (err instanceof AppError) {
      const message = err.detail?.[lang] ?? registry.errors.get(err.code)?.[lang] ?? (t.has(`errors.${err.code}`) ? t(lang, `errors.${err.code}` as Parameters<typeof t>[1]) : t(lang, 'errors.bad_request'))
      if (err.status >= 500) deps.log.error({ reqId: c.get('requestId'), err }, 'app error')
      if (wantsJson(c)) return c.json({ error: err.code, message }, err.status)
      if (err.code === 'unauthorized' && c.req.method === 'GET') {
        const o = c.get('org')
        return c.redirect(`${o ? `/o/${o.slug}` : ''}/login?next=${encodeURIComponent(c.req.path)}`, 303)
      }
      const ctx = pageCtx(c)
      return render(c, <ErrorPage ctx={ctx} title={message} />, err.status)
    }
    deps.log.error({ reqId: c.get('requestId'), err }, 'unhandled error'); if (process.env.DEBUG_500) console.error(err)
    if (wantsJson(c)) return c.json({ error: 'server_error', requestId: c.get('requestId') }, 500)
    const ctx = pageCtx(c)
    return render(c, <ErrorPage ctx={ctx} title={t(lang, 'errors.server')} showRequestId />, 500)
  })
  return app
}
