import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { dayText, Markdown } from '../../../platform/ui/prose.js'
import { manualsT } from '../manuals.i18n.js'
import type { PublicManual } from '../manuals.js'
import { countText } from './shared.js'

const path = (ctx: OrgPageCtx, id: string) => `/o/${ctx.org.slug}/manuals/${id}`
const meta = (ctx: OrgPageCtx, r: PublicManual) => manualsT(ctx.lang, 'public.meta', { version: countText(ctx, r.current.version), effective: dayText(ctx, r.current.effectiveOn), review: dayText(ctx, r.current.nextReviewOn) })

/** The manuals in force, by unit (the evidence for OIT items on manuals). */
export const PublicManualList = ({ ctx, rows }: { ctx: OrgPageCtx; rows: PublicManual[] }) => {
  const L = ctx.lang
  const title = manualsT(L, 'public.title')
  const unitNames = [...new Set(rows.map((r) => r.unitName))]
  return (
    <PublicLayout ctx={ctx} title={title} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/manuals') ?? undefined}>
      <h1>{title}</h1>
      {rows.length === 0 && <p>{manualsT(L, 'public.empty')}</p>}
      {unitNames.map((u) => (
        <section>
          <h2>{u}</h2>
          <ul class="item-list">
            {rows
              .filter((r) => r.unitName === u)
              .map((r) => (
                <li>
                  <a href={path(ctx, r.m.id)}>
                    {manualsT(L, `kind.${r.m.kind}`)}: {r.m.title}
                  </a>
                  <br />
                  <span class="muted">{meta(ctx, r)}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  )
}

export const PublicManualPage = ({ ctx, r }: { ctx: OrgPageCtx; r: PublicManual }) => {
  const L = ctx.lang
  const trail = publicTrail(ctx.registry, L, ctx.org.slug, '/manuals', [{ label: r.m.title, href: path(ctx, r.m.id) }]) ?? undefined
  return (
    <PublicLayout ctx={ctx} title={r.m.title} trail={trail} description={`${manualsT(L, `kind.${r.m.kind}`)} ${r.m.title}`}>
      <p class="muted">
        {manualsT(L, `kind.${r.m.kind}`)} · {r.unitName}
      </p>
      <h1>{r.m.title}</h1>
      <p>{meta(ctx, r)}</p>
      <Markdown md={r.current.body} />
      {r.current.fileId && (
        <p>
          <a href={`${path(ctx, r.m.id)}/file`}>{manualsT(L, 'public.file')}</a>
        </p>
      )}
      {r.history.length > 1 && (
        <section aria-labelledby="history">
          <h2 id="history">{manualsT(L, 'public.history')}</h2>
          <ul>
            {r.history.map((v) => (
              <li>{manualsT(L, 'detail.historyRow', { version: countText(ctx, v.version), effective: dayText(ctx, v.effectiveOn), state: manualsT(L, `vstate.${v.status}`), note: v.changeNote })}</li>
            ))}
          </ul>
        </section>
      )}
    </PublicLayout>
  )
}
