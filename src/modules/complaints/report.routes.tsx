import { Hono } from 'hono'
import { yearQuery } from '../../platform/http/params.js'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { rateLimit } from '../../platform/http/rate-limit.js'
import { randomToken } from '../../platform/crypto/index.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { orgBase } from '../../platform/ui/menu.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { attachmentRule, fileErrorsOn, reportLabels, reportOf, reportSchema } from './complaints.forms.js'
import { submitReport } from './submit.js'
import { receiptQr } from './receipt.js'
import { fiscalYearsWithReports, publicStats } from './stats.js'
import { ReceiptPage, ReportPage } from './views/report.js'
import { StatsPage } from './views/stats.js'

/** The form, with the nonce it was sent with (a resent form must stay the same report). */
const reportForm = (c: OrgContext) => (s: FormState) => {
  const sent = s.values?.nonce
  const nonce = typeof sent === 'string' && /^[\w-]{16,64}$/.test(sent) ? sent : randomToken(18)
  return <ReportPage ctx={pageCtx(c)} nonce={nonce} {...s} />
}

/** The public report form, its receipt, and the public statistics. */
export function reportRoutes() {
  const app = new Hono<OrgEnv>()

  app.get('/complaints', (c) => c.redirect(`${orgBase(c.get('org').slug)}/complaints/new`, 303))
  app.get('/complaints/new', (c) => render(c, reportForm(c)({})))
  app.post('/complaints/new', rateLimit({ name: 'complaint-submit', max: 20, windowMs: 60 * 60_000 }), (c) =>
    formAction(c, {
      schema: reportSchema(c.get('lang')),
      labels: reportLabels(c.get('lang')),
      files: { files: attachmentRule() },
      view: reportForm(c),
      submit: async (d, files) => {
        // Anonymous: the use case gets no actor, whoever is signed in.
        const r = await fileErrorsOn('files', () => submitReport({ ...ctxOf(c), actor: null }, { ...reportOf(d, files.files), nonce: d.nonce }))
        return render(c, <ReceiptPage ctx={pageCtx(c)} receipt={r.ok ? { code: r.code, qr: await receiptQr(r.code) } : null} />)
      },
    }),
  )

  app.get('/complaints/stats', async (c) => {
    const org = c.get('org')
    const years = await fiscalYearsWithReports(c.get('deps').db, org.id)
    const current = currentFiscalYear(new Date())
    const fy = yearQuery(c) ?? years[0] ?? current
    const stats = await publicStats(c.get('deps').db, org.id, fy)
    c.header('Cache-Control', 'public, max-age=300')
    return render(c, <StatsPage ctx={pageCtx(c)} stats={stats} years={[...new Set([current, fy, ...years])].sort((a, b) => b - a)} />)
  })
  return app
}
