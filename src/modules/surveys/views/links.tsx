import { raw } from 'hono/html'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { surveysT } from '../surveys.i18n.js'
import type { Survey } from '../surveys.schema.js'

export type Slip = { url: string; qrSvg: string }

/** The printable slips of a batch of single-use links, shown once (only hashes are kept); no name on any slip. */
export const SlipsPage = (p: { ctx: StaffPageCtx; base: string; s: Survey; label: string; slips: Slip[] }) => {
  const L = p.ctx.lang
  const here = `${p.base}/${p.s.id}`
  const title = surveysT(L, 'batch.slipsTitle', { label: p.label })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: surveysT(L, 'list.title'), href: p.base }, { label: p.s.title, href: here }, { label: title, href: here }]}>
      <h1>{title}</h1>
      <p>{surveysT(L, 'batch.slipsIntro', { count: p.slips.length })}</p>
      <ul class="item-list">
        {p.slips.map((s, i) => (
          <li class="link-slip">
            <strong>{p.s.title}</strong>
            <figure role="img" aria-label={surveysT(L, 'batch.qr', { n: i + 1 })}>
              {raw(s.qrSvg)}
            </figure>
            <a href={s.url}>{s.url}</a>
          </li>
        ))}
      </ul>
    </StaffLayout>
  )
}
