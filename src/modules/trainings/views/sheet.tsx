import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import type { SessionFull } from '../attendance.js'
import { datesText, trainerText } from './parts.js'

/** The printable sign-in sheet: everyone signed up, with room to sign and blank rows for walk-ins. */
export const SheetPage = ({ ctx, base, full, orgName }: { ctx: StaffPageCtx; base: string; full: SessionFull; orgName: string }) => {
  const L = ctx.lang
  const s = full.session
  const title = trainingsT(L, 'sheet.title')
  const blanks = Array.from({ length: 5 }, (_, i) => full.attendees.length + i + 1)
  return (
    <StaffLayout ctx={ctx} title={`${title} ${s.topic}`} trail={[{ label: trainingsT(L, 'list.title'), href: base }, { label: s.topic, href: `${base}/${s.id}` }, { label: title, href: `${base}/${s.id}/sheet` }]}>
      <h1>{title}</h1>
      <p>
        <strong>{s.topic}</strong>
        <br />
        {datesText(L, s)} · {s.place}
        <br />
        {trainerText(L, s)} · {orgName}
      </p>
      <TableWrap label={title}>
        <table class="sheet">
          <thead>
            <tr>
              <th scope="col">{trainingsT(L, 'sheet.no')}</th>
              <th scope="col">{trainingsT(L, 'attendance.name')}</th>
              <th scope="col">{trainingsT(L, 'field.position')}</th>
              <th scope="col">{trainingsT(L, 'sheet.signature')}</th>
              <th scope="col">{trainingsT(L, 'sheet.note')}</th>
            </tr>
          </thead>
          <tbody>
            {full.attendees.map((a, i) => (
              <tr>
                <td>{i + 1}</td>
                <td>{a.name}</td>
                <td>{[a.position, a.organisation].filter(Boolean).join(' ')}</td>
                <td></td>
                <td></td>
              </tr>
            ))}
            {blanks.map((n) => (
              <tr>
                <td>{n}</td>
                <td></td>
                <td></td>
                <td></td>
                <td></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </StaffLayout>
  )
}
