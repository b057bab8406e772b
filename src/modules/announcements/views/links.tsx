import { raw } from 'hono/html'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { announcementsT } from '../announcements.i18n.js'

export type LinkSlip = { name: string; units: string; url: string; qrSvg: string; mailedTo: string | null }

/**
 * The printable sheet of single-use links (of an announcement or a manual): one slip per person
 * with what it is for, the URL and its QR code.
 */
export const LinksSheet = (p: { ctx: StaffPageCtx; title: string; trail: { label: string; href: string }[]; caption: string; slips: LinkSlip[] }) => {
  const L = p.ctx.lang
  return (
    <StaffLayout ctx={p.ctx} title={p.title} trail={p.trail}>
      <h1>{p.title}</h1>
      <p>{announcementsT(L, 'links.intro')}</p>
      {p.slips.length === 0 && <p>{announcementsT(L, 'links.none')}</p>}
      <ul class="item-list">
        {p.slips.map((s) => (
          <li class="link-slip">
            <strong>{s.name}</strong> {s.units && <span class="muted">{s.units}</span>}
            <br />
            {p.caption}
            <figure role="img" aria-label={announcementsT(L, 'links.qr', { name: s.name })}>
              {raw(s.qrSvg)}
            </figure>
            <a href={s.url}>{s.url}</a>
            {s.mailedTo && <p class="muted">{announcementsT(L, 'links.mailed', { to: s.mailedTo })}</p>}
          </li>
        ))}
      </ul>
    </StaffLayout>
  )
}
