import { Hono } from 'hono'
import type { OrgContext, OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, readForm, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { AppError } from '../../platform/http/errors.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { inOrg } from '../../db/client.js'
import { trainingsT } from './trainings.i18n.js'
import { questions } from './trainings.schema.js'
import { FORMS, issueAnswerLinks, myAnswering, openAnswerLink, paperAnswering, sessionResults, setTest, submitByLink, submitMine, submitPaper, testQuestions, type AnswerForm } from './answers.js'
import { getSession } from './sessions.js'
import { LinksSchema, TestSchema } from './forms.js'
import { AnswerClosedPage, AnswerPage, LinkAnswerPage, LinkDonePage, LinkSpentPage } from './views/answer.js'
import { TestPage } from './views/test.js'
import { ResultsPage } from './views/results.js'
import { LinksPage, SlipsPage } from './views/links.js'

const noStore = (c: { header: (name: string, value: string) => void }) => {
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'no-referrer')
}
const publicPath = (slug: string, token: string) => `${orgBase(slug)}/trainings/answer/${token}`
const formParam = (c: StaffContext): AnswerForm => {
  const f = FORMS.find((x) => x === c.req.param('form'))
  if (!f) throw new AppError('not_found', 404)
  return f
}

/** A session's test, its results, the answer pages of the signed-in person and the single-use links for people without an account. */
export function answerStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/trainings`

  const testPage = async (c: StaffContext, id: string) => {
    const session = await getSession(ctxOf(c), id)
    const { bank, chosen } = await inOrg(ctxOf(c).db, c.get('org').id, async (tx) => ({ bank: await tx.select().from(questions).orderBy(questions.subject, questions.createdAt), chosen: (await testQuestions(tx, id)).map((q) => q.id) }))
    return { chosen, view: (s: FormState) => <TestPage ctx={pageCtx(c)} base={base(c)} session={session} bank={bank} {...s} /> }
  }
  app.get('/trainings/:id/test', requirePermission('trainings.edit'), async (c) => {
    const { chosen, view } = await testPage(c, uuidParam(c))
    return render(c, view({ values: { questionIds: chosen } }))
  })
  app.post('/trainings/:id/test', requirePermission('trainings.edit'), async (c) => {
    const id = uuidParam(c)
    const { view } = await testPage(c, id)
    return formAction(c, {
      schema: TestSchema,
      labels: { questionIds: trainingsT(c.get('lang'), 'field.questionIds') },
      view,
      submit: async (data) => {
        const n = await setTest(ctxOf(c), id, data.questionIds)
        flash(c, trainingsT(c.get('lang'), 'test.saved', { count: n }))
        return c.redirect(`${base(c)}/${id}`, 303)
      },
    })
  })

  app.get('/trainings/:id/results', requirePermission('trainings.read'), async (c) => render(c, <ResultsPage ctx={pageCtx(c)} base={base(c)} r={await sessionResults(ctxOf(c), uuidParam(c))} />))

  const closed = (c: StaffContext, form: AnswerForm, e: unknown) => {
    const failed = formErrorsOf(e, c.get('lang'))
    if (!failed) throw e
    c.set('formFailed', true)
    return render(c, <AnswerClosedPage ctx={pageCtx(c)} title={trainingsT(c.get('lang'), `form.${form}`)} errors={failed.errors} />, failed.status)
  }
  app.get('/trainings/:id/answer/:form', requirePermission('trainings.checkin'), async (c) => {
    const id = uuidParam(c)
    const form = formParam(c)
    try {
      const a = await myAnswering(ctxOf(c), id, form)
      return render(c, <AnswerPage ctx={pageCtx(c)} action={`${base(c)}/${id}/answer/${form}`} a={a} />)
    } catch (e) {
      return closed(c, form, e)
    }
  })
  app.post('/trainings/:id/answer/:form', requirePermission('trainings.checkin'), async (c) => {
    const id = uuidParam(c)
    const form = formParam(c)
    let a
    try {
      a = await myAnswering(ctxOf(c), id, form)
    } catch (e) {
      return closed(c, form, e)
    }
    const { values } = await readForm(c)
    try {
      const done = await submitMine(ctxOf(c), id, form, values)
      return render(c, <AnswerPage ctx={pageCtx(c)} action={`${base(c)}/${id}/answer/${form}`} a={a} done={done} />)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <AnswerPage ctx={pageCtx(c)} action={`${base(c)}/${id}/answer/${form}`} a={a} values={values} errors={failed.errors} />, failed.status)
    }
  })

  // Answers given on paper (an outside attendee, someone without a phone), typed in by staff.
  const paperUrl = (c: StaffContext, id: string, attendeeId: string, form: AnswerForm) => `${base(c)}/${id}/paper/${attendeeId}/${form}`
  app.get('/trainings/:id/paper/:aid/:form', requirePermission('trainings.edit'), async (c) => {
    const id = uuidParam(c)
    const aid = uuidParam(c, 'aid')
    const form = formParam(c)
    try {
      const a = await paperAnswering(ctxOf(c), id, aid, form)
      return render(c, <AnswerPage ctx={pageCtx(c)} action={paperUrl(c, id, aid, form)} a={a} />)
    } catch (e) {
      return closed(c, form, e)
    }
  })
  app.post('/trainings/:id/paper/:aid/:form', requirePermission('trainings.edit'), async (c) => {
    const id = uuidParam(c)
    const aid = uuidParam(c, 'aid')
    const form = formParam(c)
    let a
    try {
      a = await paperAnswering(ctxOf(c), id, aid, form)
    } catch (e) {
      return closed(c, form, e)
    }
    const { values } = await readForm(c)
    try {
      const done = await submitPaper(ctxOf(c), id, aid, form, values)
      flash(c, done.score === null ? trainingsT(c.get('lang'), 'answer.thanks') : trainingsT(c.get('lang'), 'answer.scored', { score: done.score, total: done.total ?? 0 }))
      return c.redirect(`${base(c)}/${id}/results`, 303)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <AnswerPage ctx={pageCtx(c)} action={paperUrl(c, id, aid, form)} a={a} values={values} errors={failed.errors} />, failed.status)
    }
  })

  const linksPage = async (c: StaffContext, id: string) => {
    const session = await getSession(ctxOf(c), id)
    return { session, view: (s: FormState) => <LinksPage ctx={pageCtx(c)} base={base(c)} session={session} {...s} /> }
  }
  app.get('/trainings/:id/links', requirePermission('trainings.edit'), async (c) => render(c, (await linksPage(c, uuidParam(c))).view({ values: { form: 'pre' } })))
  app.post('/trainings/:id/links', requirePermission('trainings.edit'), async (c) => {
    const { session, view } = await linksPage(c, uuidParam(c))
    return formAction(c, {
      schema: LinksSchema,
      labels: { form: trainingsT(c.get('lang'), 'field.form') },
      view,
      submit: async (data) => {
        const issued = await issueAnswerLinks(ctxOf(c), session.id, data.form)
        const slips = await Promise.all(
          issued.map(async (l) => {
            const url = `${publicOrigin(c)}${publicPath(c.get('org').slug, l.token)}`
            return { name: l.attendee.name, position: l.attendee.position, url, qrSvg: await linkQrSvg(url) }
          }),
        )
        noStore(c)
        return render(c, <SlipsPage ctx={pageCtx(c)} base={base(c)} session={session} form={data.form} slips={slips} />)
      },
    })
  })
  return app
}

/**
 * The public page a single-use link opens: only its form, no sign-in (CSRF-protected, works without
 * JavaScript, never cached). Bad input answers 422 with the answers kept and the link unused; a
 * used, expired or replaced link answers 410; a form that cannot be answered now, 409.
 */
export function answerPublicRoutes() {
  const app = new Hono<OrgEnv>()
  const token = (c: OrgContext) => c.req.param('token') ?? ''
  const action = (c: OrgContext) => publicPath(c.get('org').slug, token(c))
  const open = async (c: OrgContext) => {
    try {
      return { a: await openAnswerLink(c.get('deps').db, c.get('org').id, token(c)) }
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      return { closed: render(c, <LinkSpentPage ctx={pageCtx(c)} message={failed.errors._form} />, failed.status) }
    }
  }
  app.get('/trainings/answer/:token', async (c) => {
    noStore(c)
    const o = await open(c)
    if (o.closed) return o.closed
    if (!o.a) return render(c, <LinkSpentPage ctx={pageCtx(c)} />, 410)
    return render(c, <LinkAnswerPage ctx={pageCtx(c)} action={action(c)} a={o.a} />)
  })
  app.post('/trainings/answer/:token', async (c) => {
    noStore(c)
    const o = await open(c)
    if (o.closed) return o.closed
    const a = o.a
    if (!a) return render(c, <LinkSpentPage ctx={pageCtx(c)} />, 410)
    const { values } = await readForm(c)
    try {
      const done = await submitByLink(c.get('deps').db, c.get('org').id, token(c), values, c.get('lang'), c.get('requestId') ?? null)
      if (!done) return render(c, <LinkSpentPage ctx={pageCtx(c)} />, 410)
      return render(c, <LinkDonePage ctx={pageCtx(c)} done={done} topic={a.session.topic} />)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <LinkAnswerPage ctx={pageCtx(c)} action={action(c)} a={a} values={values} errors={failed.errors} />, failed.status)
    }
  })
  return app
}
