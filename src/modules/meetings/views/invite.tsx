import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, CheckboxGroup, ErrorSummary } from '../../../platform/ui/fields.js'
import { meetingsT } from '../meetings.i18n.js'
import type { Meeting } from '../meetings.schema.js'
import { numberText } from '../shared.js'

/** Sends the invitation with the agenda to the people invited (mail, and the printable notice). */
export const InvitePage = (p: { ctx: StaffPageCtx; base: string; meeting: Meeting; units: { id: string; nameTh: string }[]; invited: number } & FormState) => {
  const L = p.ctx.lang
  const url = `${p.base}/${p.meeting.id}`
  const title = meetingsT(L, 'invite.title')
  const name = `${p.meeting.title} ${meetingsT(L, 'meeting.number', { number: numberText(p.meeting) })}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: p.base }, { label: name, href: url }, { label: title, href: `${url}/invite` }]}>
      <h1>{title}</h1>
      <p>{name}</p>
      <p>{meetingsT(L, 'invite.intro', { count: p.invited })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${url}/invite`} novalidate>
        <CsrfField ctx={p.ctx} />
        <CheckboxField name="everyone" label={meetingsT(L, 'field.everyone')} values={p.values} />
        <CheckboxGroup name="unitIds" label={meetingsT(L, 'field.unitIds')} hint={meetingsT(L, 'field.unitIdsHint')} values={p.values} errors={p.errors} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <CheckboxField name="mail" label={meetingsT(L, 'field.mail')} values={p.values} />
        <div class="actions">
          <button type="submit">{meetingsT(L, 'invite.submit')}</button>
          <a href={`${url}/notice`}>{meetingsT(L, 'action.notice')}</a>
          <a href={url}>{meetingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
