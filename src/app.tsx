import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { AppDeps, AppEnv, AppContext } from './platform/http/context.js'
import { AppError } from './platform/http/errors.js'
import { csrf, language, provideDeps, resolveOrg, securityHeaders, session } from './platform/http/middleware.js'
import { requireAgencyStaff } from './platform/http/guards.js'
import type { AppModule } from './platform/http/module.js'
import { authRoutes } from './platform/auth/auth.routes.js'
import { staffRoutes } from './platform/orgs/staff.routes.js'
import { platformRoutes } from './platform/orgs/platform.routes.js'
import { listOrgs } from './platform/orgs/orgs.service.js'
import { t } from './platform/i18n/messages.js'
import { Layout } from './platform/ui/layout.js'
import { ErrorPage } from './platform/ui/error-page.js'
import { pageCtx } from './platform/ui/page-context.js'
import { render } from './platform/ui/render.js'
import { APP_CSS, FONT_DIR } from './platform/ui/assets.js'
import { modules } from './modules/index.js'

const MAX_BODY_BYTES = 30 * 1024 * 1024

function wantsJson(c: AppContext): boolean {
  return (c.req.header('accept') ?? '').includes('application/json') && !(c.req.header('accept') ?? '').includes('text/html')
}

/** Builds the whole application from its dependencies (no globals: tests build their own). */
export function createApp(deps: AppDeps, mods: AppModule[] = modules) {
  // strict: false — "/o/slug" and "/o/slug/" are the same page.
  const app = new Hono<AppEnv>({ strict: false })

  app.use('*', provideDeps(deps))
  app.use('*', securityHeaders())
  app.use('*', language())
  // GET/HEAD carry no body; skipping them avoids building a full Request per page view (≈3× the cost).
  const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new AppError('payload_too_large', 413) } })
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)))

  app.get('/healthz', async (c) => {
    try {
      await deps.db.execute(sql`SELECT 1`)
      return c.json({ status: 'ok' })
    } catch {
      return c.json({ status: 'database unavailable' }, 503)
    }
  })

  app.get('/static/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })
  app.get('/static/fonts/:file', async (c) => {
    const file = c.req.param('file')
    if (!/^sarabun-(thai|latin)-(400|700)-normal\.woff2$/.test(file)) throw new AppError('not_found', 404)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(new Uint8Array(await readFile(join(FONT_DIR, file))), 200, { 'Content-Type': 'font/woff2' })
  })

  app.use('*', session())
  app.use('*', csrf())

  // Platform home: the agencies on this deployment.
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

  // Platform admin area and its sign-in.
  app.route('/', authRoutes())
  const platform = new Hono<AppEnv>()
  platform.route('/', platformRoutes())
  for (const m of mods) if (m.platformRoutes) platform.route('/', m.platformRoutes())
  app.route('/admin', platform)

  // One agency: /o/<slug>/…
  const org = new Hono<AppEnv>()
  org.use('*', resolveOrg())
  org.route('/', authRoutes())
  const staff = new Hono<AppEnv>()
  staff.use('*', requireAgencyStaff())
  const staffNav = (ctx: Parameters<NonNullable<AppModule['staffNav']>>[0]) => mods.flatMap((m) => m.staffNav?.(ctx) ?? [])
  staff.route('/', staffRoutes({ nav: staffNav }))
  for (const m of mods) if (m.staffRoutes) staff.route('/', m.staffRoutes())
  org.route('/admin', staff)
  for (const m of mods) if (m.publicRoutes) org.route('/', m.publicRoutes())
  app.route('/o/:org', org)

  app.notFound((c) => {
    if (wantsJson(c)) return c.json({ error: 'not_found', message: t(c.get('lang') ?? 'th', 'errors.not_found') }, 404)
    const ctx = pageCtx(c)
    return render(c, <ErrorPage ctx={ctx} title={t(ctx.lang, 'errors.not_found')} />, 404)
  })

  app.onError((err, c) => {
    const lang = c.get('lang') ?? 'th'
    if (err instanceof AppError) {
      const message = err.detail?.[lang] ?? t(lang, `errors.${err.code}`)
      if (err.status >= 500) deps.log.error({ reqId: c.get('requestId'), err }, 'app error')
      if (wantsJson(c)) return c.json({ error: err.code, message }, err.status)
      if (err.code === 'unauthorized' && c.req.method === 'GET') {
        const org = c.get('org')
        return c.redirect(`${org ? `/o/${org.slug}` : ''}/login?next=${encodeURIComponent(c.req.path)}`, 303)
      }
      const ctx = pageCtx(c)
      return render(c, <ErrorPage ctx={ctx} title={message} />, err.status)
    }
    deps.log.error({ reqId: c.get('requestId'), err }, 'unhandled error')
    if (wantsJson(c)) return c.json({ error: 'server_error', requestId: c.get('requestId') }, 500)
    const ctx = pageCtx(c)
    return render(c, <ErrorPage ctx={ctx} title={t(lang, 'errors.server')} showRequestId />, 500)
  })
  return app
}
