import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError } from '../../platform/http/errors.js'
import { yearParam } from '../../platform/http/params.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { orgBase } from '../../platform/ui/menu.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { dt } from './disclosure.i18n.js'
import { listLinkChecks, runLinkCheck, saveItemNote, type OitMap } from './disclosure.service.js'
import { oitYears } from './framework.js'
import { mapFor, requestProbe } from './request.js'
import { answerSheetCsv, answerSheetXlsx, sheetRows } from './answer-sheet.js'
import { NoFrameworkPage, NotePage, ReadinessPage } from './views/staff.js'

const noteForm = (lang: Lang) =>
  z.object({
    explanation: z.string().trim().max(4000).default(''),
    ownerUnitId: z.union([z.literal(''), z.uuid()]).optional().transform((v) => v || null),
    dueDate: z.union([z.literal(''), z.iso.date()]).optional().transform((v) => v || null),
    extraUrls: z
      .string()
      .max(5000)
      .optional()
      .transform((v) => (v ?? '').split('\n').map((x) => x.trim()).filter(Boolean))
      .refine((l) => l.every((u) => /^https?:\/\/\S+$/.test(u) && u.length <= 2000), { message: dt(lang, 'err.urls') }),
  })
const noteLabels = (L: Lang) => ({ explanation: dt(L, 'f.explanation'), ownerUnitId: dt(L, 'f.owner'), dueDate: dt(L, 'f.due'), extraUrls: dt(L, 'f.extraUrls') })

/** Staff OIT readiness: what is missing per year, who owns it, the link monitor, the ITAS answer sheet. */
export function disclosureStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const adminBase = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/oit`
  const db = (c: StaffContext) => c.get('deps').db

  /** The year's map, or a page saying the year has no framework (404) — never a 500. */
  const withMap = async (c: StaffContext, year: number, then: (m: OitMap) => Promise<Response>): Promise<Response> => {
    const m = await mapFor(c, year, { internal: true })
    if (m) return then(m)
    return render(c, <NoFrameworkPage ctx={pageCtx(c)} year={year} years={await oitYears(db(c))} base={adminBase(c)} />, 404)
  }

  app.get('/oit', requirePermission('oit.read'), async (c) => {
    const years = await oitYears(db(c))
    const now = currentFiscalYear()
    return c.redirect(`${adminBase(c)}/${years.includes(now) ? now : (years[0] ?? now)}`, 303)
  })

  app.get('/oit/:fy{[0-9]{4}}', requirePermission('oit.read'), async (c) => {
    const year = yearParam(c)
    return withMap(c, year, async (map) => {
      const [units, checks, years] = await Promise.all([listUnitsOf(db(c), c.get('org').id), listLinkChecks(ctxOf(c)), oitYears(db(c))])
      return render(c, <ReadinessPage ctx={pageCtx(c)} year={year} years={years} map={map} units={units} checks={checks} base={adminBase(c)} />)
    })
  })

  const noteView = (c: StaffContext, year: number, map: OitMap) => async (state: FormState) => {
    const item = map.items.find((i) => i.code === c.req.param('code'))
    if (!item) throw new AppError('not_found', 404)
    return <NotePage ctx={pageCtx(c)} year={year} item={item} units={await listUnitsOf(db(c), c.get('org').id)} base={adminBase(c)} {...state} />
  }
  app.get('/oit/:fy{[0-9]{4}}/:code{O[0-9]{1,3}}', requirePermission('oit.edit'), async (c) => {
    const year = yearParam(c)
    return withMap(c, year, async (map) => render(c, await noteView(c, year, map)({})))
  })
  app.post('/oit/:fy{[0-9]{4}}/:code{O[0-9]{1,3}}', requirePermission('oit.edit'), async (c) => {
    const year = yearParam(c)
    const code = c.req.param('code')
    const L = c.get('lang')
    return withMap(c, year, (map) =>
      formAction(c, {
        schema: noteForm(L),
        labels: noteLabels(L),
        view: noteView(c, year, map),
        submit: async (data) => {
          const units = await listUnitsOf(db(c), c.get('org').id)
          await saveItemNote(ctxOf(c), year, code, { ...data, ownerUnitId: units.some((u) => u.id === data.ownerUnitId) ? data.ownerUnitId : null })
          flash(c, dt(L, 'admin.saved', { code }))
          return c.redirect(`${adminBase(c)}/${year}`, 303)
        },
      }),
    )
  })

  app.post('/oit/:fy{[0-9]{4}}/check-links', requirePermission('oit.edit'), async (c) => {
    const year = yearParam(c)
    const r = await runLinkCheck(c.get('deps'), c.get('org'), { siteOrigin: publicOrigin(c), probe: requestProbe(c), years: [year] })
    flash(c, dt(c.get('lang'), 'admin.checked', { n: r.length, bad: r.filter((x) => !x.ok).length }))
    return c.redirect(`${adminBase(c)}/${year}`, 303)
  })

  app.get('/oit/:fy{[0-9]{4}}/answer-sheet.xlsx', requirePermission('oit.read'), async (c) => {
    const year = yearParam(c)
    const org = c.get('org')
    return withMap(c, year, async (m) => {
      const buf = await answerSheetXlsx(sheetRows(m.items, publicOrigin(c)), { orgName: org.nameTh, year })
      return c.body(new Uint8Array(buf), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="oit-${year}-${org.slug}.xlsx"`,
        'Cache-Control': 'no-store',
      })
    })
  })
  app.get('/oit/:fy{[0-9]{4}}/answer-sheet.csv', requirePermission('oit.read'), async (c) => {
    const year = yearParam(c)
    return withMap(c, year, async (m) =>
      c.body(answerSheetCsv(sheetRows(m.items, publicOrigin(c))), 200, {
        'Content-Type': 'text/csv; charset=UTF-8',
        'Content-Disposition': `attachment; filename="oit-${year}-${c.get('org').slug}.csv"`,
        'Cache-Control': 'no-store',
      }),
    )
  })
  return app
}
