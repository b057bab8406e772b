import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { parseForm } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError } from '../../platform/http/errors.js'
import { yearParam } from '../../platform/http/params.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { currentFiscalYear, parseFiscalYear } from '../../platform/thai/index.js'
import { fileHeaders } from '../../platform/files/files.service.js'
import { at } from './assessment.i18n.js'
import { getAssessment, listAssessmentYears } from './assessment-view.js'
import { deleteEvidence, evidenceFile } from './evidence.service.js'
import { itaBase } from './ita-paths.js'
import { scoresRoutes } from './scores.routes.js'
import { plansRoutes } from './plans.routes.js'
import { ItaHomePage, YearPage } from './views/ita.js'

/** How many years back "เปิดปีงบประมาณ" opens when the agency has no older records. */
const OPEN_YEARS_BACK = 10

/** The staff ITA area: the years, one year's page, evidence files; scores and plans are mounted here. */
export function assessmentStaffRoutes() {
  const app = new Hono<StaffEnv>()

  app.get('/ita', requirePermission('assessment.read'), async (c) => {
    const now = currentFiscalYear()
    const years = [...new Set([now + 1, now, ...(await listAssessmentYears(ctxOf(c)))])].sort((a, b) => b - a)
    // "เปิดปีงบประมาณ": a year from the first one with records (or OPEN_YEARS_BACK back) to next year.
    const range = { min: Math.min(now - OPEN_YEARS_BACK, ...years), max: now + 1 }
    const typed = c.req.query('fy')
    if (typed === undefined) return render(c, <ItaHomePage ctx={pageCtx(c)} ita={itaBase(c)} years={years} range={range} />)
    const r = parseFiscalYear(typed, range)
    if (r.ok) return c.redirect(`${itaBase(c)}/${r.year}`, 303)
    // Refused: the same page, 422, the typed text kept, the message, and the years that make sense.
    const L = c.get('lang')
    const p = { value: typed.trim(), min: range.min, max: range.max, example: now, suggestion: r.suggestion ?? '' }
    const message = at(L, r.error === 'empty' ? 'ita.openEmpty' : r.error === 'format' ? 'ita.openFormat' : r.error === 'range' ? 'ita.openRange' : r.suggestion ? 'ita.openCeSuggest' : 'ita.openCe', p)
    c.set('formFailed', true)
    const suggest = [...new Set([...(r.suggestion ? [r.suggestion] : []), ...years])]
    return render(c, <ItaHomePage ctx={pageCtx(c)} ita={itaBase(c)} years={years} range={range} open={{ values: { fy: typed }, errors: { fy: message }, suggest }} />, 422)
  })

  app.get('/ita/:fy{[0-9]{4}}', requirePermission('assessment.read'), async (c) => {
    const year = yearParam(c)
    // A year without a framework still has a page (its measures can be recorded).
    const view = await getAssessment(ctxOf(c), year).catch((e: unknown) => (e instanceof AppError && e.status === 404 ? null : Promise.reject(e)))
    return render(c, <YearPage ctx={pageCtx(c)} ita={itaBase(c)} year={year} view={view} publicBase={`/o/${c.get('org').slug}/ita`} />)
  })

  app.route('/', scoresRoutes())
  app.route('/', plansRoutes())

  // Evidence files of plans, progress entries and (the measures module's) activities.
  app.get('/ita/evidence/:id', requirePermission('assessment.read'), async (c) => {
    const f = await evidenceFile(ctxOf(c), c.req.param('id'))
    if (!f) throw new AppError('not_found', 404)
    return c.body(new Uint8Array(f.data), 200, fileHeaders(f))
  })

  app.post('/ita/evidence/:id/delete', requirePermission('staff.dashboard'), async (c) => {
    const form = await parseForm(c, z.object({ back: z.string().optional().catch(undefined) }), {})
    await deleteEvidence(ctxOf(c), c.req.param('id'))
    flash(c, at(c.get('lang'), 'evidence.deleted'))
    // Back to the page the button was on, when it is one of this agency's staff pages.
    const back = form.ok ? form.data.back : undefined
    return c.redirect(back?.startsWith(`/o/${c.get('org').slug}/admin/`) ? back : itaBase(c), 303)
  })

  return app
}
