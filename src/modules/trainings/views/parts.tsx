import type { PageCtx } from '../../../platform/ui/page-context.js'
import type { FormErrors } from '../../../platform/http/forms.js'
import { formatBaht, formatThaiDate } from '../../../platform/thai/index.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { trainingsT } from '../trainings.i18n.js'
import type { Session, SessionStatus } from '../trainings.schema.js'
import type { Figures } from '../attendance.js'
import { hoursText } from '../shared.js'

const TONE: Record<SessionStatus, string> = { draft: 'warn', published: 'ok', withdrawn: 'bad' }
export const StatusBadge = ({ ctx, status }: { ctx: PageCtx; status: SessionStatus }) => <span class={`badge ${TONE[status]}`}>{trainingsT(ctx.lang, `status.${status}`)}</span>

/** "15 มีนาคม 2566" or "15 มีนาคม 2566 – 16 มีนาคม 2566". */
export const datesText = (lang: 'th' | 'en', s: Pick<Session, 'startsOn' | 'endsOn'>) =>
  s.endsOn === s.startsOn ? formatThaiDate(s.startsOn, { lang }) : `${formatThaiDate(s.startsOn, { lang })} – ${formatThaiDate(s.endsOn, { lang })}`
export const trainerText = (lang: 'th' | 'en', s: Pick<Session, 'trainerName' | 'trainerOrg' | 'trainerKind'>) =>
  trainingsT(lang, s.trainerOrg ? 'session.trainerOrg' : 'session.trainer', { name: s.trainerName, org: s.trainerOrg, kind: trainingsT(lang, `trainer.${s.trainerKind}`) })
export const hoursLabel = (lang: 'th' | 'en', h: number) => trainingsT(lang, 'session.hours', { hours: hoursText(h) })
export const budgetText = (lang: 'th' | 'en', b: number | null) => (b === null ? trainingsT(lang, 'session.noBudget') : trainingsT(lang, 'session.budget', { amount: formatBaht(b, { unit: false }) }))
export const percentText = (n: number | null) => (n === null ? '–' : n.toFixed(2))

export const FiguresBox = ({ ctx, f }: { ctx: PageCtx; f: Figures }) => (
  <p class="quorum" role="status">
    {trainingsT(ctx.lang, 'session.figures', { registered: f.registered, present: f.present, absent: f.absent, outside: f.outside })}
    {f.percent !== null && <> · {trainingsT(ctx.lang, 'session.percent', { percent: percentText(f.percent) })}</>}
  </p>
)

/** Asks before deleting; works without JavaScript. */
export const ConfirmPage = (p: { ctx: StaffPageCtx; title: string; intro: string; action: string; back: string; errors?: FormErrors | undefined }) => (
  <StaffLayout ctx={p.ctx} title={p.title}>
    <h1>{p.title}</h1>
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
    <p>{p.intro}</p>
    <form method="post" action={p.action} class="actions">
      <CsrfField ctx={p.ctx} />
      <button type="submit" class="danger">
        {trainingsT(p.ctx.lang, 'delete.confirm')}
      </button>
      <a href={p.back}>{trainingsT(p.ctx.lang, 'form.cancel')}</a>
    </form>
  </StaffLayout>
)
