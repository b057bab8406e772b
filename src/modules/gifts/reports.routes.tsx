import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { currentFiscalHalf, previousFiscalHalf } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { giftsT } from './gifts.i18n.js'
import { halfReport, listReports, saveReport, withdrawReport } from './reports.js'
import { halfParams } from './returns.routes.js'
import { ReportPage, ReportsList } from './views/report.js'
import { fileName, halfReportDocument, reportDocx, reportPdf, reportXlsx } from './report-document.js'

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
const RENDER = { docx: reportDocx, pdf: reportPdf, xlsx: reportXlsx } as const

const ReportSchema = z.object({ note: f.optionalText(5000).transform((v) => v ?? ''), publish: z.string().optional().transform((v) => v === '1') })

/** The six-monthly reports: the list, one half's report (save, publish, withdraw). */
export function reportsRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/gifts`

  app.get('/gifts/reports', requirePermission('gifts.read'), async (c) => {
    const cur = currentFiscalHalf()
    return render(c, <ReportsList ctx={pageCtx(c)} base={base(c)} reports={await listReports(ctxOf(c))} halves={[previousFiscalHalf(cur), cur]} />)
  })
  const view = async (c: StaffContext, fy: number, half: 1 | 2) => {
    const data = await halfReport(ctxOf(c), fy, half)
    return (s: FormState) => <ReportPage ctx={pageCtx(c)} base={base(c)} data={data} {...s} />
  }
  app.get('/gifts/reports/:fy/:half', requirePermission('gifts.read'), async (c) => {
    const { fy, half } = halfParams(c)
    return render(c, (await view(c, fy, half))({}))
  })
  // The report in the report's columns as DOCX, PDF and XLSX (names of recipients: staff with gifts.read only).
  for (const ext of ['docx', 'pdf', 'xlsx'] as const) {
    app.get(`/gifts/reports/:fy/:half/report.${ext}`, requirePermission('gifts.read'), async (c) => {
      const { fy, half } = halfParams(c)
      const org = c.get('org')
      const { data, doc } = await halfReportDocument(ctxOf(c), fy, half, org.nameTh)
      const buf = await RENDER[ext](doc)
      return c.body(new Uint8Array(buf), 200, { 'Content-Type': TYPES[ext], 'Content-Disposition': `attachment; filename="${fileName(data, org.slug, ext)}"`, 'Cache-Control': 'no-store' })
    })
  }
  app.post('/gifts/reports/:fy/:half', requirePermission('gifts.report'), async (c) => {
    const { fy, half } = halfParams(c)
    return formAction(c, {
      schema: ReportSchema,
      labels: { note: giftsT(c.get('lang'), 'report.note'), publish: giftsT(c.get('lang'), 'report.publish') },
      view: await view(c, fy, half),
      submit: async (data) => {
        await saveReport(ctxOf(c), fy, half, data)
        flash(c, giftsT(c.get('lang'), data.publish ? 'report.published' : 'report.saved'))
        return c.redirect(`${base(c)}/reports/${fy}/${half}`, 303)
      },
    })
  })
  app.post('/gifts/reports/:fy/:half/withdraw', requirePermission('gifts.report'), async (c) => {
    const { fy, half } = halfParams(c)
    try {
      await withdrawReport(ctxOf(c), fy, half)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, (await view(c, fy, half))({ errors: failed.errors }), failed.status)
    }
    flash(c, giftsT(c.get('lang'), 'report.withdrawn'))
    return c.redirect(`${base(c)}/reports/${fy}/${half}`, 303)
  })
  return app
}
