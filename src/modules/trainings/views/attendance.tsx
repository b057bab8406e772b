import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, CheckboxGroup, ErrorSummary, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import { ATTENDANCE, type Attendee, type Session } from '../trainings.schema.js'
import { attendanceFigures } from '../attendance.js'
import { FiguresBox } from './parts.js'

export type Candidate = { id: string; fullName: string; position: string | null }

/**
 * Sign-up and attendance: people of the directory are signed up (everyone or those ticked), outside
 * attendees added by name; the sign-in sheet is recorded back row by row (present / absent).
 */
export const AttendancePage = (p: { ctx: StaffPageCtx; base: string; session: Session; attendees: Attendee[]; candidates: Candidate[]; signUp?: FormState; outside?: FormState } & FormState) => {
  const L = p.ctx.lang
  const url = `${p.base}/${p.session.id}`
  const title = trainingsT(L, 'attendance.title')
  const val = (k: string, fallback: string) => {
    const v = p.values?.[k]
    return typeof v === 'string' ? v : fallback
  }
  const signedUp = new Set(p.attendees.map((a) => a.personId))
  const free = p.candidates.filter((c) => !signedUp.has(c.id))
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: p.session.topic, href: url }, { label: title, href: `${url}/attendance` }]}>
      <h1>{title}</h1>
      <p>{p.session.topic}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors ?? p.signUp?.errors ?? p.outside?.errors} />
      <FiguresBox ctx={p.ctx} f={attendanceFigures(p.attendees)} />
      {p.attendees.length === 0 ? (
        <p>{trainingsT(L, 'attendance.empty')}</p>
      ) : (
        <form method="post" action={`${url}/attendance`} novalidate>
          <CsrfField ctx={p.ctx} />
          <TableWrap label={title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{trainingsT(L, 'attendance.name')}</th>
                  <th scope="col">{trainingsT(L, 'attendance.status')}</th>
                </tr>
              </thead>
              <tbody>
                {p.attendees.map((a) => (
                  <tr>
                    <td>
                      {a.name}
                      {(a.position || a.organisation) && <span class="muted"> {[a.position, a.organisation].filter(Boolean).join(' ')}</span>}
                      {a.via === 'self' && <span class="badge ok"> {trainingsT(L, 'attendance.self')}</span>}
                      {p.errors?.[`s_${a.id}`] && <span class="error">{p.errors[`s_${a.id}`]}</span>}
                      {a.status !== 'present' && (
                        <>
                          {' '}
                          <a href={`${url}/attendance/${a.id}/remove`}>
                            {trainingsT(L, 'attendance.remove')}
                            <span class="visually-hidden"> {a.name}</span>
                          </a>
                        </>
                      )}
                    </td>
                    <td>
                      <fieldset class="radios" id={`s_${a.id}`}>
                        <legend class="visually-hidden">{trainingsT(L, 'attendance.statusOf', { name: a.name })}</legend>
                        {ATTENDANCE.map((s) => (
                          <label>
                            <input type="radio" name={`s_${a.id}`} value={s} checked={val(`s_${a.id}`, a.status) === s} /> {trainingsT(L, `attendance.${s}`)}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <div class="actions">
            <button type="submit">{trainingsT(L, 'attendance.save')}</button>
            <a href={url}>{trainingsT(L, 'form.cancel')}</a>
          </div>
        </form>
      )}
      <section aria-labelledby="signup">
        <h2 id="signup">{trainingsT(L, 'attendance.signUp')}</h2>
        <form method="post" action={`${url}/attendance/signup`} novalidate>
          <CsrfField ctx={p.ctx} />
          <CheckboxField name="everyone" label={trainingsT(L, 'attendance.everyone')} values={p.signUp?.values ?? {}} />
          {free.length > 0 && (
            <CheckboxGroup name="personIds" label={trainingsT(L, 'attendance.people')} values={p.signUp?.values} errors={p.signUp?.errors} options={free.map((c) => ({ value: c.id, label: c.position ? `${c.fullName} (${c.position})` : c.fullName }))} />
          )}
          <button type="submit" class="secondary">
            {trainingsT(L, 'attendance.signUpSubmit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="outside">
        <h2 id="outside">{trainingsT(L, 'attendance.addOutside')}</h2>
        <form method="post" action={`${url}/attendance/outside`} novalidate>
          <CsrfField ctx={p.ctx} />
          <TextField name="name" label={trainingsT(L, 'field.name')} values={p.outside?.values} errors={p.outside?.errors} required />
          <TextField name="position" label={trainingsT(L, 'field.position')} values={p.outside?.values} errors={p.outside?.errors} />
          <TextField name="organisation" label={trainingsT(L, 'field.organisation')} values={p.outside?.values} errors={p.outside?.errors} />
          <button type="submit" class="secondary">
            {trainingsT(L, 'attendance.addOutside')}
          </button>
        </form>
      </section>
    </StaffLayout>
  )
}
