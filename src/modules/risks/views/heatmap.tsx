import type { PageCtx } from '../../../platform/ui/page-context.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { risksT } from '../risks.i18n.js'
import { bandOf, levelOf, scoreOf, SCALE, type YearBands } from '../rules.js'
import { bandsSource, bandsText } from './parts.js'

export type HeatPoint = { code: string; likelihood: number; impact: number }

// Text colour on each band's fill, chosen for contrast (4.5:1 or more).
const INK: Record<string, string> = { low: '#ffffff', medium: '#1b1f24', high: '#1b1f24', very_high: '#ffffff' }

/**
 * The 5 × 5 risk matrix as a server-rendered SVG (likelihood across, impact up; each cell coloured
 * by its level band and showing the codes of its risks), then the same content as an HTML table for
 * screen readers and anyone who prefers it. No JavaScript, no inline style.
 */
export const HeatMap = ({ ctx, id, which, points, bands: yb }: { ctx: PageCtx; id: string; which: string; points: HeatPoint[]; bands: YearBands }) => {
  const bands = yb.bands
  const L = ctx.lang
  const cell = 96
  const left = 56
  const top = 12
  const size = cell * 5
  const w = left + size + 12
  const h = top + size + 48
  const at = (l: number, i: number) => points.filter((p) => p.likelihood === l && p.impact === i)
  const label = risksT(L, 'heat.svgLabel', { which: ` ${which}` })
  return (
    <div class="heatmap">
      <figure class="chart">
        <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-labelledby={`${id}-title`} xmlns="http://www.w3.org/2000/svg">
          <title id={`${id}-title`}>{label}</title>
          {SCALE.map((i) =>
            SCALE.map((l) => {
              const level = levelOf(scoreOf(l, i), bands)
              const x = left + (l - 1) * cell
              const y = top + (5 - i) * cell
              const here = at(l, i)
              const lines = here.length > 6 ? [...chunk(here.map((p) => p.code), 3).slice(0, 2).map((c) => c.join(' ')), `+${here.length - 6}`] : chunk(here.map((p) => p.code), 3).map((c) => c.join(' '))
              return (
                <g data-cell={`${l}-${i}`}>
                  <rect x={x} y={y} width={cell} height={cell} fill={bandOf(level, bands).colour} stroke="#ffffff" stroke-width="2" />
                  <text x={x + 6} y={y + 16} font-size="11" fill={INK[level]}>
                    {scoreOf(l, i)}
                  </text>
                  {lines.map((t, k) => (
                    <text x={x + cell / 2} y={y + 40 + k * 18} font-size="15" font-weight="700" text-anchor="middle" fill={INK[level]}>
                      {t}
                    </text>
                  ))}
                </g>
              )
            }),
          )}
          {SCALE.map((n) => (
            <>
              <text x={left + (n - 0.5) * cell} y={top + size + 18} font-size="14" text-anchor="middle" fill="#1b1f24">
                {n}
              </text>
              <text x={left - 14} y={top + (5 - n + 0.5) * cell + 5} font-size="14" text-anchor="middle" fill="#1b1f24">
                {n}
              </text>
            </>
          ))}
          <text x={left + size / 2} y={top + size + 40} font-size="14" text-anchor="middle" fill="#1b1f24">
            {risksT(L, 'heat.likelihood')} →
          </text>
          <text x={16} y={top + size / 2} font-size="14" text-anchor="middle" fill="#1b1f24" transform={`rotate(-90 16 ${top + size / 2})`}>
            {risksT(L, 'heat.impact')} →
          </text>
        </svg>
        <figcaption class="muted">
          {risksT(L, 'heat.legend', { bands: bandsText(L, yb) })} · {bandsSource(L, yb)}
        </figcaption>
      </figure>
      <TableWrap label={risksT(L, 'heat.tableCaption', { which: ` ${which}` })}>
        <table class="heat-table" id={`${id}-table`}>
          <caption>{risksT(L, 'heat.tableCaption', { which: ` ${which}` })}</caption>
          <thead>
            <tr>
              <th scope="col">
                {risksT(L, 'heat.impact')} \ {risksT(L, 'heat.likelihood')}
              </th>
              {SCALE.map((l) => (
                <th scope="col">
                  {risksT(L, 'heat.likelihood')} {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...SCALE].reverse().map((i) => (
              <tr>
                <th scope="row">
                  {risksT(L, 'heat.impact')} {i}
                </th>
                {SCALE.map((l) => {
                  const here = at(l, i)
                  const level = levelOf(scoreOf(l, i), bands)
                  return (
                    <td data-cell={`${l}-${i}`}>
                      {scoreOf(l, i)} {risksT(L, `level.${level}`)}
                      {here.length > 0 && (
                        <>
                          {': '}
                          <strong>{here.map((p) => p.code).join(', ')}</strong>
                        </>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  )
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out
}
