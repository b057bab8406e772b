import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { EvidenceUsesList } from '../../../platform/evidence/views/evidence.js'
import type { EvidenceUse } from '../../../platform/evidence/evidence.service.js'
import { meetingsT } from '../meetings.i18n.js'
import type { AgendaItem, Meeting } from '../meetings.schema.js'
import { AGENDA_SECTIONS } from '../rules.js'
import { numberText } from '../shared.js'

export type TargetOption = { value: string; label: string }

/** Add or edit an agenda item with its minutes and resolution; an existing item can be linked as evidence of a measure's activity or an indicator. */
export const ItemForm = (p: { ctx: StaffPageCtx; base: string; meeting: Meeting; item: AgendaItem | null; action: string; uses: EvidenceUse[]; targets: TargetOption[]; link?: FormState } & FormState) => {
  const L = p.ctx.lang
  const url = `${p.base}/${p.meeting.id}`
  const title = meetingsT(L, p.item ? 'item.editTitle' : 'item.newTitle')
  const name = `${p.meeting.title} ${meetingsT(L, 'meeting.number', { number: numberText(p.meeting) })}`
  const e = p.errors
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: p.base }, { label: name, href: url }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors ?? p.link?.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <SelectField name="section" label={meetingsT(L, 'field.section')} hint={meetingsT(L, 'field.sectionHint')} values={p.values} errors={e} options={AGENDA_SECTIONS.map((s) => ({ value: String(s), label: meetingsT(L, `section.${s}`) }))} />
        <TextField name="title" label={meetingsT(L, 'field.itemTitle')} values={p.values} errors={e} required max={500} lang={L} />
        <TextArea name="detail" label={meetingsT(L, 'field.detail')} hint={meetingsT(L, 'field.detailHint')} values={p.values} errors={e} rows={4} max={10000} lang={L} />
        <TextArea name="minutes" label={meetingsT(L, 'field.minutes')} hint={meetingsT(L, 'field.minutesHint')} values={p.values} errors={e} rows={6} max={20000} lang={L} />
        <TextArea name="resolution" label={meetingsT(L, 'field.resolution')} hint={meetingsT(L, 'field.resolutionHint')} values={p.values} errors={e} rows={3} max={5000} lang={L} />
        <div class="actions">
          <button type="submit">{meetingsT(L, 'form.save')}</button>
          <a href={url}>{meetingsT(L, 'form.cancel')}</a>
          {p.item && <a href={`${p.action}/delete`}>{meetingsT(L, 'item.delete')}</a>}
        </div>
      </form>
      {p.item && (
        <section aria-labelledby="evidence">
          <h2 id="evidence">{meetingsT(L, 'evidence.uses')}</h2>
          <EvidenceUsesList ctx={p.ctx} uses={p.uses} />
          {p.targets.length > 0 ? (
            <form method="post" action={`${p.action}/link`} novalidate>
              <CsrfField ctx={p.ctx} />
              <SelectField name="target" label={meetingsT(L, 'field.target')} hint={meetingsT(L, 'field.targetHint')} values={p.link?.values} errors={p.link?.errors} placeholder={meetingsT(L, 'field.targetNone')} options={p.targets} />
              <button type="submit" class="secondary">
                {meetingsT(L, 'evidence.link')}
              </button>
            </form>
          ) : (
            <p class="muted">{meetingsT(L, 'evidence.noTargets', { year: p.meeting.fiscalYear })}</p>
          )}
        </section>
      )}
    </StaffLayout>
  )
}
