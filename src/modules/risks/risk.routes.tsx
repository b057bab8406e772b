import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError } from '../../platform/http/errors.js'
import { uuidParam } from '../../platform/http/params.js'
import { toIsoDate, todayInBangkok } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { risksT } from './risks.i18n.js'
import { riskFull } from './risks.service.js'
import { addControl, measuresOf, removeControl } from './controls.js'
import { recordRound } from './monitoring.js'
import { ROUNDS, type Round } from './rules.js'
import { controlLabels, ControlSchema, monitorLabels, MonitorSchema, monitorValues } from './forms.js'
import { RiskPage } from './views/detail.js'
import { MonitorForm } from './views/monitor-form.js'

const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/risks`
const roundParam = (c: StaffContext): Round => {
  const r = ROUNDS.find((x) => String(x) === c.req.param('round'))
  if (!r) throw new AppError('not_found', 404)
  return r
}

/** One risk's pages: the risk with its controls and monitoring, linking measures as controls, and recording a monitoring round. */
export function riskPageRoutes() {
  const app = new Hono<StaffEnv>()

  const detail = async (c: StaffContext, id: string) => {
    const full = await riskFull(ctxOf(c), id)
    const measures = await measuresOf(ctxOf(c), full.risk.fiscalYear)
    return (control?: FormState) => <RiskPage ctx={pageCtx(c)} base={base(c)} full={full} measures={measures} control={control} />
  }
  app.get('/risks/:id', requirePermission('risks.read'), async (c) => render(c, (await detail(c, uuidParam(c)))()))

  app.post('/risks/:id/controls', requirePermission('risks.edit'), async (c) => {
    const id = uuidParam(c)
    const view = await detail(c, id)
    return formAction(c, {
      schema: ControlSchema,
      labels: controlLabels(c.get('lang')),
      view: (s) => view(s),
      submit: async (data) => {
        const row = await addControl(ctxOf(c), id, data.measureId)
        flash(c, risksT(c.get('lang'), 'control.added', { title: row.measureTitle }))
        return c.redirect(`${base(c)}/${id}#controls`, 303)
      },
    })
  })
  app.post('/risks/:id/controls/:measureId/remove', requirePermission('risks.edit'), async (c) => {
    const id = uuidParam(c)
    const row = await removeControl(ctxOf(c), id, uuidParam(c, 'measureId'))
    flash(c, risksT(c.get('lang'), 'control.removed', { title: row.measureTitle }))
    return c.redirect(`${base(c)}/${id}#controls`, 303)
  })

  const monitorPage = async (c: StaffContext) => {
    const { risk, monitoring } = await riskFull(ctxOf(c), uuidParam(c))
    const round = roundParam(c)
    return { risk, round, current: monitoring.find((m) => m.round === round), view: (s: FormState) => <MonitorForm ctx={pageCtx(c)} base={base(c)} risk={risk} round={round} {...s} /> }
  }
  app.get('/risks/:id/monitoring/:round', requirePermission('risks.edit'), async (c) => {
    const { current, view } = await monitorPage(c)
    return render(c, view({ values: monitorValues(current, toIsoDate(todayInBangkok())) }))
  })
  app.post('/risks/:id/monitoring/:round', requirePermission('risks.edit'), async (c) => {
    const { risk, round, view } = await monitorPage(c)
    return formAction(c, {
      schema: MonitorSchema,
      labels: monitorLabels(c.get('lang')),
      view,
      submit: async (data) => {
        await recordRound(ctxOf(c), risk.id, round, data)
        flash(c, risksT(c.get('lang'), 'monitor.saved', { round: risksT(c.get('lang'), `round.${round}`) }))
        return c.redirect(`${base(c)}/${risk.id}#monitoring`, 303)
      },
    })
  })
  return app
}
