import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, Pager, TextArea, TextField } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import type { QuestionRow } from '../questions.js'

/** The question bank: each question with its choices and the correct one marked, how many tests use it. */
export const BankPage = (p: { ctx: StaffPageCtx; base: string; q: string; data: { rows: QuestionRow[]; total: number; page: number; pages: number } }) => {
  const L = p.ctx.lang
  const title = trainingsT(L, 'bank.title')
  const url = `${p.base}/questions`
  const href = (page: number) => {
    const s = new URLSearchParams()
    if (p.q) s.set('q', p.q)
    if (page > 1) s.set('page', String(page))
    return s.size ? `${url}?${s}` : url
  }
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: title, href: url }]}>
      <h1>{title}</h1>
      <p>{trainingsT(L, 'bank.intro')}</p>
      <p class="actions">
        <a class="button" href={`${url}/new`}>
          {trainingsT(L, 'bank.add')}
        </a>
      </p>
      <form method="get" action={url} class="search-form" role="search">
        <TextField name="q" type="search" label={trainingsT(L, 'bank.search')} values={{ q: p.q }} />
        <button type="submit" class="secondary">
          {trainingsT(L, 'list.filter')}
        </button>
      </form>
      {p.data.total === 0 ? (
        <p>{trainingsT(L, 'bank.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {trainingsT(L, 'bank.count', { count: p.data.total })}
          </p>
          <ol class="item-list">
            {p.data.rows.map((q) => (
              <li>
                {q.subject && <span class="muted">{q.subject} · </span>}
                <strong>{q.text}</strong>
                <ol>
                  {q.choices.map((c, i) => (
                    <li>
                      {c}
                      {i === q.correct && <strong> {trainingsT(L, 'bank.correctMark')}</strong>}
                    </li>
                  ))}
                </ol>
                <p class="muted">
                  {trainingsT(L, 'bank.uses', { count: q.uses })} · <a href={`${url}/${q.id}/edit`}>{trainingsT(L, 'action.edit')}<span class="visually-hidden"> {q.text}</span></a>
                  {q.uses === 0 && (
                    <>
                      {' '}
                      · <a href={`${url}/${q.id}/delete`}>{trainingsT(L, 'action.delete')}<span class="visually-hidden"> {q.text}</span></a>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ol>
          <Pager ctx={p.ctx} page={p.data.page} hasNext={p.data.page < p.data.pages} href={href} />
        </>
      )}
    </StaffLayout>
  )
}

export const QuestionForm = (p: { ctx: StaffPageCtx; base: string; action: string; editing: boolean } & FormState) => {
  const L = p.ctx.lang
  const title = trainingsT(L, p.editing ? 'bank.editTitle' : 'bank.newTitle')
  const url = `${p.base}/questions`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: trainingsT(L, 'bank.title'), href: url }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="subject" label={trainingsT(L, 'field.subject')} hint={trainingsT(L, 'field.subjectHint')} values={p.values} errors={p.errors} max={200} lang={L} />
        <TextArea name="text" label={trainingsT(L, 'field.text')} values={p.values} errors={p.errors} rows={3} max={1000} lang={L} />
        <TextArea name="choices" label={trainingsT(L, 'field.choices')} hint={trainingsT(L, 'field.choicesHint')} values={p.values} errors={p.errors} rows={5} />
        <TextField name="correct" label={trainingsT(L, 'field.correct')} hint={trainingsT(L, 'field.correctHint')} values={p.values} errors={p.errors} inputmode="numeric" required />
        <div class="actions">
          <button type="submit">{trainingsT(L, 'form.save')}</button>
          <a href={url}>{trainingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
