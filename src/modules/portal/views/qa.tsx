import type { FormState } from '../../../platform/http/forms.js'
import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { ErrorSummary, TextArea, TextField } from '../../../platform/ui/fields.js'
import { CsrfField, PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { Markdown, dateText } from '../../../platform/ui/prose.js'
import { trailTo } from '../menu.js'
import { pt } from '../portal.i18n.js'
import type { PortalQuestion } from '../portal.schema.js'

const QuestionForm = (p: { ctx: OrgPageCtx } & FormState) => (
  <section aria-labelledby="ask-title">
    <h2 id="ask-title">{pt(p.ctx.lang, 'qa.ask')}</h2>
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
    <form method="post" action={`${orgBase(p.ctx.org.slug)}/qa`} novalidate>
      <CsrfField ctx={p.ctx} />
      <TextField name="askerName" label={pt(p.ctx.lang, 'qa.name')} values={p.values} errors={p.errors} required maxlength={100} autocomplete="nickname" />
      <TextArea name="question" label={pt(p.ctx.lang, 'qa.question')} hint={pt(p.ctx.lang, 'qa.privacy')} values={p.values} errors={p.errors} required />
      {/* A field people never see: a bot that fills it in is thanked and ignored. */}
      <div class="visually-hidden" aria-hidden="true">
        <label for="website">website</label>
        <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" />
      </div>
      <button type="submit">{pt(p.ctx.lang, 'qa.ask')}</button>
    </form>
  </section>
)

/** The Q&A board: published questions with their answers, then the form to ask one. */
export const QaPage = (p: { ctx: OrgPageCtx; questions: PortalQuestion[] } & FormState) => {
  const { ctx } = p
  return (
    <PublicLayout ctx={ctx} title={pt(ctx.lang, 'qa.title')} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: '/qa' })!}>
      <h1>{pt(ctx.lang, 'qa.title')}</h1>
      <p>{pt(ctx.lang, 'qa.intro')}</p>
      {p.questions.length === 0 ? (
        <p>{pt(ctx.lang, 'qa.empty')}</p>
      ) : (
        <ul class="qa-list">
          {p.questions.map((q) => (
            <li>
              <p class="question">{q.question}</p>
              <p class="muted">{pt(ctx.lang, 'qa.asked', { name: q.askerName, date: dateText(ctx, q.createdAt) })}</p>
              {q.answerMd && (
                <div class="answer">
                  <strong>{pt(ctx.lang, 'qa.answer')}</strong>
                  <Markdown md={q.answerMd} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <QuestionForm ctx={ctx} values={p.values} errors={p.errors} />
    </PublicLayout>
  )
}
