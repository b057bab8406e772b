import type { OrgPageCtx, PageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState, FormValues } from '../../../platform/http/forms.js'
import { CsrfField, PublicLayout, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextArea } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import { EVALUATION_ITEMS, LIKERT } from '../rules.js'
import type { Answering, Submitted } from '../answers.js'

const picked = (values: FormValues | undefined, name: string) => {
  const v = values?.[name]
  return typeof v === 'string' ? v : ''
}

/** The questions (one choice each) or the evaluation statements (1–5), as plain radios: a phone without JavaScript answers them. */
const AnswerFields = ({ ctx, a, values, errors }: { ctx: PageCtx; a: Answering } & FormState) => {
  const L = ctx.lang
  if (a.form === 'eval')
    return (
      <>
        <p>{trainingsT(L, 'answer.evalIntro')}</p>
        {EVALUATION_ITEMS.map((item, i) => {
          const name = `r_${item}`
          const error = errors?.[name]
          return (
            <fieldset class="field answer" id={name} tabindex={-1} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined}>
              <legend>
                {i + 1}. {trainingsT(L, `eval.${item}`)}
              </legend>
              {error && (
                <p class="error" id={`${name}-error`}>
                  {error}
                </p>
              )}
              {LIKERT.map((n) => (
                <div class="checkbox">
                  <input type="radio" id={`${name}-${n}`} name={name} value={String(n)} checked={picked(values, name) === String(n)} />
                  <label for={`${name}-${n}`}>
                    {n} {trainingsT(L, `likert.${n}`)}
                  </label>
                </div>
              ))}
            </fieldset>
          )
        })}
        <TextArea name="comment" label={trainingsT(L, 'field.comment')} values={values} errors={errors} rows={4} max={2000} lang={L} />
      </>
    )
  return (
    <>
      {a.questions.map((q, i) => {
        const name = `q_${q.id}`
        const error = errors?.[name]
        return (
          <fieldset class="field answer" id={name} tabindex={-1} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined}>
            <legend>{trainingsT(L, 'answer.question', { n: i + 1, text: q.text })}</legend>
            {error && (
              <p class="error" id={`${name}-error`}>
                {error}
              </p>
            )}
            {q.choices.map((c, j) => (
              <div class="checkbox">
                <input type="radio" id={`${name}-${j}`} name={name} value={String(j)} checked={picked(values, name) === String(j)} />
                <label for={`${name}-${j}`}>{c}</label>
              </div>
            ))}
          </fieldset>
        )
      })}
    </>
  )
}

const Form = ({ ctx, action, a, values, errors }: { ctx: PageCtx; action: string; a: Answering } & FormState) => (
  <form method="post" action={action} novalidate>
    <CsrfField ctx={ctx} />
    <AnswerFields ctx={ctx} a={a} values={values} errors={errors} />
    <div class="actions">
      <button type="submit">{trainingsT(ctx.lang, 'answer.submit')}</button>
    </div>
  </form>
)

const Done = ({ ctx, done }: { ctx: PageCtx; done: Submitted }) => (
  <p role="status" class="badge ok">
    {done.score === null ? trainingsT(ctx.lang, 'answer.thanks') : trainingsT(ctx.lang, 'answer.scored', { score: done.score, total: done.total ?? 0 })}
  </p>
)

/** The signed-in person's form (a staff page). */
export const AnswerPage = (p: { ctx: StaffPageCtx; action: string; a: Answering; done?: Submitted | undefined } & FormState) => {
  const title = trainingsT(p.ctx.lang, `form.${p.a.form}`)
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <p>{trainingsT(p.ctx.lang, 'answer.for', { name: p.a.attendee.name, topic: p.a.session.topic })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {p.done ? <Done ctx={p.ctx} done={p.done} /> : <Form ctx={p.ctx} action={p.action} a={p.a} values={p.values} errors={p.errors} />}
    </StaffLayout>
  )
}

/** A 409 on the answer page: why this form cannot be answered now. */
export const AnswerClosedPage = (p: { ctx: StaffPageCtx; title: string; errors: Record<string, string> }) => (
  <StaffLayout ctx={p.ctx} title={p.title}>
    <h1>{p.title}</h1>
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
  </StaffLayout>
)

/** The single-use link's public page: only the form it is for, posting back to itself. */
export const LinkAnswerPage = (p: { ctx: OrgPageCtx; action: string; a: Answering; done?: Submitted | undefined } & FormState) => {
  const title = trainingsT(p.ctx.lang, `form.${p.a.form}`)
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <p>{trainingsT(p.ctx.lang, 'answer.for', { name: p.a.attendee.name, topic: p.a.session.topic })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {p.done ? <Done ctx={p.ctx} done={p.done} /> : <Form ctx={p.ctx} action={p.action} a={p.a} values={p.values} errors={p.errors} />}
    </PublicLayout>
  )
}

export const LinkDonePage = ({ ctx, done, topic }: { ctx: OrgPageCtx; done: Submitted; topic: string }) => {
  const title = trainingsT(ctx.lang, `form.${done.form}`)
  return (
    <PublicLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{topic}</p>
      <Done ctx={ctx} done={done} />
    </PublicLayout>
  )
}

/** A used, expired, replaced or unknown link (410), or a form that cannot be answered now (409). */
export const LinkSpentPage = ({ ctx, message }: { ctx: OrgPageCtx; message?: string | undefined }) => {
  const title = trainingsT(ctx.lang, 'answer.spentTitle')
  return (
    <PublicLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p role="status">{message ?? trainingsT(ctx.lang, 'answer.spent')}</p>
    </PublicLayout>
  )
}
