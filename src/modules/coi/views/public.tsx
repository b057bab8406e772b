import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { shownCount } from '../../../platform/stats/suppress.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { coiT } from '../coi.i18n.js'
import type { PublicYear } from '../report.js'

/** The public summary: per fiscal year, how many people declared and how many matters were resolved. Counts only, small ones hidden. */
export const PublicSummary = ({ ctx, years }: { ctx: OrgPageCtx; years: PublicYear[] }) => {
  const L = ctx.lang
  return (
    <PublicLayout ctx={ctx} title={coiT(L, 'public.title')} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/coi') ?? undefined}>
      <h1>{coiT(L, 'public.title')}</h1>
      <p>{coiT(L, 'public.intro')}</p>
      {years.length === 0 ? (
        <p>{coiT(L, 'public.empty')}</p>
      ) : (
        <TableWrap label={coiT(L, 'public.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{coiT(L, 'list.fiscalYear')}</th>
                <th scope="col">{coiT(L, 'public.people')}</th>
                <th scope="col">{coiT(L, 'public.declared')}</th>
                <th scope="col">{coiT(L, 'public.matters')}</th>
                <th scope="col">{coiT(L, 'public.resolved')}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr id={`y-${y.fiscalYear}`}>
                  <th scope="row">{y.fiscalYear}</th>
                  <td>{shownCount(y.people)}</td>
                  <td>{shownCount(y.declared)}</td>
                  <td>{shownCount(y.matters)}</td>
                  <td>{shownCount(y.resolved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p class="muted">{coiT(L, 'public.suppressed')}</p>
    </PublicLayout>
  )
}
