import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { dayText, Markdown } from '../../../platform/ui/prose.js'
import { announcementsT } from '../announcements.i18n.js'
import type { PublicAnnouncement } from '../announcements.service.js'
import { kindAndNumber } from './shared.js'

const path = (ctx: OrgPageCtx, id: string) => `/o/${ctx.org.slug}/announcements/${id}`

/** What the agency has announced, by fiscal year; withdrawn ones stay in the list, marked. */
export const PublicList = ({ ctx, rows }: { ctx: OrgPageCtx; rows: PublicAnnouncement[] }) => {
  const L = ctx.lang
  const years = [...new Set(rows.map((r) => r.fiscalYear))]
  const title = announcementsT(L, 'public.title')
  return (
    <PublicLayout ctx={ctx} title={title} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/announcements') ?? undefined}>
      <h1>{title}</h1>
      {rows.length === 0 && <p>{announcementsT(L, 'public.empty')}</p>}
      <p>
        <a href={`/o/${ctx.org.slug}/announcements/feed.rss`} type="application/rss+xml">
          {announcementsT(L, 'public.feed')}
        </a>
      </p>
      {years.map((y) => (
        <section>
          <h2>{announcementsT(L, 'public.year', { year: y })}</h2>
          <ul class="item-list">
            {rows
              .filter((r) => r.fiscalYear === y)
              .map((r) => (
                <li>
                  <a href={path(ctx, r.id)}>
                    {kindAndNumber(ctx, r)} {announcementsT(L, 'field.subject')} {r.subject}
                  </a>
                  <br />
                  <span class="muted">
                    {announcementsT(L, 'public.signedOn', { date: dayText(ctx, r.signedOn) })}
                    {r.status === 'withdrawn' && ` · ${announcementsT(L, 'public.withdrawn')}`}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  )
}

/** One announcement at its stable address. */
export const PublicPage = ({ ctx, a }: { ctx: OrgPageCtx; a: PublicAnnouncement }) => {
  const L = ctx.lang
  const trail = publicTrail(ctx.registry, L, ctx.org.slug, '/announcements', [{ label: a.subject, href: path(ctx, a.id) }]) ?? undefined
  return (
    <PublicLayout ctx={ctx} title={a.subject} trail={trail} description={`${kindAndNumber(ctx, a)} ${a.subject}`}>
      <p class="muted">
        {kindAndNumber(ctx, a)}
        {a.version > 1 && ` · ${announcementsT(L, 'public.revised', { version: a.version })}`}
      </p>
      <h1>{a.subject}</h1>
      {a.status === 'withdrawn' && (
        <p class="notice">
          {announcementsT(L, 'public.withdrawn')}
          {a.withdrawnOn && ` ${dayText(ctx, a.withdrawnOn)}`}
          {a.withdrawnReason && `: ${a.withdrawnReason}`}
        </p>
      )}
      <Markdown md={a.body} />
      <p>
        {announcementsT(L, 'public.signedOn', { date: dayText(ctx, a.signedOn) })}
        {a.effectiveOn && <br />}
        {a.effectiveOn && announcementsT(L, 'public.effective', { date: dayText(ctx, a.effectiveOn) })}
      </p>
      {a.signerName && (
        <p class="signature">
          ({a.signerName})
          <br />
          {a.signerPosition}
        </p>
      )}
      {a.fileId && (
        <p>
          <a href={`${path(ctx, a.id)}/file`}>{announcementsT(L, 'public.file')}</a>
        </p>
      )}
    </PublicLayout>
  )
}
