import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { giftsT } from '../gifts.i18n.js'
import { halfLabel } from './shared.js'

export type SheetEntry = { personName: string; position: string | null; url: string; qrSvg: string }

/** The printable sheet of single-use links: one cut-out card per person, a QR code and the link (shown once). */
export const LinkSheet = ({ ctx, base, fiscalYear, half, entries }: { ctx: StaffPageCtx; base: string; fiscalYear: number; half: 1 | 2; entries: SheetEntry[] }) => {
  const L = ctx.lang
  const title = giftsT(L, 'sheet.title', { half, year: fiscalYear })
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: giftsT(L, 'list.title'), href: base }, { label: giftsT(L, 'returns.title'), href: `${base}/returns/${fiscalYear}/${half}` }]}>
      <h1>{title}</h1>
      <p class="no-print">{giftsT(L, 'sheet.intro')}</p>
      {entries.length === 0 ? (
        <p>{giftsT(L, 'sheet.empty')}</p>
      ) : (
        <ul class="cards">
          {entries.map((e) => (
            <li class="card">
              <h2>{e.personName}</h2>
              {e.position && <p>{e.position}</p>}
              <p>{halfLabel(ctx, fiscalYear, half)}</p>
              <figure>
                <div role="img" aria-label={giftsT(L, 'sheet.scan')} dangerouslySetInnerHTML={{ __html: e.qrSvg }} />
                <figcaption>
                  {giftsT(L, 'sheet.scan')}: <a href={e.url}>{e.url}</a>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </StaffLayout>
  )
}
