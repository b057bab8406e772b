import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { surveysT } from '../surveys.i18n.js'
import { QUESTION_KINDS, type Survey } from '../surveys.schema.js'

/** Add or edit one question of a draft; choices one per line ("ไทย | English"). */
export const QuestionForm = (p: { ctx: StaffPageCtx; base: string; s: Survey; action: string; editing: boolean } & FormState) => {
  const L = p.ctx.lang
  const here = `${p.base}/${p.s.id}`
  const title = surveysT(L, p.editing ? 'question.editTitle' : 'question.newTitle')
  const field = (name: string) => ({ name, values: p.values, errors: p.errors })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: surveysT(L, 'list.title'), href: p.base }, { label: p.s.title, href: here }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField {...field('section')} label={surveysT(L, 'question.section')} hint={surveysT(L, 'question.sectionHint')} maxlength={200} />
        <SelectField {...field('kind')} label={surveysT(L, 'question.kind')} options={QUESTION_KINDS.map((k) => ({ value: k, label: surveysT(L, `kind.${k}`) }))} />
        <TextField {...field('textTh')} label={surveysT(L, 'question.textTh')} maxlength={500} required />
        <TextField {...field('textEn')} label={surveysT(L, 'question.textEn')} maxlength={500} />
        <TextArea {...field('choices')} label={surveysT(L, 'question.choices')} hint={surveysT(L, 'question.choicesHint')} rows={5} max={5000} lang={L} />
        <CheckboxField {...field('required')} label={surveysT(L, 'question.required')} />
        <div class="actions">
          <button type="submit">{surveysT(L, 'form.save')}</button>
          <a href={here}>{surveysT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
