import { raw } from 'hono/html'
import type { StaffPageCtx } from '../../ui/page-context.js'
import { StaffLayout } from '../../ui/layout.js'
import { ppl } from '../people.i18n.js'

export type LinkSheetEntry = { fullName: string; position: string | null; unitName: string | null; url: string; qrSvg: string }

/**
 * A printable sheet of single-use links, one card a person (name, position, QR code, the short URL
 * to type), for staff without e-mail; cut along the cards and hand out. The tokens are in this page
 * only (never stored), so the module renders it right after issuing the links.
 */
export const PersonLinkSheet = ({ ctx, title, intro, entries }: { ctx: StaffPageCtx; title: string; intro: string; entries: LinkSheetEntry[] }) => (
  <StaffLayout ctx={ctx} title={title}>
    <h1>{title}</h1>
    <p>{intro}</p>
    <p class="no-print">{ppl(ctx.lang, 'links.printHint')}</p>
    <ul class="qr-sheet">
      {entries.map((e) => (
        <li class="qr-card">
          <strong>{e.fullName}</strong>
          {(e.position || e.unitName) && <span class="muted">{[e.position, e.unitName].filter(Boolean).join(' · ')}</span>}
          <span class="qr" role="img" aria-label={ppl(ctx.lang, 'links.qrLabel', { name: e.fullName })}>
            {raw(e.qrSvg)}
          </span>
          <code class="qr-url">{e.url}</code>
        </li>
      ))}
    </ul>
  </StaffLayout>
)
