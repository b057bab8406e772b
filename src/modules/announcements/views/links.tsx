import { raw } from 'hono/html'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { announcementsT } from '../announcements.i18n.js'
import type { Announcement } from '../announcements.schema.js'
import { kindAndNumber } from './shared.js'

export type LinkSlip = { name: string; units: string; url: string; qrSvg: string }

/** The printable sheet of single-use links: one slip per person with the URL and its QR code. */
export const LinksSheet = (p: { ctx: StaffPageCtx; base: string; a: Announcement; slips: LinkSlip[] }) => {
  const L = p.ctx.lang
  const title = announcementsT(L, 'links.title', { subject: p.a.subject })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: announcementsT(L, 'list.title'), href: p.base }, { label: p.a.subject, href: `${p.base}/${p.a.id}` }]}>
      <h1>{title}</h1>
      <p>{announcementsT(L, 'links.intro')}</p>
      {p.slips.length === 0 && <p>{announcementsT(L, 'links.none')}</p>}
      <ul class="item-list">
        {p.slips.map((s) => (
          <li class="link-slip">
            <strong>{s.name}</strong> {s.units && <span class="muted">{s.units}</span>}
            <br />
            {kindAndNumber(p.ctx, p.a)} {p.a.subject}
            <figure role="img" aria-label={announcementsT(L, 'links.qr', { name: s.name })}>
              {raw(s.qrSvg)}
            </figure>
            <a href={s.url}>{s.url}</a>
          </li>
        ))}
      </ul>
    </StaffLayout>
  )
}
