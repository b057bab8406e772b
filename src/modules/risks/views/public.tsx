import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { risksT } from '../risks.i18n.js'
import type { YearRisk } from '../risks.service.js'
import { ROUNDS, type YearBands } from '../rules.js'
import { HeatMap } from './heatmap.js'
import { code, Inherent, Residual } from './parts.js'
import { inherentPoints, residualPoints } from './year.js'

/** The years whose assessment the agency published (the OIT item's page). */
export const PublicYears = ({ ctx, years }: { ctx: OrgPageCtx; years: { fiscalYear: number; count: number }[] }) => {
  const L = ctx.lang
  return (
    <PublicLayout ctx={ctx} title={risksT(L, 'public.title')} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/risks') ?? undefined}>
      <h1>{risksT(L, 'public.title')}</h1>
      <p>{risksT(L, 'public.intro')}</p>
      {years.length === 0 ? (
        <p>{risksT(L, 'public.empty')}</p>
      ) : (
        <ul class="item-list">
          {years.map((y) => (
            <li>
              <a href={`/o/${ctx.org.slug}/risks/${y.fiscalYear}`}>{risksT(L, 'public.yearTitle', { year: y.fiscalYear })}</a> <span class="muted">{risksT(L, 'public.count', { count: y.count })}</span>
            </li>
          ))}
        </ul>
      )}
    </PublicLayout>
  )
}

/** One year's published assessment: the register table in the NACC form's columns, the heat maps and the monitoring. */
export const PublicYear = ({ ctx, year, rows, bands }: { ctx: OrgPageCtx; year: number; rows: YearRisk[]; bands: YearBands }) => {
  const L = ctx.lang
  const title = risksT(L, 'public.yearTitle', { year })
  return (
    <PublicLayout ctx={ctx} title={title} trail={[...(publicTrail(ctx.registry, L, ctx.org.slug, '/risks') ?? []), { label: String(year), href: `/o/${ctx.org.slug}/risks/${year}` }]}>
      <h1>{title}</h1>
      <p>{risksT(L, 'public.count', { count: rows.length })}</p>
      <TableWrap label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{risksT(L, 'doc.risk')}</th>
              <th scope="col">{risksT(L, 'doc.existing')}</th>
              <th scope="col">{risksT(L, 'doc.score')}</th>
              <th scope="col">{risksT(L, 'doc.measures')}</th>
              <th scope="col">{risksT(L, 'doc.residual')}</th>
              <th scope="col">{risksT(L, 'doc.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr id={`r-${r.seq}`}>
                <td>
                  <strong>
                    {code(r)} {r.event}
                  </strong>
                  <br />
                  <span class="muted">
                    {risksT(L, `area.${r.area}`)} · {r.process}
                  </span>
                </td>
                <td>{r.existingControls || '-'}</td>
                <td>
                  <Inherent ctx={ctx} r={r} bands={bands.bands} />
                </td>
                <td>{r.controls.map((c) => c.measureTitle).join(' · ') || '-'}</td>
                <td>
                  <Residual ctx={ctx} r={r} bands={bands.bands} />
                </td>
                <td>{r.unitName ?? '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{risksT(L, 'heat.title')}</h2>
      <h3>{risksT(L, 'heat.inherent')}</h3>
      <HeatMap ctx={ctx} id="heat-inherent" which={risksT(L, 'heat.inherent')} points={inherentPoints(rows)} bands={bands} />
      <h3>{risksT(L, 'heat.residual')}</h3>
      <HeatMap ctx={ctx} id="heat-residual" which={risksT(L, 'heat.residual')} points={residualPoints(rows)} bands={bands} />
      <h2 id="monitoring">{risksT(L, 'risk.monitoring')}</h2>
      <TableWrap label={risksT(L, 'risk.monitoring')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{risksT(L, 'doc.risk')}</th>
              {ROUNDS.map((round) => (
                <th scope="col">{risksT(L, `round.${round}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{code(r)}</th>
                {ROUNDS.map((round) => {
                  const m = r.monitoring.find((x) => x.round === round)
                  return <td>{m ? `${risksT(L, `monitor.${m.status}`)}${m.note ? `: ${m.note}` : ''}` : risksT(L, 'monitor.none')}</td>
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </PublicLayout>
  )
}
