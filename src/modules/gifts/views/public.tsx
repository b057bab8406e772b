import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { dayText } from '../../../platform/ui/prose.js'
import { shownCount, suppressTable } from '../../../platform/stats/suppress.js'
import { giftsT } from '../gifts.i18n.js'
import { ACTIONS, RELATIONS } from '../rules.js'
import type { PublicHalf } from '../reports.js'
import { bahtText, halfLabel, num } from './shared.js'

/** One published half: counts by relation × action with small counts suppressed; no names anywhere. */
const HalfSummary = ({ ctx, r }: { ctx: OrgPageCtx; r: PublicHalf }) => {
  const L = ctx.lang
  const t = suppressTable(RELATIONS.map((rel) => ACTIONS.map((a) => r.summary.byRelation[rel]?.[a] ?? 0)))
  const show = (c: { value: number; hidden: boolean }) => shownCount(c, (n) => num(ctx, n))
  const answered = suppressTable([[r.summary.nilReturns + r.summary.withGifts, Math.max(0, r.summary.respondents - r.summary.nilReturns - r.summary.withGifts)]])
  const title = halfLabel(ctx, r.fiscalYear, r.half)
  return (
    <section id={`h-${r.fiscalYear}-${r.half}`} aria-labelledby={`t-${r.fiscalYear}-${r.half}`}>
      <h2 id={`t-${r.fiscalYear}-${r.half}`}>{title}</h2>
      <p class="muted">{giftsT(L, 'public.publishedOn', { date: dayText(ctx, r.publishedAt.toISOString().slice(0, 10)) })}</p>
      <TableWrap label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{giftsT(L, 'public.relation')}</th>
              {ACTIONS.map((a) => (
                <th scope="col">{giftsT(L, `action.${a}`)}</th>
              ))}
              <th scope="col">{giftsT(L, 'public.total')}</th>
            </tr>
          </thead>
          <tbody>
            {RELATIONS.map((rel, i) => (
              <tr>
                <th scope="row">{giftsT(L, `relation.${rel}`)}</th>
                {t.cells[i]!.map((c) => (
                  <td>{show(c)}</td>
                ))}
                <td>{show(t.rowTotals[i]!)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{giftsT(L, 'public.total')}</th>
              {t.colTotals.map((c) => (
                <td>{show(c)}</td>
              ))}
              <td>{show(t.total)}</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <p>{t.total.hidden || t.total.value < 5 ? giftsT(L, 'public.valueHidden') : giftsT(L, 'report.total', { value: bahtText(ctx, r.summary.totalValueBaht) })}</p>
      <p>{giftsT(L, 'public.respondents', { total: num(ctx, r.summary.respondents), answered: show(answered.cells[0]![0]!) })}</p>
      {r.note && <p class="prose">{r.note}</p>}
    </section>
  )
}

export const PublicSummary = ({ ctx, rows }: { ctx: OrgPageCtx; rows: PublicHalf[] }) => {
  const L = ctx.lang
  return (
    <PublicLayout ctx={ctx} title={giftsT(L, 'public.title')} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/gifts') ?? undefined}>
      <h1>{giftsT(L, 'public.title')}</h1>
      <p>{giftsT(L, 'public.intro')}</p>
      {rows.length === 0 && <p>{giftsT(L, 'public.empty')}</p>}
      {rows.map((r) => (
        <HalfSummary ctx={ctx} r={r} />
      ))}
    </PublicLayout>
  )
}
