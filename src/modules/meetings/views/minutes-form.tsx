import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextArea, TextField } from '../../../platform/ui/fields.js'
import { meetingsT } from '../meetings.i18n.js'
import type { Meeting } from '../meetings.schema.js'
import { numberText } from '../shared.js'

/** The minutes' frame (แบบที่ 11): start and end times, the chair's opening, who took and who checked them; saving records the meeting as held. */
export const MinutesForm = (p: { ctx: StaffPageCtx; base: string; meeting: Meeting } & FormState) => {
  const L = p.ctx.lang
  const url = `${p.base}/${p.meeting.id}`
  const title = meetingsT(L, 'minutes.title')
  const name = `${p.meeting.title} ${meetingsT(L, 'meeting.number', { number: numberText(p.meeting) })}`
  const v = p.values
  const e = p.errors
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: p.base }, { label: name, href: url }, { label: title, href: `${url}/minutes` }]}>
      <h1>{title}</h1>
      <p>{meetingsT(L, 'minutes.intro')}</p>
      <ErrorSummary ctx={p.ctx} errors={e} />
      <form method="post" action={`${url}/minutes`} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="startedAt" label={meetingsT(L, 'field.startedAt')} hint={meetingsT(L, 'field.timeHint')} values={v} errors={e} inputmode="numeric" required />
        <TextField name="endedAt" label={meetingsT(L, 'field.endedAt')} hint={meetingsT(L, 'field.timeHint')} values={v} errors={e} inputmode="numeric" />
        <TextArea name="opening" label={meetingsT(L, 'field.opening')} values={v} errors={e} rows={3} max={5000} lang={L} />
        <TextField name="minuteTakerName" label={meetingsT(L, 'field.minuteTakerName')} values={v} errors={e} required />
        <TextField name="minuteTakerPosition" label={meetingsT(L, 'field.minuteTakerPosition')} values={v} errors={e} />
        <TextField name="checkerName" label={meetingsT(L, 'field.checkerName')} hint={meetingsT(L, 'field.checkerHint')} values={v} errors={e} />
        <TextField name="checkerPosition" label={meetingsT(L, 'field.checkerPosition')} values={v} errors={e} />
        <div class="actions">
          <button type="submit">{meetingsT(L, 'minutes.save')}</button>
          <a href={url}>{meetingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
