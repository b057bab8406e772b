import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextArea } from '../../../platform/ui/fields.js'
import { EvidenceUsesList } from '../../../platform/evidence/views/evidence.js'
import type { EvidenceUse } from '../../../platform/evidence/evidence.service.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { meetingsT } from '../meetings.i18n.js'
import type { MeetingFull } from '../agenda.js'
import type { Quorum } from '../attendance.js'
import { AGENDA_SECTIONS } from '../rules.js'
import { isHeld, numberText } from '../shared.js'
import { QuorumBox, StatusBadge, when } from './parts.js'
import { PhotoList } from './photos.js'

export type DetailProps = { ctx: StaffPageCtx; base: string; full: MeetingFull; quorum: Quorum; uses: Map<string, EvidenceUse[]>; qrSvg: string; checkinUrl: string } & FormState

const Para = ({ text }: { text: string }) => (
  <>
    {text
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => (
        <p>{l}</p>
      ))}
  </>
)

/** One meeting: its facts, quorum, the agenda in the standard order with minutes and resolutions, and what to do next. */
export const MeetingPage = (p: DetailProps) => {
  const L = p.ctx.lang
  const { meeting: m, items, photos, previous, next } = p.full
  const url = `${p.base}/${m.id}`
  const canEdit = p.ctx.can('meetings.edit')
  const open = m.status !== 'adopted' && m.status !== 'cancelled'
  const title = `${m.title} ${meetingsT(L, 'meeting.number', { number: numberText(m) })}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: p.base }, { label: title, href: url }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>
        <StatusBadge ctx={p.ctx} status={m.status} /> {m.isPublic && <span class="badge ok">{meetingsT(L, 'meeting.public')}</span>}
      </p>
      <dl class="facts">
        <dt>{meetingsT(L, 'field.kind')}</dt>
        <dd>{meetingsT(L, `kind.${m.kind}`)}</dd>
        <dt>{meetingsT(L, 'meeting.when')}</dt>
        <dd>{when(p.ctx, m)}</dd>
        <dt>{meetingsT(L, 'field.place')}</dt>
        <dd>{m.place}</dd>
        <dt>{meetingsT(L, 'field.chairName')}</dt>
        <dd>{[m.chairName, m.chairPosition].filter(Boolean).join(' ')}</dd>
        {m.secretaryName && (
          <>
            <dt>{meetingsT(L, 'field.secretaryName')}</dt>
            <dd>{[m.secretaryName, m.secretaryPosition].filter(Boolean).join(' ')}</dd>
          </>
        )}
        {m.invitedAt && (
          <>
            <dt>{meetingsT(L, 'meeting.invitedAt')}</dt>
            <dd>{formatThaiDate(m.invitedAt, { lang: L })}</dd>
          </>
        )}
        {next && m.adoptedOn && (
          <>
            <dt>{meetingsT(L, 'meeting.adoptedAt')}</dt>
            <dd>
              <a href={`${p.base}/${next.id}`}>{meetingsT(L, 'meeting.adoptedBy', { number: numberText(next), date: formatThaiDate(m.adoptedOn, { lang: L }) })}</a>
              {m.corrections && <Para text={meetingsT(L, 'meeting.corrections', { text: m.corrections })} />}
            </dd>
          </>
        )}
      </dl>
      <p class="actions">
        {canEdit && open && <a href={`${url}/edit`}>{meetingsT(L, 'action.edit')}</a>}
        {canEdit && (m.status === 'planned' || m.status === 'invited') && <a href={`${url}/invite`}>{meetingsT(L, 'action.invite')}</a>}
        <a href={`${url}/notice`}>{meetingsT(L, 'action.notice')}</a>
        {canEdit && open && <a href={`${url}/attendance`}>{meetingsT(L, 'action.attendance')}</a>}
        {canEdit && open && <a href={`${url}/minutes`}>{meetingsT(L, 'action.minutes')}</a>}
        <a href={`${url}/minutes.docx`}>{meetingsT(L, 'action.docx')}</a>
        <a href={`${url}/minutes.pdf`}>{meetingsT(L, 'action.pdf')}</a>
        {canEdit && !isHeld(m) && !m.publishedAt && <a href={`${url}/delete`}>{meetingsT(L, 'action.delete')}</a>}
      </p>
      <section aria-labelledby="attendance">
        <h2 id="attendance">{meetingsT(L, 'attendance.title')}</h2>
        <QuorumBox ctx={p.ctx} q={p.quorum} />
        {open && m.status !== 'planned' && (
          <div class="checkin">
            <div role="img" aria-label={meetingsT(L, 'checkin.qr')} dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
            <p>
              {meetingsT(L, 'checkin.scan')} <a href={p.checkinUrl}>{p.checkinUrl}</a>
            </p>
          </div>
        )}
      </section>
      <section aria-labelledby="agenda">
        <h2 id="agenda">{meetingsT(L, 'agenda.title')}</h2>
        {isHeld(m) && <p>{meetingsT(L, 'doc.started')} {m.startedAt} · {meetingsT(L, 'doc.ended')} {m.endedAt ?? '-'}</p>}
        {m.opening && <Para text={m.opening} />}
        {AGENDA_SECTIONS.map((s) => {
          const own = items.filter((i) => i.section === s)
          return (
            <section aria-labelledby={`section-${s}`}>
              <h3 id={`section-${s}`}>{meetingsT(L, `section.${s}`)}</h3>
              {own.length === 0 && <p class="muted">{meetingsT(L, s === 3 ? 'doc.noFollowUp' : 'doc.none')}</p>}
              {own.map((i) => (
                <article id={`item-${i.id}`} class="agenda-item">
                  <h4>
                    {s}.{i.position} {i.title}
                  </h4>
                  {i.detail && <Para text={i.detail} />}
                  {i.minutes && <Para text={i.minutes} />}
                  <p>
                    <strong>{meetingsT(L, 'doc.resolution')}</strong> {i.resolution || <span class="muted">{meetingsT(L, 'item.noResolution')}</span>}
                  </p>
                  {(p.uses.get(i.id)?.length ?? 0) > 0 && (
                    <div>
                      <p>{meetingsT(L, 'evidence.uses')}</p>
                      <EvidenceUsesList ctx={p.ctx} uses={p.uses.get(i.id) ?? []} />
                    </div>
                  )}
                  {canEdit && open && (
                    <p>
                      <a href={`${url}/items/${i.id}`}>
                        {meetingsT(L, 'item.edit')}
                        <span class="visually-hidden"> {i.title}</span>
                      </a>
                    </p>
                  )}
                </article>
              ))}
              {s === 2 && previous && canEdit && previous.status !== 'adopted' && previous.status !== 'cancelled' && open && (
                <form method="post" action={`${url}/adopt`} novalidate class="adopt-form">
                  <CsrfField ctx={p.ctx} />
                  <p>{meetingsT(L, 'adopt.intro', { number: numberText(previous), date: formatThaiDate(previous.heldOn, { lang: L }) })}</p>
                  <TextArea name="corrections" label={meetingsT(L, 'field.corrections')} hint={meetingsT(L, 'field.correctionsHint')} values={p.values} errors={p.errors} rows={3} />
                  <button type="submit">{meetingsT(L, 'adopt.submit')}</button>
                </form>
              )}
              {s === 2 && previous && previous.status === 'adopted' && previous.adoptedById === m.id && <p class="muted">{meetingsT(L, 'adopt.done', { number: numberText(previous) })}</p>}
            </section>
          )
        })}
        {canEdit && open && (
          <p>
            <a class="button" href={`${url}/items/new`}>
              {meetingsT(L, 'item.add')}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="photos">
        <h2 id="photos">{meetingsT(L, 'photos.title')}</h2>
        {photos.length === 0 && <p class="muted">{meetingsT(L, 'photos.empty')}</p>}
        {photos.length > 0 && m.isPublic && m.status !== 'cancelled' && <p>{meetingsT(L, 'photos.public')}</p>}
        <PhotoList ctx={p.ctx} photos={photos} src={(ph) => `${url}/photos/${ph.id}`} deleteHref={canEdit ? (ph) => `${url}/photos/${ph.id}/delete` : undefined} />
        {canEdit && m.status !== 'cancelled' && (
          <p>
            <a class="button" href={`${url}/photos/new`}>
              {meetingsT(L, 'photos.add')}
            </a>
          </p>
        )}
      </section>
      {canEdit && (m.status === 'planned' || m.status === 'invited') && (
        <form method="post" action={`${url}/cancel`} class="actions">
          <CsrfField ctx={p.ctx} />
          <button type="submit" class="secondary">
            {meetingsT(L, 'action.cancel')}
          </button>
        </form>
      )}
    </StaffLayout>
  )
}
