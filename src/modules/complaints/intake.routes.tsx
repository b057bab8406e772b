import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { AppError } from '../../platform/http/errors.js'
import { requirePermission } from '../../platform/http/guards.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { todayInBangkok, toThaiDateText } from '../../platform/thai/index.js'
import { attachmentRule, fileErrorsOn, intakeLabels, intakeSchema, reportOf } from './complaints.forms.js'
import { submitReport } from './submit.js'
import { receiptQr } from './receipt.js'
import { IntakeDonePage, IntakePage } from './views/intake.js'

const intakeForm = (c: StaffContext) => (s: FormState) => <IntakePage ctx={pageCtx(c)} {...s} />

/** Staff intake: reports received on paper, by phone, in person or by e-mail. */
export function intakeRoutes() {
  const app = new Hono<StaffEnv>()
  const guard = requirePermission('complaint.intake')

  app.get('/complaints/new', guard, (c) => render(c, intakeForm(c)({ values: { receivedOn: toThaiDateText(todayInBangkok()) } })))
  app.post('/complaints/new', guard, (c) =>
    formAction(c, {
      schema: intakeSchema(c.get('lang')),
      labels: intakeLabels(c.get('lang')),
      files: { files: attachmentRule() },
      view: intakeForm(c),
      submit: async (d, files) => {
        const r = await fileErrorsOn('files', () => submitReport(ctxOf(c), { ...reportOf(d, files.files), channel: d.channel, receivedOn: d.receivedOn }))
        if (!r.ok) throw new AppError('conflict', 409) // intake has no form nonce: never a duplicate
        return render(c, <IntakeDonePage ctx={pageCtx(c)} code={r.code} qr={await receiptQr(r.code)} caseId={r.caseId} caseNo={r.caseNo} />)
      },
    }),
  )
  return app
}
