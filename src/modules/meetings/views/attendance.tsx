import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { meetingsT } from '../meetings.i18n.js'
import { ATTENDANCE, type Attendee, type Meeting } from '../meetings.schema.js'
import type { Quorum } from '../attendance.js'
import { numberText } from '../shared.js'
import { QuorumBox } from './parts.js'

/** Attendance at the door (a tablet): one row a person, present / on leave / absent; outside attendees below. */
export const AttendancePage = (p: { ctx: StaffPageCtx; base: string; meeting: Meeting; attendees: Attendee[]; quorum: Quorum; outside?: FormState } & FormState) => {
  const L = p.ctx.lang
  const url = `${p.base}/${p.meeting.id}`
  const title = meetingsT(L, 'attendance.title')
  const name = `${p.meeting.title} ${meetingsT(L, 'meeting.number', { number: numberText(p.meeting) })}`
  const val = (k: string, fallback: string) => {
    const v = p.values?.[k]
    return typeof v === 'string' ? v : fallback
  }
  const members = p.attendees.filter((a) => a.kind === 'member')
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: p.base }, { label: name, href: url }, { label: title, href: `${url}/attendance` }]}>
      <h1>{title}</h1>
      <p>{name}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors ?? p.outside?.errors} />
      <QuorumBox ctx={p.ctx} q={p.quorum} />
      {members.length === 0 ? (
        <p>{meetingsT(L, 'attendance.empty')}</p>
      ) : (
        <form method="post" action={`${url}/attendance`} novalidate>
          <CsrfField ctx={p.ctx} />
          <TableWrap label={title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{meetingsT(L, 'attendance.name')}</th>
                  <th scope="col">{meetingsT(L, 'attendance.status')}</th>
                  <th scope="col">{meetingsT(L, 'attendance.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((a) => (
                  <tr>
                    <td>
                      {a.name}
                      {a.position && <span class="muted"> {a.position}</span>}
                      {a.via === 'self' && <span class="badge ok"> {meetingsT(L, 'attendance.self')}</span>}
                    </td>
                    <td>
                      <fieldset class="radios">
                        <legend class="visually-hidden">{meetingsT(L, 'attendance.statusOf', { name: a.name })}</legend>
                        {ATTENDANCE.map((s) => (
                          <label>
                            <input type="radio" name={`s_${a.id}`} value={s} checked={val(`s_${a.id}`, a.status) === s} /> {meetingsT(L, `attendance.${s}`)}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                    <td>
                      <label class="visually-hidden" for={`r_${a.id}`}>
                        {meetingsT(L, 'attendance.reasonOf', { name: a.name })}
                      </label>
                      <input id={`r_${a.id}`} name={`r_${a.id}`} value={val(`r_${a.id}`, a.reason)} aria-invalid={p.errors?.[`r_${a.id}`] ? 'true' : undefined} />
                      {p.errors?.[`r_${a.id}`] && <span class="error">{p.errors[`r_${a.id}`]}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <div class="actions">
            <button type="submit">{meetingsT(L, 'attendance.save')}</button>
            <a href={url}>{meetingsT(L, 'form.cancel')}</a>
          </div>
        </form>
      )}
      <section aria-labelledby="outside">
        <h2 id="outside">{meetingsT(L, 'doc.outside')}</h2>
        <ul>
          {p.attendees
            .filter((a) => a.kind === 'outside')
            .map((a) => (
              <li>
                {a.name} {a.position}
              </li>
            ))}
        </ul>
        <form method="post" action={`${url}/attendance/outside`} novalidate>
          <CsrfField ctx={p.ctx} />
          <TextField name="name" label={meetingsT(L, 'field.outsideName')} values={p.outside?.values} errors={p.outside?.errors} required />
          <TextField name="position" label={meetingsT(L, 'field.outsidePosition')} values={p.outside?.values} errors={p.outside?.errors} />
          <button type="submit" class="secondary">
            {meetingsT(L, 'attendance.addOutside')}
          </button>
        </form>
      </section>
    </StaffLayout>
  )
}
