import type { PageCtx } from '../../../platform/ui/page-context.js'
import { risksT } from '../risks.i18n.js'
import type { Risk, RiskStatus } from '../risks.schema.js'
import type { Band, Level, YearBands } from '../rules.js'
import { inherentOf, residualOf, type Scored } from '../shared.js'

const TONE: Record<Level, string> = { low: 'ok', medium: 'warn', high: 'bad', very_high: 'bad' }
const STATUS_TONE: Record<RiskStatus, string> = { draft: 'warn', published: 'ok', withdrawn: 'bad' }

export const LevelBadge = ({ ctx, level }: { ctx: PageCtx; level: Level }) => <span class={`badge ${TONE[level]}`}>{risksT(ctx.lang, `level.${level}`)}</span>
export const StatusBadge = ({ ctx, status }: { ctx: PageCtx; status: RiskStatus }) => <span class={`badge ${STATUS_TONE[status]}`}>{risksT(ctx.lang, `status.${status}`)}</span>

/** "4 × 5 = 20" and the level badge. */
export const ScoreText = ({ ctx, l, i, s }: { ctx: PageCtx; l: number; i: number; s: Scored }) => (
  <span>
    {l} × {i} = <strong>{s.score}</strong> <LevelBadge ctx={ctx} level={s.level} />
  </span>
)
export const Inherent = ({ ctx, r, bands }: { ctx: PageCtx; r: Risk; bands: Band[] }) => <ScoreText ctx={ctx} l={r.likelihood} i={r.impact} s={inherentOf(r, bands)} />
export const Residual = ({ ctx, r, bands }: { ctx: PageCtx; r: Risk; bands: Band[] }) => {
  const s = residualOf(r, bands)
  return s ? <ScoreText ctx={ctx} l={r.residualLikelihood!} i={r.residualImpact!} s={s} /> : <span class="muted">{risksT(ctx.lang, 'risk.noResidual')}</span>
}

/** "ต่ำ 1–3, ปานกลาง 4–9, …" from the year's bands (data). */
export const bandsText = (lang: 'th' | 'en', yb: YearBands) => yb.bands.map((b) => `${risksT(lang, `level.${b.level}`)} ${b.min}–${b.max}`).join(', ')
/** Where the bands come from: the agency's own, or the unverified default. */
export const bandsSource = (lang: 'th' | 'en', yb: YearBands) => risksT(lang, yb.custom ? 'level.custom' : 'level.unverified')
export const code = (r: Pick<Risk, 'seq'>) => `R${r.seq}`
