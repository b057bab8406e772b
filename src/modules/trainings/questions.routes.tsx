import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, searchQuery, uuidParam } from '../../platform/http/params.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { trainingsT } from './trainings.i18n.js'
import { createQuestion, deleteQuestion, getQuestion, listQuestions, updateQuestion } from './questions.js'
import { questionLabels, QuestionSchema, questionValues } from './forms.js'
import { BankPage, QuestionForm } from './views/bank.js'
import { ConfirmPage } from './views/parts.js'

/** The question bank: list, add, edit (not once answered), delete (not once in a test) after confirmation. */
export function questionRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/trainings`
  const bank = (c: StaffContext) => `${base(c)}/questions`

  app.get('/trainings/questions', requirePermission('trainings.edit'), async (c) => {
    const q = searchQuery(c)
    return render(c, <BankPage ctx={pageCtx(c)} base={base(c)} q={q ?? ''} data={await listQuestions(ctxOf(c), { q, page: intQuery(c, 'page', 1, 10_000) })} />)
  })
  const newForm = (c: StaffContext) => (s: FormState) => <QuestionForm ctx={pageCtx(c)} base={base(c)} action={`${bank(c)}/new`} editing={false} {...s} />
  app.get('/trainings/questions/new', requirePermission('trainings.edit'), (c) => render(c, newForm(c)({ values: {} })))
  app.post('/trainings/questions/new', requirePermission('trainings.edit'), (c) =>
    formAction(c, {
      schema: QuestionSchema,
      labels: questionLabels(c.get('lang')),
      view: newForm(c),
      submit: async (data) => {
        await createQuestion(ctxOf(c), data)
        flash(c, trainingsT(c.get('lang'), 'bank.created'))
        return c.redirect(bank(c), 303)
      },
    }),
  )
  const editForm = (c: StaffContext, id: string) => (s: FormState) => <QuestionForm ctx={pageCtx(c)} base={base(c)} action={`${bank(c)}/${id}/edit`} editing {...s} />
  app.get('/trainings/questions/:id/edit', requirePermission('trainings.edit'), async (c) => {
    const q = await getQuestion(ctxOf(c), uuidParam(c))
    return render(c, editForm(c, q.id)({ values: questionValues(q) }))
  })
  app.post('/trainings/questions/:id/edit', requirePermission('trainings.edit'), async (c) => {
    const q = await getQuestion(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: QuestionSchema,
      labels: questionLabels(c.get('lang')),
      view: editForm(c, q.id),
      submit: async (data) => {
        await updateQuestion(ctxOf(c), q.id, data)
        flash(c, trainingsT(c.get('lang'), 'bank.updated'))
        return c.redirect(bank(c), 303)
      },
    })
  })
  const confirm = (c: StaffContext, id: string, errors?: Record<string, string>) => (
    <ConfirmPage ctx={pageCtx(c)} title={trainingsT(c.get('lang'), 'bank.deleteTitle')} intro={trainingsT(c.get('lang'), 'bank.deleteIntro')} action={`${bank(c)}/${id}/delete`} back={bank(c)} errors={errors} />
  )
  app.get('/trainings/questions/:id/delete', requirePermission('trainings.edit'), async (c) => render(c, confirm(c, (await getQuestion(ctxOf(c), uuidParam(c))).id)))
  app.post('/trainings/questions/:id/delete', requirePermission('trainings.edit'), async (c) => {
    const q = await getQuestion(ctxOf(c), uuidParam(c))
    try {
      await deleteQuestion(ctxOf(c), q.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, confirm(c, q.id, failed.errors), failed.status)
    }
    flash(c, trainingsT(c.get('lang'), 'bank.deleted'))
    return c.redirect(bank(c), 303)
  })
  return app
}
