import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormErrors } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { meetingsT } from '../meetings.i18n.js'
import type { Meeting } from '../meetings.schema.js'
import { numberText } from '../shared.js'
import { when } from './parts.js'

/** QR self check-in: the page the code at the door opens; one button. */
export const CheckinPage = ({ ctx, action, meeting, done, errors }: { ctx: StaffPageCtx; action: string; meeting: Meeting; done: boolean; errors?: FormErrors | undefined }) => {
  const L = ctx.lang
  const title = meetingsT(L, 'checkin.title')
  return (
    <StaffLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {meeting.title} {meetingsT(L, 'meeting.number', { number: numberText(meeting) })} · {when(ctx, meeting)} · {meeting.place}
      </p>
      {done ? (
        <p role="status" class="badge ok">
          {meetingsT(L, 'checkin.done')}
        </p>
      ) : (
        <form method="post" action={action}>
          <CsrfField ctx={ctx} />
          <button type="submit">{meetingsT(L, 'checkin.submit')}</button>
        </form>
      )}
    </StaffLayout>
  )
}
