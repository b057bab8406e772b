import type { FormState } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import type { Framework } from '../../assessment/index.js'
import { mt } from '../measures.i18n.js'
import type { MeasureView } from '../measures.service.js'
import { measureValues } from '../measures.forms.js'
import { MeasureFields, type UnitOption } from './measure-fields.js'

/** Edit one measure (its own page: the measure page's activity form uses the same field names). */
export const MeasureEditPage = (p: { ctx: StaffPageCtx; ita: string; measure: MeasureView; fw: Framework | undefined; units: UnitOption[] } & FormState) => {
  const L = p.ctx.lang
  const m = p.measure
  const page = `${p.ita}/measures/${m.id}`
  return (
    <StaffLayout ctx={p.ctx} title={`${mt(L, 'm.edit')}: ${m.title}`}>
      <p>
        <a href={page}>{`← ${mt(L, 'm.back')}`}</a>
      </p>
      <h1>{mt(L, 'm.edit')}</h1>
      {m.status === 'approved' && <p class="muted">{mt(L, 'm.editApproved')}</p>}
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={page} novalidate>
        <CsrfField ctx={p.ctx} />
        <MeasureFields ctx={p.ctx} year={m.fiscalYear} fw={p.fw} units={p.units} values={p.values ?? measureValues(m)} errors={p.errors} />
        <button type="submit">{mt(L, 'm.edit')}</button>
      </form>
    </StaffLayout>
  )
}
