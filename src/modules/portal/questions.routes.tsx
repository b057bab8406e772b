import { Hono } from 'hono'
import type { OrgContext, OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { rateLimit } from '../../platform/http/rate-limit.js'
import { uuidParam } from '../../platform/http/params.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { pt } from './portal.i18n.js'
import { labels, moderateForm, questionForm } from './portal.forms.js'
import { askQuestion, listAllQuestions, listPublishedQuestions, moderateQuestion } from './questions.js'
import { editorBase } from './views/staff.js'
import { QuestionsAdminPage } from './views/questions-admin.js'
import { QaPage } from './views/qa.js'

/** Staff: answer, publish or hide each question. */
export function questionStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const page = (c: StaffContext, failedId?: string) => async (s: FormState) => <QuestionsAdminPage ctx={pageCtx(c)} questions={await listAllQuestions(ctxOf(c))} failedId={failedId} {...s} />

  app.get('/portal/questions', requirePermission('portal.moderate'), async (c) => render(c, await page(c)({})))
  app.post('/portal/questions/:id', requirePermission('portal.moderate'), (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: moderateForm(),
      labels: { ...labels(c.get('lang')), status: pt(c.get('lang'), 'f.qstatus') },
      view: page(c, id),
      submit: async (data) => {
        await moderateQuestion(ctxOf(c), id, data)
        flash(c, pt(c.get('lang'), 'admin.saved'))
        return c.redirect(`${editorBase({ org: c.get('org') })}/questions`, 303)
      },
    })
  })
  return app
}

/** Questions one address (IPv6: one /64) may send in QA_WINDOW_MS, counted in PostgreSQL across processes. */
export const QA_MAX_PER_WINDOW = 5
export const QA_WINDOW_MS = 15 * 60_000

/** The public board: anyone may ask; the page is not cached (its form carries a token). */
export function questionPublicRoutes() {
  const app = new Hono<OrgEnv>()
  const page = (c: OrgContext) => async (s: FormState) => <QaPage ctx={pageCtx(c)} questions={await listPublishedQuestions(c.get('deps').db, c.get('org').id)} {...s} />

  app.get('/qa', async (c) => render(c, await page(c)({})))
  app.post('/qa', rateLimit({ name: 'portal.qa', max: QA_MAX_PER_WINDOW, windowMs: QA_WINDOW_MS }), (c) =>
    formAction(c, {
      schema: questionForm(),
      labels: labels(c.get('lang')),
      view: page(c),
      submit: async (data) => {
        // A filled hidden field means a bot: pretend success, store nothing.
        if (!data.website) await askQuestion(ctxOf(c), { askerName: data.askerName, question: data.question })
        flash(c, pt(c.get('lang'), 'qa.sent'))
        return c.redirect(`${orgBase(c.get('org').slug)}/qa`, 303)
      },
    }),
  )
  return app
}
