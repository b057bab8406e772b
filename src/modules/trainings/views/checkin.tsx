import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormErrors } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import type { Session } from '../trainings.schema.js'
import { datesText } from './parts.js'
import { FORMS } from '../answers.js'

/** QR self check-in: the page the code at the door opens; one button. */
export const CheckinPage = ({ ctx, action, session, done, errors }: { ctx: StaffPageCtx; action: string; session: Session; done: boolean; errors?: FormErrors | undefined }) => {
  const L = ctx.lang
  const title = trainingsT(L, 'checkin.title')
  return (
    <StaffLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {session.topic} · {datesText(L, session)} · {session.place}
      </p>
      {done ? (
        <>
          <p role="status" class="badge ok">
            {trainingsT(L, 'checkin.done')}
          </p>
          <ul>
            {FORMS.map((f) => (
              <li>
                <a href={action.replace(/\/checkin$/, `/answer/${f}`)}>{trainingsT(L, `form.${f}`)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <form method="post" action={action}>
          <CsrfField ctx={ctx} />
          <button type="submit">{trainingsT(L, 'checkin.submit')}</button>
        </form>
      )}
    </StaffLayout>
  )
}
