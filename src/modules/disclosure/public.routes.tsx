import { Hono } from 'hono'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { yearParam } from '../../platform/http/params.js'
import { publicPage, publicResponse } from '../../platform/http/page-cache.js'
import { orgBase } from '../../platform/ui/menu.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { oitMapYears, oitYears } from './framework.js'
import { mapFor } from './request.js'
import { OitItemPage, OitYearMissingPage, OitYearsPage } from './views/public.js'
import { mapFilterOf, OitMapPage } from './views/oit-map.js'

/** The public OIT map for assessors: years, each year's items with their evidence, one page per item, JSON. */
export function disclosurePublicRoutes() {
  const app = new Hono<OrgEnv>()
  const db = (c: OrgContext) => c.get('deps').db

  // Years up to the current fiscal year, also those read with the newest framework (e.g. 2570).
  app.get('/oit', (c) => publicPage(c, async (ctx) => <OitYearsPage ctx={ctx} years={await oitMapYears(db(c))} />))

  // A year without a valid framework is a page that says so and offers the years that have one.
  const missing = async (c: OrgContext, year: number) => {
    const years = await oitYears(db(c))
    const ctx = pageCtx(c)
    return render(c, <OitYearMissingPage ctx={ctx} year={year} years={years} href={(y) => `${orgBase(ctx.org.slug)}/oit/${y}`} />, 404)
  }

  app.get('/oit/:fy{[0-9]{4}}', async (c) => {
    const year = yearParam(c)
    const map = await mapFor(c, year)
    if (!map) return missing(c, year)
    const filter = mapFilterOf(c.req.query('show'))
    return publicPage(c, (ctx) => <OitMapPage ctx={ctx} map={map} year={year} filter={filter} />)
  })

  app.get('/oit/:fy{[0-9]{4}}/:code{O[0-9]{1,3}}', async (c) => {
    const year = yearParam(c)
    const map = await mapFor(c, year)
    if (!map) return missing(c, year)
    const item = map.items.find((i) => i.code === c.req.param('code'))
    if (!item) throw new AppError('not_found', 404)
    return publicPage(c, (ctx) => <OitItemPage ctx={ctx} item={item} year={year} origin={publicOrigin(c)} />)
  })

  app.get('/api/oit/:year{[0-9]{4}\\.json}', (c) => {
    const year = Number(c.req.param('year').slice(0, 4))
    return publicResponse(
      c,
      async () => {
        const m = await mapFor(c, year)
        if (!m) throw new AppError('not_found', 404)
        const origin = publicOrigin(c)
        const abs = (h: string) => (h.startsWith('/') ? origin + h : h)
        return JSON.stringify({
          fiscalYear: year,
          // Set when the year has no framework of its own and is read with this year's.
          frameworkFiscalYear: m.framework.basedOnFiscalYear ?? year,
          scores: m.scores,
          items: m.items.map((i) => ({
            code: i.code,
            title: i.titleTh,
            subIndicator: i.subIndicator,
            status: i.status,
            url: abs(i.url),
            explanation: i.explanation,
            evidence: i.evidence.map((e) => ({ kind: e.kind, label: e.label, url: abs(e.href), fiscalYear: e.fiscalYear, stale: e.stale, steps: e.trail?.map((t) => t.label) ?? null })),
          })),
        })
      },
      { type: 'application/json; charset=UTF-8' },
    )
  })
  return app
}
