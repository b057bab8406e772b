import type { FC } from 'hono/jsx'

export type ChartBar = { number: number; name: string; score: number | null; previous?: number | null }

/** The words of the chart: the series in the legend and the threshold line's label. */
export type ChartLabels = { current: string; previous?: string | undefined; threshold: string }

const CURRENT = '#0b4f8a'
const BELOW = '#a4161a'
const PREVIOUS = '#8a95a3'

/**
 * Server-rendered bar chart of indicator scores (no JavaScript, no inline style). With `labels`
 * and a `previous` value on the bars, each indicator shows last year's bar beside this year's; the
 * threshold line carries its label and a legend names the series. The SVG has a title and a
 * description for screen readers; the same numbers are in the table beside it.
 */
export const ScoreChart: FC<{ id: string; title: string; desc: string; bars: ChartBar[]; threshold: number; labels?: ChartLabels }> = ({ id, title, desc, bars, threshold, labels }) => {
  const withPrevious = !!labels?.previous && bars.some((b) => b.previous !== undefined && b.previous !== null)
  const w = 640
  const h = labels ? 290 : 260
  const left = 36
  const right = labels ? 64 : 8
  const bottom = 28
  const top = labels ? 40 : 10
  const plotH = h - bottom - top
  const step = (w - left - right) / Math.max(bars.length, 1)
  const y = (v: number) => top + plotH - (v / 100) * plotH
  const bw = withPrevious ? step * 0.38 : step * 0.7
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {labels && (
          <g class="chart-legend" aria-hidden="true">
            {withPrevious && (
              <>
                <rect x={left} y={8} width={14} height={14} fill={PREVIOUS} />
                <text x={left + 20} y={20} font-size="12" fill="#1b1f24">
                  {labels.previous}
                </text>
              </>
            )}
            <rect x={left + (withPrevious ? 150 : 0)} y={8} width={14} height={14} fill={CURRENT} />
            <text x={left + (withPrevious ? 170 : 20)} y={20} font-size="12" fill="#1b1f24">
              {labels.current}
            </text>
            <line x1={left + (withPrevious ? 300 : 150)} x2={left + (withPrevious ? 330 : 180)} y1={15} y2={15} stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="6 4" />
            <text x={left + (withPrevious ? 336 : 186)} y={20} font-size="12" fill="#1b1f24">
              {labels.threshold}
            </text>
          </g>
        )}
        {[0, 25, 50, 75, 100].map((v) => (
          <g>
            <line x1={left} x2={w - right} y1={y(v)} y2={y(v)} stroke="#c9d1db" stroke-width="1" />
            <text x={left - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#4a5360">
              {v}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x0 = left + i * step + step * (withPrevious ? 0.1 : 0.15)
          const prev = withPrevious ? (b.previous ?? null) : null
          const x = withPrevious ? x0 + bw + step * 0.04 : x0
          const below = b.score !== null && b.score < threshold
          return (
            <g>
              {prev !== null && <rect x={x0} y={y(prev)} width={bw} height={(prev / 100) * plotH} fill={PREVIOUS} />}
              {prev !== null && (
                <text x={x0 + bw / 2} y={y(prev) - 3} text-anchor="middle" font-size="8" fill="#4a5360">
                  {prev.toFixed(2)}
                </text>
              )}
              {b.score !== null && <rect x={x} y={y(b.score)} width={bw} height={(b.score / 100) * plotH} fill={below ? BELOW : CURRENT} />}
              {b.score !== null && (
                <text x={x + bw / 2} y={y(b.score) - 3} text-anchor="middle" font-size={withPrevious ? '8' : '10'} fill="#1b1f24">
                  {b.score.toFixed(2)}
                </text>
              )}
              <text x={left + i * step + step / 2} y={h - 10} text-anchor="middle" font-size="12" fill="#1b1f24">
                {b.number}
              </text>
            </g>
          )
        })}
        <line x1={left} x2={w - right} y1={y(threshold)} y2={y(threshold)} stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="6 4" />
        {labels && (
          <text x={w - right + 4} y={y(threshold) + 4} font-size="11" fill="#1b1f24">
            {labels.threshold}
          </text>
        )}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}
