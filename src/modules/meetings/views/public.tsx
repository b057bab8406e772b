import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { meetingsT } from '../meetings.i18n.js'
import type { AgendaItem, Attendee, Meeting, MeetingPhoto } from '../meetings.schema.js'
import type { PublicMeeting } from '../meetings.service.js'
import { AGENDA_SECTIONS } from '../rules.js'
import { isHeld, numberText } from '../shared.js'
import { PhotoList } from './photos.js'

/** Meetings the agency made public (ประชาคม and any minutes it chose to publish), by fiscal year. */
export const PublicList = ({ ctx, rows }: { ctx: OrgPageCtx; rows: PublicMeeting[] }) => {
  const L = ctx.lang
  const years = [...new Set(rows.map((r) => r.fiscalYear))]
  return (
    <PublicLayout ctx={ctx} title={meetingsT(L, 'public.title')} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/meetings') ?? undefined}>
      <h1>{meetingsT(L, 'public.title')}</h1>
      {rows.length === 0 && <p>{meetingsT(L, 'public.empty')}</p>}
      {years.map((y) => (
        <section>
          <h2>{meetingsT(L, 'public.year', { year: y })}</h2>
          <ul class="item-list">
            {rows
              .filter((r) => r.fiscalYear === y)
              .map((r) => (
                <li>
                  <a href={`/o/${ctx.org.slug}/meetings/${r.id}`}>
                    {r.title} {meetingsT(L, 'meeting.number', { number: numberText(r) })}
                  </a>{' '}
                  <span class="muted">
                    {formatThaiDate(r.heldOn, { lang: L })} · {r.place} · {meetingsT(L, isHeld(r) ? 'public.minutes' : 'public.upcoming')}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  )
}

/** One public meeting: the invitation's facts, once held the minutes per agenda item, and its photos. */
export const PublicMeetingPage = ({ ctx, meeting: m, items, attendees, photos }: { ctx: OrgPageCtx; meeting: Meeting; items: AgendaItem[]; attendees: Attendee[]; photos: MeetingPhoto[] }) => {
  const L = ctx.lang
  const title = `${m.title} ${meetingsT(L, 'meeting.number', { number: numberText(m) })}`
  const present = attendees.filter((a) => a.status === 'present')
  return (
    <PublicLayout ctx={ctx} title={title} trail={[...(publicTrail(ctx.registry, L, ctx.org.slug, '/meetings') ?? []), { label: m.title, href: `/o/${ctx.org.slug}/meetings/${m.id}` }]}>
      <h1>{title}</h1>
      <p>
        {meetingsT(L, 'doc.when', { date: formatThaiDate(m.heldOn, { lang: L }) })} {m.startsAt} · {meetingsT(L, 'doc.where', { place: m.place })}
      </p>
      {!isHeld(m) && <p>{meetingsT(L, 'public.notHeld')}</p>}
      {isHeld(m) && (
        <>
          <p>{meetingsT(L, 'public.present', { count: present.length })}</p>
          {AGENDA_SECTIONS.map((s) => (
            <section>
              <h2>{meetingsT(L, `section.${s}`)}</h2>
              {items
                .filter((i) => i.section === s)
                .map((i) => (
                  <article id={`item-${i.id}`}>
                    <h3>
                      {s}.{i.position} {i.title}
                    </h3>
                    {i.minutes
                      .split(/\r?\n/)
                      .filter((l) => l.trim())
                      .map((l) => (
                        <p>{l}</p>
                      ))}
                    <p>
                      <strong>{meetingsT(L, 'doc.resolution')}</strong> {i.resolution || meetingsT(L, 'doc.noted')}
                    </p>
                  </article>
                ))}
            </section>
          ))}
          {m.status === 'adopted' && <p>{meetingsT(L, 'public.adopted')}</p>}
        </>
      )}
      {photos.length > 0 && (
        <section aria-labelledby="photos">
          <h2 id="photos">{meetingsT(L, 'photos.title')}</h2>
          <PhotoList ctx={ctx} photos={photos} src={(ph) => `/o/${ctx.org.slug}/meetings/${m.id}/photos/${ph.id}`} />
        </section>
      )}
    </PublicLayout>
  )
}
