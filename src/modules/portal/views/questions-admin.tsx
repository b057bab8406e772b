import type { FormState } from '../../../platform/http/forms.js'
import { t as platformT } from '../../../platform/i18n/messages.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { dateText } from '../../../platform/ui/prose.js'
import { pt } from '../portal.i18n.js'
import { QUESTION_STATUSES, type PortalQuestion } from '../portal.schema.js'
import { EditorPage, editorBase } from './staff.js'

const fieldId = (field: string, id: string) => `${field === 'answerMd' ? 'answer' : field}-${id}`

const FieldError = (p: { id: string; message: string | undefined }) => (p.message ? <span class="error" id={`${p.id}-error`}>{p.message}</span> : null)

/**
 * Every question with its own answer form. After a bad submission, that question's form shows the
 * typed values and its errors; the summary links to its fields.
 */
export const QuestionsAdminPage = (p: { ctx: StaffPageCtx; questions: PortalQuestion[]; failedId?: string | undefined } & FormState) => {
  const L = p.ctx.lang
  const failed = p.failedId
  const summary = failed && p.errors ? Object.fromEntries(Object.entries(p.errors).map(([k, v]) => [k === '_form' ? k : fieldId(k, failed), v])) : undefined
  return (
    <EditorPage ctx={p.ctx} title={pt(L, 'admin.questions')}>
      <ErrorSummary ctx={p.ctx} errors={summary} />
      {p.questions.length === 0 && <p>{pt(L, 'qa.empty')}</p>}
      {p.questions.map((q) => {
        const mine = q.id === failed
        const errors = mine ? (p.errors ?? {}) : {}
        const answer = mine ? String(p.values?.answerMd ?? '') : (q.answerMd ?? '')
        const status = mine ? String(p.values?.status ?? '') : q.status
        const answerId = fieldId('answerMd', q.id)
        const statusId = fieldId('status', q.id)
        return (
          <section class="card qa-admin">
            <h2>{pt(L, 'qa.asked', { name: q.askerName, date: dateText(p.ctx, q.createdAt) })}</h2>
            <p class="question">{q.question}</p>
            <form method="post" action={`${editorBase(p.ctx)}/questions/${q.id}`} novalidate>
              <CsrfField ctx={p.ctx} />
              <div class="field">
                <label for={answerId}>{pt(L, 'f.answer')}</label>
                <FieldError id={answerId} message={errors.answerMd} />
                <textarea id={answerId} name="answerMd" rows={4} aria-invalid={errors.answerMd ? 'true' : undefined} aria-describedby={errors.answerMd ? `${answerId}-error` : undefined}>{answer}</textarea>
              </div>
              <div class="field">
                <label for={statusId}>{pt(L, 'f.qstatus')}</label>
                <FieldError id={statusId} message={errors.status} />
                <select id={statusId} name="status" aria-invalid={errors.status ? 'true' : undefined} aria-describedby={errors.status ? `${statusId}-error` : undefined}>
                  {QUESTION_STATUSES.map((s) => <option value={s} selected={s === status}>{pt(L, `q.${s}`)}</option>)}
                </select>
              </div>
              <button type="submit">{platformT(L, 'form.save')}</button>
            </form>
          </section>
        )
      })}
    </EditorPage>
  )
}
