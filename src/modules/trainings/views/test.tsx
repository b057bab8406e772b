import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxGroup, ErrorSummary } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import type { Question, Session } from '../trainings.schema.js'

/** A session's test: questions ticked from the bank (the same set before and after). */
export const TestPage = (p: { ctx: StaffPageCtx; base: string; session: Session; bank: Question[] } & FormState) => {
  const L = p.ctx.lang
  const title = trainingsT(L, 'test.title')
  const url = `${p.base}/${p.session.id}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: p.session.topic, href: url }, { label: title, href: `${url}/test` }]}>
      <h1>{title}</h1>
      <p>{p.session.topic}</p>
      <p>{trainingsT(L, 'test.intro')}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {p.bank.length === 0 ? (
        <p>
          {trainingsT(L, 'test.bankEmpty')} <a href={`${p.base}/questions/new`}>{trainingsT(L, 'bank.add')}</a>
        </p>
      ) : (
        <form method="post" action={`${url}/test`} novalidate>
          <CsrfField ctx={p.ctx} />
          <CheckboxGroup name="questionIds" label={trainingsT(L, 'field.questionIds')} values={p.values} errors={p.errors} options={p.bank.map((q) => ({ value: q.id, label: q.subject ? `${q.subject}: ${q.text}` : q.text }))} />
          <div class="actions">
            <button type="submit">{trainingsT(L, 'test.save')}</button>
            <a href={url}>{trainingsT(L, 'form.cancel')}</a>
          </div>
        </form>
      )}
    </StaffLayout>
  )
}
