import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { selfAssessmentT } from './self-assessment.i18n.js'
import { TOOLS } from './self-assessment.schema.js'
import { createRound, listRounds, roundView } from './self-assessment.service.js'
import { RoundsPage } from './views/list.js'
import { RoundPage } from './views/round.js'

const RoundSchema = z.object({ fiscalYear: f.fiscalYear(), tool: f.choice(TOOLS), target: f.int(1, 100_000) })
const labels = (L: Lang) => ({ fiscalYear: selfAssessmentT(L, 'field.fiscalYear'), tool: selfAssessmentT(L, 'field.tool'), target: selfAssessmentT(L, 'field.target') })

/** Staff pages: the rounds (and opening one), one round with its estimates. */
export function selfAssessmentStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/self-assessment`
  const list = async (c: StaffContext, s: FormState) => <RoundsPage ctx={pageCtx(c)} base={base(c)} rows={await listRounds(ctxOf(c))} {...s} />

  app.get('/self-assessment', requirePermission('self-assessment.read'), async (c) => render(c, await list(c, { values: { fiscalYear: String(currentFiscalYear()), tool: 'iit', target: '30' } })))
  app.post('/self-assessment', requirePermission('self-assessment.edit'), async (c) =>
    formAction(c, {
      schema: RoundSchema,
      labels: labels(c.get('lang')),
      view: (s) => list(c, s),
      submit: async (data) => {
        const r = await createRound(ctxOf(c), data)
        flash(c, selfAssessmentT(c.get('lang'), 'created', { tool: r.tool.toUpperCase(), year: r.fiscalYear }))
        return c.redirect(`${base(c)}/${r.id}`, 303)
      },
    }),
  )
  app.get('/self-assessment/:id', requirePermission('self-assessment.read'), async (c) => {
    const v = await roundView(ctxOf(c), uuidParam(c))
    const slug = c.get('org').slug
    return render(c, <RoundPage ctx={pageCtx(c)} base={base(c)} ita={`${orgBase(slug)}/admin/ita`} surveyHref={`${orgBase(slug)}/admin/surveys/${v.round.surveyId}`} v={v} />)
  })
  return app
}
