import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, searchQuery, uuidParam, yearParam } from '../../platform/http/params.js'
import { AppError } from '../../platform/http/errors.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { currentFiscalYear, fromThaiDigits, toIsoDate, todayInBangkok, toThaiDateText } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { coiT } from './coi.i18n.js'
import { DECLARATION_KINDS, DECLARATION_STATUSES, MATTER_RESOLUTIONS } from './coi.schema.js'
import { declarationYears, listRegister, openRound, type RegisterFilter } from './declarations.js'
import { checkParties, committeeCandidates, getMatter, listMatters, resolveMatter } from './checks.js'
import { parsePartyLines } from './matcher.js'
import { annualReport, reportDocx, reportFileName, reportPdf, reportXlsx } from './report.js'
import { RegisterView } from './views/register.js'
import { CheckPage } from './views/check.js'
import { MatterPage } from './views/matter.js'

/** ?fy= as staff type it (2566 or ๒๕๖๖); absent → undefined; anything else → 404. */
function fyQuery(c: StaffContext): number | undefined {
  const raw = fromThaiDigits(c.req.query('fy') ?? '')
  if (!raw) return undefined
  const y = /^\d{4}$/.test(raw) ? Number(raw) : NaN
  if (!(y >= 2500 && y <= 2700)) throw new AppError('not_found', 404)
  return y
}

const TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const
const RENDER = { docx: reportDocx, pdf: reportPdf, xlsx: reportXlsx } as const

/** The register (executive and officers), the annual round, the party check, matters and the annual report. */
export function registerRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/coi`

  const registerView = async (c: StaffContext, fy?: number) => {
    const ctx = ctxOf(c)
    const { years, latest } = await declarationYears(ctx, currentFiscalYear())
    const unitId = c.req.query('unit')
    const filter: RegisterFilter = {
      fiscalYear: fy ?? fyQuery(c) ?? latest,
      q: searchQuery(c),
      unitId: unitId && /^[0-9a-f-]{36}$/i.test(unitId) ? unitId : undefined,
      status: DECLARATION_STATUSES.find((s) => s === c.req.query('status')),
      kind: DECLARATION_KINDS.find((s) => s === c.req.query('kind')),
      page: intQuery(c, 'page', 1, 10_000),
    }
    if (!years.includes(filter.fiscalYear)) years.push(filter.fiscalYear)
    const [data, units, matters] = [await listRegister(ctx, filter), await listUnitsOf(c.get('deps').db, c.get('org').id), await listMatters(ctx, filter.fiscalYear)]
    return (s: FormState) => <RegisterView ctx={pageCtx(c)} base={base(c)} filter={filter} data={data} units={units.map((u) => ({ id: u.id, nameTh: u.nameTh }))} years={years.sort((a, b) => b - a)} matters={matters} {...s} />
  }
  app.get('/coi', requirePermission('coi.register'), async (c) => render(c, (await registerView(c))({})))

  app.post('/coi/round/:fy', requirePermission('coi.manage'), async (c) => {
    const fy = yearParam(c)
    return formAction(c, {
      schema: z.object({ dueOn: f.thaiDate() }),
      labels: { dueOn: coiT(c.get('lang'), 'round.dueOn') },
      view: await registerView(c, fy),
      submit: async (data) => {
        const n = await openRound(ctxOf(c), fy, data.dueOn!)
        flash(c, coiT(c.get('lang'), 'round.opened', { count: n }))
        return c.redirect(`${base(c)}?fy=${fy}`, 303)
      },
    })
  })

  const CheckSchema = z.object({ project: f.text(300), on: f.thaiDate(), personIds: f.list(), parties: f.text(5000), record: z.string().optional().transform((v) => v === '1') })
  app.get('/coi/check', requirePermission('coi.manage'), async (c) => render(c, <CheckPage ctx={pageCtx(c)} base={base(c)} people={await committeeCandidates(ctxOf(c))} values={{ on: toThaiDateText(toIsoDate(todayInBangkok())) }} />))
  app.post('/coi/check', requirePermission('coi.manage'), async (c) => {
    const candidates = await committeeCandidates(ctxOf(c))
    const L = c.get('lang')
    return formAction(c, {
      schema: CheckSchema,
      labels: { project: coiT(L, 'field.project'), on: coiT(L, 'check.on'), personIds: coiT(L, 'check.members'), parties: coiT(L, 'check.parties'), record: coiT(L, 'check.record') },
      view: (s) => <CheckPage ctx={pageCtx(c)} base={base(c)} people={candidates} {...s} />,
      submit: async (data, _files, values) => {
        const result = await checkParties(ctxOf(c), { personIds: data.personIds, parties: parsePartyLines(data.parties), project: data.project, on: data.on!, record: data.record })
        return render(c, <CheckPage ctx={pageCtx(c)} base={base(c)} people={candidates} values={values} result={result} />)
      },
    })
  })

  const matterView = async (c: StaffContext, id: string) => {
    const m = await getMatter(ctxOf(c), id)
    return (s: FormState) => <MatterPage ctx={pageCtx(c)} base={base(c)} m={m} {...s} />
  }
  app.get('/coi/matters/:id', requirePermission('coi.register'), async (c) => render(c, (await matterView(c, uuidParam(c)))({ values: { resolvedOn: toThaiDateText(toIsoDate(todayInBangkok())) } })))
  app.post('/coi/matters/:id', requirePermission('coi.manage'), async (c) => {
    const id = uuidParam(c)
    const L = c.get('lang')
    return formAction(c, {
      schema: z.object({ resolution: f.choice(MATTER_RESOLUTIONS), resolvedOn: f.thaiDate(), note: f.optionalText(2000).transform((v) => v ?? '') }),
      labels: { resolution: coiT(L, 'field.resolution'), resolvedOn: coiT(L, 'field.resolvedOn'), note: coiT(L, 'field.resolutionNote') },
      view: await matterView(c, id),
      submit: async (data) => {
        await resolveMatter(ctxOf(c), id, { resolution: data.resolution, resolvedOn: data.resolvedOn!, note: data.note })
        flash(c, coiT(L, 'matter.saved'))
        return c.redirect(`${base(c)}/matters/${id}`, 303)
      },
    })
  })

  for (const ext of ['docx', 'pdf', 'xlsx'] as const) {
    app.get(`/coi/report/:fy/report.${ext}`, requirePermission('coi.register'), async (c) => {
      const fy = yearParam(c)
      const org = c.get('org')
      const buf = await RENDER[ext](await annualReport(ctxOf(c), fy, org.nameTh))
      return c.body(new Uint8Array(buf), 200, { 'Content-Type': TYPES[ext], 'Content-Disposition': `attachment; filename="${reportFileName(fy, org.slug, ext)}"`, 'Cache-Control': 'no-store' })
    })
  }
  return app
}
