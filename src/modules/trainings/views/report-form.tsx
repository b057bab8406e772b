import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextArea, TextField } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import type { Session } from '../trainings.schema.js'

/** The report's own text: the figures come from the records, staff write the summary, the benefits and who reports. */
export const ReportForm = (p: { ctx: StaffPageCtx; base: string; session: Session } & FormState) => {
  const L = p.ctx.lang
  const title = trainingsT(L, 'report.title')
  const url = `${p.base}/${p.session.id}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: p.session.topic, href: url }, { label: title, href: `${url}/report` }]}>
      <h1>{title}</h1>
      <p>{p.session.topic}</p>
      <p>{trainingsT(L, 'report.intro')}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${url}/report`} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextArea name="summary" label={trainingsT(L, 'field.summary')} values={p.values} errors={p.errors} rows={6} max={10000} lang={L} />
        <TextArea name="benefits" label={trainingsT(L, 'field.benefits')} values={p.values} errors={p.errors} rows={4} max={10000} lang={L} />
        <TextField name="reporterName" label={trainingsT(L, 'field.reporterName')} values={p.values} errors={p.errors} required max={200} lang={L} />
        <TextField name="reporterPosition" label={trainingsT(L, 'field.reporterPosition')} values={p.values} errors={p.errors} max={200} lang={L} />
        <div class="actions">
          <button type="submit">{trainingsT(L, 'form.save')}</button>
          <a href={url}>{trainingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
