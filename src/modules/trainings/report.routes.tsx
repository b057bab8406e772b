import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { trainingsT } from './trainings.i18n.js'
import { getSession, saveReport } from './sessions.js'
import { sessionResults } from './answers.js'
import { photosOf } from './files.js'
import { reportLabels, ReportSchema, reportValues } from './forms.js'
import { reportDocx, reportFileName, reportPdf, trainingReport } from './report-document.js'
import { ReportForm } from './views/report-form.js'

const TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const
const RENDER = { docx: reportDocx, pdf: reportPdf } as const

/** The training report (รายงานผลการจัดอบรม): its own text, and the document as DOCX and PDF. */
export function reportRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/trainings`

  for (const ext of ['docx', 'pdf'] as const) {
    app.get(`/trainings/:id/report.${ext}`, requirePermission('trainings.read'), async (c) => {
      const r = await sessionResults(ctxOf(c), uuidParam(c))
      const buf = await RENDER[ext](trainingReport(r, c.get('org').nameTh, await photosOf(ctxOf(c), r.session.id)))
      return c.body(new Uint8Array(buf), 200, { 'Content-Type': TYPES[ext], 'Content-Disposition': `attachment; filename="${reportFileName(r.session, c.get('org').slug, ext)}"`, 'Cache-Control': 'no-store' })
    })
  }
  const form = async (c: StaffContext, id: string) => {
    const session = await getSession(ctxOf(c), id)
    return { session, view: (s: FormState) => <ReportForm ctx={pageCtx(c)} base={base(c)} session={session} {...s} /> }
  }
  app.get('/trainings/:id/report', requirePermission('trainings.edit'), async (c) => {
    const { session, view } = await form(c, uuidParam(c))
    return render(c, view({ values: reportValues(session) }))
  })
  app.post('/trainings/:id/report', requirePermission('trainings.edit'), async (c) => {
    const { session, view } = await form(c, uuidParam(c))
    return formAction(c, {
      schema: ReportSchema,
      labels: reportLabels(c.get('lang')),
      view,
      submit: async (data) => {
        await saveReport(ctxOf(c), session.id, data)
        flash(c, trainingsT(c.get('lang'), 'report.saved'))
        return c.redirect(`${base(c)}/${session.id}`, 303)
      },
    })
  })
  return app
}
