import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { dateText, dayText, Markdown } from '../../../platform/ui/prose.js'
import { EvidenceUsesList } from '../../../platform/evidence/views/evidence.js'
import type { EvidenceUse } from '../../../platform/evidence/evidence.service.js'
import { announcementsT } from '../announcements.i18n.js'
import type { Announcement, AnnouncementVersion } from '../announcements.schema.js'
import type { AckProgress } from '../acknowledgement.js'
import { numberYearOf } from '../numbering.js'
import { ProgressSection } from './progress.js'
import { kindAndNumber } from './shared.js'

export type DetailData = { a: Announcement; progress: AckProgress; versions: AnnouncementVersion[]; uses: EvidenceUse[]; publicPath: string | null }

/** One announcement for staff: its text, what can be done with it, and who has acknowledged. */
export const DetailPage = (p: { ctx: StaffPageCtx; base: string; data: DetailData; paper?: FormState; errors?: FormState['errors'] }) => {
  const L = p.ctx.lang
  const { a, progress } = p.data
  const here = `${p.base}/${a.id}`
  const canEdit = p.ctx.can('announcements.edit')
  return (
    <StaffLayout ctx={p.ctx} title={a.subject} trail={[{ label: announcementsT(L, 'list.title'), href: p.base }, { label: a.subject, href: here }]}>
      <p class="muted">
        {kindAndNumber(p.ctx, a)} · {announcementsT(L, `status.${a.status}`)}
        {a.version > 1 && ` · ${announcementsT(L, 'detail.version', { version: a.version })}`}
      </p>
      <h1>{a.subject}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors ?? p.paper?.errors} />
      {a.status === 'withdrawn' && a.withdrawnOn && <p class="notice">{announcementsT(L, 'detail.withdrawnOn', { date: dayText(p.ctx, a.withdrawnOn), reason: a.withdrawnReason ?? '' })}</p>}
      {a.status === 'draft' && <p class="muted">{announcementsT(L, 'detail.noNumber')}</p>}
      {progress.mine === 'asked' && a.status === 'published' && (
        <form method="post" action={`${here}/ack`} class="actions">
          <CsrfField ctx={p.ctx} />
          <span>{announcementsT(L, 'ack.mine')}</span>
          <button type="submit">{announcementsT(L, 'ack.button')}</button>
        </form>
      )}
      {progress.mine === 'done' && <p class="muted">{announcementsT(L, 'ack.mineDone')}</p>}
      <Markdown md={a.body} />
      <p>
        {announcementsT(L, 'public.signedOn', { date: dayText(p.ctx, a.signedOn) })}
        {a.signerName && <br />}
        {a.signerName && announcementsT(L, 'detail.signed', { name: a.signerName, position: a.signerPosition })}
      </p>
      {a.fileId && (
        <p>
          <a href={`${here}/file`}>{announcementsT(L, 'detail.file')}</a>
        </p>
      )}
      {p.data.publicPath && (
        <p>
          <a href={p.data.publicPath}>{announcementsT(L, 'detail.publicPage')}</a>
        </p>
      )}
      {canEdit && a.status === 'draft' && (
        <div class="actions">
          <form method="post" action={`${here}/publish`}>
            <CsrfField ctx={p.ctx} />
            <button type="submit">{announcementsT(L, 'detail.publish')}</button>
          </form>
          <a href={`${here}/edit`}>{announcementsT(L, 'list.edit')}</a>
          <a href={`${here}/delete`}>{announcementsT(L, 'list.delete')}</a>
        </div>
      )}
      {canEdit && a.status === 'draft' && <p class="muted">{announcementsT(L, 'detail.publishHint', { year: numberYearOf(a.signedOn) })}</p>}
      {canEdit && a.status === 'published' && (
        <div class="actions">
          <a class="button secondary" href={`${here}/revise`}>
            {announcementsT(L, 'detail.revise')}
          </a>
          <a class="button secondary" href={`${here}/withdraw`}>
            {announcementsT(L, 'detail.withdraw')}
          </a>
        </div>
      )}
      {a.status !== 'draft' && (a.ackScope === 'none' ? <p>{announcementsT(L, 'ack.none')}</p> : <ProgressSection ctx={p.ctx} action={here} progress={progress} canEdit={canEdit} open={a.status === 'published'} {...(p.paper ?? {})} />)}
      {p.data.versions.length > 0 && (
        <section aria-labelledby="versions">
          <h2 id="versions">{announcementsT(L, 'detail.versions')}</h2>
          <ul>
            {p.data.versions.map((v) => (
              <li>
                <details>
                  <summary>{announcementsT(L, 'detail.versionRow', { version: v.version, date: dateText(p.ctx, v.replacedAt), note: v.changeNote })}</summary>
                  <h3>{v.subject}</h3>
                  <Markdown md={v.body} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.data.uses.length > 0 && (
        <section aria-labelledby="uses">
          <h2 id="uses">{announcementsT(L, 'evidence.uses')}</h2>
          <EvidenceUsesList ctx={p.ctx} uses={p.data.uses} />
        </section>
      )}
    </StaffLayout>
  )
}
