import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, SelectField, TextArea } from '../../../platform/ui/fields.js'
import { risksT } from '../risks.i18n.js'
import type { Risk } from '../risks.schema.js'
import { MONITOR_STATUSES, ROUND_RULE, type Round } from '../rules.js'
import { code } from './parts.js'

/** Records one monitoring round of a risk (the same view with errors and values on 422/409). */
export const MonitorForm = (p: { ctx: StaffPageCtx; base: string; risk: Risk; round: Round } & FormState) => {
  const L = p.ctx.lang
  const url = `${p.base}/${p.risk.id}`
  const title = risksT(L, 'form.monitorTitle', { round: risksT(L, `round.${p.round}`), n: p.risk.seq })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: risksT(L, 'list.title'), href: p.base }, { label: code(p.risk), href: url }, { label: risksT(L, `round.${p.round}`), href: `${url}/monitoring/${p.round}` }]}>
      <h1>{title}</h1>
      <p>{p.risk.event}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${url}/monitoring/${p.round}`} novalidate>
        <CsrfField ctx={p.ctx} />
        <SelectField name="status" label={risksT(L, 'field.monitorStatus')} values={p.values} errors={p.errors} options={MONITOR_STATUSES.map((s) => ({ value: s, label: risksT(L, `monitor.${s}`) }))} />
        <TextArea name="note" label={risksT(L, 'field.note')} values={p.values} errors={p.errors} rows={4} max={3000} lang={L} />
        <DateField name="recordedOn" label={risksT(L, 'field.recordedOn')} values={p.values} errors={p.errors} lang={L} required />
        <p class="muted">{ROUND_RULE.confidence === '?' ? risksT(L, 'round.unverified') : ''}</p>
        <div class="actions">
          <button type="submit">{risksT(L, 'form.save')}</button>
          <a href={url}>{risksT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
