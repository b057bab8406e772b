import type { FC } from 'hono/jsx'

export type ChartBar = { number: number; name: string; score: number | null; previous?: number | null }

/**
 * Server-rendered bar chart of indicator scores (no JavaScript, no inline style). The SVG has a
 * title and description for screen readers; the same numbers are in the table beside it.
 */
export const ScoreChart: FC<{ id: string; title: string; desc: string; bars: ChartBar[]; threshold: number }> = ({ id, title, desc, bars, threshold }) => {
  const w = 640
  const h = 260
  const left = 36
  const bottom = 28
  const top = 10
  const plotH = h - bottom - top
  const step = (w - left - 8) / Math.max(bars.length, 1)
  const y = (v: number) => top + plotH - (v / 100) * plotH
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {[0, 25, 50, 75, 100].map((v) => (
          <g>
            <line x1={left} x2={w - 4} y1={y(v)} y2={y(v)} stroke="#c9d1db" stroke-width="1" />
            <text x={left - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#4a5360">
              {v}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x = left + i * step + step * 0.15
          const bw = step * 0.7
          const below = b.score !== null && b.score < threshold
          return (
            <g>
              {b.score !== null && <rect x={x} y={y(b.score)} width={bw} height={(b.score / 100) * plotH} fill={below ? '#a4161a' : '#0b4f8a'} />}
              {b.score !== null && (
                <text x={x + bw / 2} y={y(b.score) - 3} text-anchor="middle" font-size="10" fill="#1b1f24">
                  {b.score.toFixed(2)}
                </text>
              )}
              <text x={x + bw / 2} y={h - 10} text-anchor="middle" font-size="12" fill="#1b1f24">
                {b.number}
              </text>
            </g>
          )
        })}
        <line x1={left} x2={w - 4} y1={y(threshold)} y2={y(threshold)} stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="6 4" />
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}
