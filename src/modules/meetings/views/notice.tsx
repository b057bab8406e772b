import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { meetingsT } from '../meetings.i18n.js'
import type { MeetingFull } from '../agenda.js'
import { AGENDA_SECTIONS } from '../rules.js'
import { numberText } from '../shared.js'

/** The printable invitation notice with the agenda (print it from the browser); the people invited are listed. */
export const NoticePage = ({ ctx, base, full, orgName }: { ctx: StaffPageCtx; base: string; full: MeetingFull; orgName: string }) => {
  const L = ctx.lang
  const m = full.meeting
  const url = `${base}/${m.id}`
  const title = meetingsT(L, 'notice.title', { title: m.title })
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: base }, { label: m.title, href: url }, { label: meetingsT(L, 'action.notice'), href: `${url}/notice` }]}>
      <article class="printable notice-sheet">
        <h1>{title}</h1>
        <p>{orgName}</p>
        <p>{meetingsT(L, 'notice.body', { title: m.title, number: numberText(m), date: formatThaiDate(m.heldOn, { lang: L }), time: m.startsAt, place: m.place })}</p>
        <h2>{meetingsT(L, 'agenda.title')}</h2>
        <ol class="agenda">
          {AGENDA_SECTIONS.map((s) => (
            <li>
              {meetingsT(L, `section.${s}`)}
              <ul>
                {full.items
                  .filter((i) => i.section === s)
                  .map((i) => (
                    <li>
                      {s}.{i.position} {i.title}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ol>
        <p>{[m.chairName, m.chairPosition].filter(Boolean).join(' ')}</p>
        {full.attendees.length > 0 && (
          <>
            <h2>{meetingsT(L, 'notice.invited')}</h2>
            <ol>
              {full.attendees
                .filter((a) => a.kind === 'member')
                .map((a) => (
                  <li>
                    {a.name} {a.position}
                  </li>
                ))}
            </ol>
          </>
        )}
      </article>
    </StaffLayout>
  )
}
