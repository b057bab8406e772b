import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, SelectField, TextArea } from '../../../platform/ui/fields.js'
import { coiT } from '../coi.i18n.js'
import { MATTER_RESOLUTIONS } from '../coi.schema.js'
import type { MatterView } from '../checks.js'
import { day } from './shared.js'

/** A matter found by a check, and how it was resolved. */
export const MatterPage = (p: { ctx: StaffPageCtx; base: string; m: MatterView } & FormState) => {
  const { ctx, m } = p
  const L = ctx.lang
  const title = coiT(L, 'matter.title', { project: m.project })
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: coiT(L, 'nav.staff'), href: `${p.base}?fy=${m.fiscalYear}` }, { label: title, href: `${p.base}/matters/${m.id}` }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <dl class="facts">
        <dt>{coiT(L, 'field.person')}</dt>
        <dd>{m.personName}</dd>
        <dt>{coiT(L, 'field.party')}</dt>
        <dd>
          {m.partyName} {m.partyJuristicId ?? ''}
        </dd>
        <dt>{coiT(L, 'check.by')}</dt>
        <dd>{coiT(L, `match.by.${m.matchedBy}`)}</dd>
        <dt>{coiT(L, 'check.interest')}</dt>
        <dd>{m.interestSummary || '-'}</dd>
        <dt>{coiT(L, 'matter.foundOn')}</dt>
        <dd>{day(ctx, m.foundOn)}</dd>
        <dt>{coiT(L, 'field.status')}</dt>
        <dd>{m.status === 'resolved' && m.resolution ? `${coiT(L, `resolution.${m.resolution}`)} ${m.resolvedOn ? day(ctx, m.resolvedOn) : ''}` : coiT(L, 'matter.open')}</dd>
        {m.resolutionNote && (
          <>
            <dt>{coiT(L, 'field.resolutionNote')}</dt>
            <dd>{m.resolutionNote}</dd>
          </>
        )}
      </dl>
      {ctx.can('coi.manage') && (
        <form method="post" action={`${p.base}/matters/${m.id}`} novalidate>
          <CsrfField ctx={ctx} />
          <h2>{coiT(L, 'matter.resolve')}</h2>
          <SelectField name="resolution" label={coiT(L, 'field.resolution')} values={p.values} errors={p.errors} placeholder={coiT(L, 'form.choose')} options={MATTER_RESOLUTIONS.map((r) => ({ value: r, label: coiT(L, `resolution.${r}`) }))} />
          <DateField name="resolvedOn" label={coiT(L, 'field.resolvedOn')} hint={coiT(L, 'field.dateHint')} values={p.values} errors={p.errors} lang={L} required />
          <TextArea name="note" label={coiT(L, 'field.resolutionNote')} values={p.values} errors={p.errors} rows={3} />
          <div class="actions">
            <button type="submit">{coiT(L, 'matter.save')}</button>
          </div>
        </form>
      )}
    </StaffLayout>
  )
}
