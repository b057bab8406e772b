import { Hono } from 'hono'
import type { OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, isUuid, searchQuery, uuidParam, yearFilter, yearParam } from '../../platform/http/params.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { currentFiscalYear, fromThaiDigits } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { risksT } from './risks.i18n.js'
import { RISK_STATUSES } from './risks.schema.js'
import { createRisk, deleteRisk, getRisk, listRisks, publishedRegister, publishedYears, riskFull, unitsOf, updateRisk, type RiskFull, type Unit } from './risks.service.js'
import { bandsOfYear } from './bands.js'
import { LEVELS } from './rules.js'
import { riskLabels, RiskSchema, riskValues } from './forms.js'
import { riskPageRoutes } from './risk.routes.js'
import { yearRoutes } from './year.routes.js'
import { code } from './views/parts.js'
import { ListPage } from './views/list.js'
import { RiskForm } from './views/form.js'
import { ConfirmPage } from './views/confirm.js'
import { PublicYear, PublicYears } from './views/public.js'

export const baseOf = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/risks`
const yearOf = (typed: unknown): number => {
  const y = Number(fromThaiDigits(typeof typed === 'string' ? typed.trim() : ''))
  return y >= 2500 && y <= 2700 ? y : currentFiscalYear()
}

/** Staff pages: the list, create, edit and delete (with confirmation); one risk's pages in risk.routes, a year's in year.routes. */
export function risksStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = baseOf

  app.get('/risks', requirePermission('risks.read'), async (c) => {
    const unit = c.req.query('unit')
    const filter = {
      q: searchQuery(c),
      fiscalYear: yearFilter(c),
      unitId: unit && isUuid(unit) ? unit : undefined,
      level: LEVELS.find((l) => l === c.req.query('level')),
      status: RISK_STATUSES.find((s) => s === c.req.query('status')),
      page: intQuery(c, 'page', 1, 10_000),
    }
    return render(c, <ListPage ctx={pageCtx(c)} base={base(c)} filter={filter} data={await listRisks(ctxOf(c), filter)} units={await unitsOf(ctxOf(c))} />)
  })

  const newForm = async (c: StaffContext, year: number) => {
    const [units, bands] = await Promise.all([unitsOf(ctxOf(c)), bandsOfYear(ctxOf(c), year)])
    return (s: FormState) => <RiskForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} editing={false} published={false} units={units} bands={bands} {...s} />
  }
  app.get('/risks/new', requirePermission('risks.edit'), async (c) => {
    const year = yearFilter(c) ?? currentFiscalYear()
    return render(c, (await newForm(c, year))({ values: { fiscalYear: String(year), area: 'permits', likelihood: '3', impact: '3', status: 'draft' } }))
  })
  app.post('/risks/new', requirePermission('risks.edit'), async (c) =>
    formAction(c, {
      schema: RiskSchema,
      labels: riskLabels(c.get('lang')),
      // The legend shows the bands of the year typed (when it is one).
      view: async (s) => (await newForm(c, yearOf(s.values?.fiscalYear)))(s),
      submit: async (data) => {
        const r = await createRisk(ctxOf(c), data)
        flash(c, risksT(c.get('lang'), 'created', { title: `${code(r)} ${r.event}` }))
        return c.redirect(`${base(c)}/${r.id}`, 303)
      },
    }),
  )

  const editForm = (c: StaffContext, full: RiskFull, units: Unit[]) => (s: FormState) => <RiskForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/${full.risk.id}/edit`} editing published={!!full.risk.publishedAt} units={units} bands={full.bands} {...s} />
  app.get('/risks/:id/edit', requirePermission('risks.edit'), async (c) => {
    const full = await riskFull(ctxOf(c), uuidParam(c))
    return render(c, editForm(c, full, await unitsOf(ctxOf(c)))({ values: riskValues(full.risk) }))
  })
  app.post('/risks/:id/edit', requirePermission('risks.edit'), async (c) => {
    const full = await riskFull(ctxOf(c), uuidParam(c))
    const r = full.risk
    return formAction(c, {
      schema: RiskSchema,
      labels: riskLabels(c.get('lang')),
      view: editForm(c, full, await unitsOf(ctxOf(c))),
      submit: async (data) => {
        const u = await updateRisk(ctxOf(c), r.id, data)
        flash(c, risksT(c.get('lang'), 'updated', { title: `${code(u)} ${u.event}` }))
        return c.redirect(`${base(c)}/${r.id}`, 303)
      },
    })
  })

  const confirm = (c: StaffContext, r: { id: string; seq: number; event: string }, errors?: Record<string, string>) => (
    <ConfirmPage ctx={pageCtx(c)} title={`${code(r)} ${r.event}`} action={`${base(c)}/${r.id}/delete`} back={`${base(c)}/${r.id}`} errors={errors} />
  )
  app.get('/risks/:id/delete', requirePermission('risks.edit'), async (c) => render(c, confirm(c, await getRisk(ctxOf(c), uuidParam(c)))))
  app.post('/risks/:id/delete', requirePermission('risks.edit'), async (c) => {
    const r = await getRisk(ctxOf(c), uuidParam(c))
    try {
      await deleteRisk(ctxOf(c), r.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, confirm(c, r, failed.errors), failed.status)
    }
    flash(c, risksT(c.get('lang'), 'deleted', { title: `${code(r)} ${r.event}` }))
    return c.redirect(`${base(c)}/year/${r.fiscalYear}`, 303)
  })

  app.route('/', yearRoutes())
  app.route('/', riskPageRoutes())
  return app
}

/** The public pages: the published assessments by year (the OIT item's page). */
export function risksPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/risks', (c) => publicPage(c, async (ctx) => <PublicYears ctx={ctx} years={await publishedYears(c.get('deps').db, ctx.org.id)} />))
  app.get('/risks/:fy', async (c) => {
    const fy = yearParam(c)
    return publicPage(c, async (ctx) => <PublicYear ctx={ctx} year={fy} {...await publishedRegister(c.get('deps').db, ctx.org.id, fy)} />)
  })
  return app
}
