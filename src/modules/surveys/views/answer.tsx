import type { OrgPageCtx, PageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, PublicLayout, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxGroup, DateField, ErrorSummary, RadioGroup, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { Markdown } from '../../../platform/ui/prose.js'
import { surveysT } from '../surveys.i18n.js'
import type { Question, ServicePoint, Survey } from '../surveys.schema.js'
import { fieldOf } from '../answering.js'

const LEVELS = ['5', '4', '3', '2', '1'] as const
const wording = (L: string, th: string, en: string) => (L === 'en' && en ? en : th)

/** The questions by section: Likert as a row of five, choices as radios or checkboxes, texts. No JavaScript needed. */
export const AnswerFields = (p: { ctx: PageCtx; questions: Question[] } & FormState) => {
  const L = p.ctx.lang
  const sections = [...new Set(p.questions.map((q) => q.section))]
  return (
    <>
      {sections.map((section) => (
        <section class="card">
          {section && <h2>{section}</h2>}
          {p.questions
            .filter((q) => q.section === section)
            .map((q) => {
              const name = fieldOf(q)
              const label = `${q.position}. ${wording(L, q.textTh, q.textEn)}${q.required ? '' : ` ${surveysT(L, 'answer.optional')}`}`
              const common = { name, label, values: p.values, errors: p.errors }
              if (q.kind === 'likert') return <RadioGroup {...common} inline options={LEVELS.map((v) => ({ value: v, label: surveysT(L, `likert.${v}`) }))} />
              const choices = q.choices.map((c, i) => ({ value: String(i), label: wording(L, c.th, c.en) }))
              if (q.kind === 'single') return <RadioGroup {...common} options={choices} />
              if (q.kind === 'multi') return <CheckboxGroup {...common} options={choices} />
              if (q.kind === 'short') return <TextField {...common} maxlength={300} />
              return <TextArea {...common} rows={4} max={3000} lang={L} />
            })}
        </section>
      ))}
    </>
  )
}

/** The respondent's page (public, anonymous): the form, a "closed" or "link used" notice, or thanks. */
export const AnswerPage = (p: { ctx: OrgPageCtx; s: Survey | null; questions: Question[]; point: ServicePoint | null; action: string | null; notice?: 'closed' | 'linkUsed' | 'needsLink' | 'already' | 'thanks' | 'tooMany' } & FormState) => {
  const L = p.ctx.lang
  const title = p.s ? p.s.title : surveysT(L, 'answer.title')
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      {p.point && <p class="muted">{surveysT(L, 'answer.point', { point: p.point.name })}</p>}
      {p.notice ? (
        <p class={p.notice === 'thanks' ? 'notice' : undefined} role="status">
          {surveysT(L, `answer.${p.notice}`)}
        </p>
      ) : (
        p.action && (
          <>
            <ErrorSummary ctx={p.ctx} errors={p.errors} />
            {p.s?.intro && <Markdown md={p.s.intro} />}
            <p class="muted">{surveysT(L, 'answer.anonymous')}</p>
            <form method="post" action={p.action} novalidate>
              <CsrfField ctx={p.ctx} />
              <AnswerFields ctx={p.ctx} questions={p.questions} values={p.values} errors={p.errors} />
              <div class="actions">
                <button type="submit">{surveysT(L, 'answer.send')}</button>
              </div>
            </form>
          </>
        )
      )}
    </PublicLayout>
  )
}

/** Staff key in one paper answer sheet: the day it was filled in, the point, the answers. */
export const PaperPage = (p: { ctx: StaffPageCtx; base: string; s: Survey; questions: Question[]; points: ServicePoint[] } & FormState) => {
  const L = p.ctx.lang
  const here = `${p.base}/${p.s.id}`
  const title = surveysT(L, 'paper.title', { title: p.s.title })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: surveysT(L, 'list.title'), href: p.base }, { label: p.s.title, href: here }, { label: surveysT(L, 'paper.short'), href: `${here}/paper` }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{surveysT(L, 'paper.intro')}</p>
      <form method="post" action={`${here}/paper`} novalidate>
        <CsrfField ctx={p.ctx} />
        <DateField name="answeredOn" label={surveysT(L, 'paper.answeredOn')} values={p.values} errors={p.errors} ctx={p.ctx} required />
        {p.points.length > 0 && <SelectField name="pointId" label={surveysT(L, 'paper.point')} values={p.values} errors={p.errors} placeholder={surveysT(L, 'paper.noPoint')} options={p.points.map((x) => ({ value: x.id, label: x.name }))} />}
        <AnswerFields ctx={p.ctx} questions={p.questions} values={p.values} errors={p.errors} />
        <div class="actions">
          <button type="submit">{surveysT(L, 'paper.save')}</button>
          <button type="submit" name="next" value="1" class="secondary">
            {surveysT(L, 'paper.saveNext')}
          </button>
          <a href={here}>{surveysT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
