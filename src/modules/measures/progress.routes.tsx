import { Hono } from 'hono'
import type { StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { requirePermission } from '../../platform/http/guards.js'
import { yearParam } from '../../platform/http/params.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { itaBase } from '../assessment/index.js'
import { oitMap, requestProbe } from '../disclosure/index.js'
import { buildProgress, loadProgress, type OitReadiness } from './progress.js'
import { ProgressPage } from './views/progress.js'

/** ความคืบหน้าประจำปี: the year's ITA cycle as a task list (scores, plans, measures, OIT, report). */
export function progressRoutes() {
  const app = new Hono<StaffEnv>()
  app.get('/ita/:fy{[0-9]{4}}/progress', requirePermission('measure.read'), requirePermission('assessment.read'), async (c) => {
    const year = yearParam(c)
    const org = c.get('org')
    const lang = c.get('lang')
    const data = await loadProgress(ctxOf(c), year)
    // The OIT line, for those who may see the OIT map: items with "มี" out of the year's items.
    let oit: OitReadiness | undefined
    if (c.get('actor').permissions.has('oit.read')) {
      const m = await oitMap(c.get('deps'), org, year, lang, requestProbe(c))
      oit = m ? { yes: m.items.filter((i) => i.status === 'yes').length, total: m.items.length } : null
    }
    const sections = buildProgress({ ...data, lang, ita: itaBase(c), admin: `/o/${org.slug}/admin`, publicBase: `/o/${org.slug}/ita`, oit })
    return render(c, <ProgressPage ctx={pageCtx(c)} ita={itaBase(c)} year={year} sections={sections} />)
  })
  return app
}
