import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { selfAssessmentT } from '../self-assessment.i18n.js'
import { TOOLS } from '../self-assessment.schema.js'
import type { RoundRow } from '../self-assessment.service.js'

/** The agency's rounds, and the form to open a new one (shown again with errors and values). */
export const RoundsPage = (p: { ctx: StaffPageCtx; base: string; rows: RoundRow[] } & FormState) => {
  const L = p.ctx.lang
  const title = selfAssessmentT(L, 'list.title')
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{selfAssessmentT(L, 'list.intro')}</p>
      {p.rows.length === 0 ? (
        <p>{selfAssessmentT(L, 'list.empty')}</p>
      ) : (
        <TableWrap label={title}>
          <table id="rounds">
            <thead>
              <tr>
                <th scope="col">{selfAssessmentT(L, 'field.fiscalYear')}</th>
                <th scope="col">{selfAssessmentT(L, 'field.tool')}</th>
                <th scope="col" class="num">
                  {selfAssessmentT(L, 'list.progress')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`${p.base}/${r.id}`}>{selfAssessmentT(L, 'list.row', { year: r.fiscalYear, tool: r.tool.toUpperCase() })}</a>
                  </td>
                  <td>{selfAssessmentT(L, `tool.${r.tool}`)}</td>
                  <td class="num">{selfAssessmentT(L, 'list.count', { n: r.responses, target: r.target })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.ctx.can('self-assessment.edit') && (
        <section aria-labelledby="new">
          <h2 id="new">{selfAssessmentT(L, 'form.title')}</h2>
          <form method="post" action={p.base} novalidate>
            <CsrfField ctx={p.ctx} />
            <TextField name="fiscalYear" label={selfAssessmentT(L, 'field.fiscalYear')} hint={selfAssessmentT(L, 'field.fiscalYearHint')} values={p.values} errors={p.errors} inputmode="numeric" required />
            <SelectField name="tool" label={selfAssessmentT(L, 'field.tool')} values={p.values} errors={p.errors} options={TOOLS.map((t) => ({ value: t, label: selfAssessmentT(L, `tool.${t}`) }))} />
            <TextField name="target" label={selfAssessmentT(L, 'field.target')} hint={selfAssessmentT(L, 'field.targetHint')} values={p.values} errors={p.errors} inputmode="numeric" required />
            <button type="submit">{selfAssessmentT(L, 'form.open')}</button>
          </form>
        </section>
      )}
    </StaffLayout>
  )
}
