import { Hono } from 'hono'
import type { AppEnv } from '../../platform/http/context.js'
import type { AppModule } from '../../platform/http/module.js'
import { Layout } from '../../platform/ui/layout.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { t as pt } from '../../platform/i18n/messages.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'

function publicRoutes() {
  const app = new Hono<AppEnv>()
  app.get('/', async (c) => {
    const ctx = pageCtx(c)
    const org = ctx.org!
    const units = await listUnitsOf(c.get('deps').db, org.id)
    c.header('Cache-Control', 'public, max-age=60')
    const name = ctx.lang === 'en' && org.nameEn ? org.nameEn : org.nameTh
    return render(
      c,
      <Layout ctx={ctx} title={pt(ctx.lang, 'nav.home')}>
        <h1>{pt(ctx.lang, 'org.home.welcome', { name })}</h1>
        <p>{pt(ctx.lang, 'org.home.location', { district: org.district, province: org.province })}</p>
        {units.length > 0 && (
          <>
            <h2>{pt(ctx.lang, 'nav.units')}</h2>
            <ul>
              {units.map((u) => (
                <li>{ctx.lang === 'en' && u.nameEn ? u.nameEn : u.nameTh}</li>
              ))}
            </ul>
          </>
        )}
      </Layout>,
    )
  })
  return app
}

export const portalModule: AppModule = { name: 'portal', publicRoutes }
