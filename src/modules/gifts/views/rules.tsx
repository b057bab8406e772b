import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { giftsT } from '../gifts.i18n.js'
import type { GiftRule } from '../rules.js'
import { bahtText, num } from './shared.js'

type Clause = { confidence: string; verified: boolean; note: string; sources: string[] }

const ClauseInfo = ({ ctx, c }: { ctx: StaffPageCtx; c: Clause }) => (
  <p class="muted">
    <span class={c.verified ? 'badge ok' : 'badge warn'}>{giftsT(ctx.lang, c.verified ? 'rules.verified' : 'rules.unverified')}</span> {giftsT(ctx.lang, 'rules.confidence', { mark: c.confidence })}. {c.note}
    {c.sources.length > 0 && (
      <>
        {' '}
        {giftsT(ctx.lang, 'rules.sources')}:{' '}
        {c.sources.map((s, i) => (
          <>
            {i > 0 && ', '}
            {/^https?:/.test(s) ? <a href={s}>{s}</a> : s}
          </>
        ))}
      </>
    )}
  </p>
)

/** The rule files as the system reads them, per fiscal year, with sources and what is unconfirmed. */
export const RulesPage = ({ ctx, base, rules }: { ctx: StaffPageCtx; base: string; rules: GiftRule[] }) => {
  const L = ctx.lang
  return (
    <StaffLayout ctx={ctx} title={giftsT(L, 'rules.title')} trail={[{ label: giftsT(L, 'list.title'), href: base }, { label: giftsT(L, 'rules.title'), href: `${base}/rules` }]}>
      <h1>{giftsT(L, 'rules.title')}</h1>
      <p>{giftsT(L, 'rules.intro')}</p>
      {rules.map((r) => (
        <section aria-labelledby={`y${r.fiscalYear}`}>
          <h2 id={`y${r.fiscalYear}`}>{giftsT(L, 'rules.year', { year: num(ctx, r.fiscalYear) })}</h2>
          <p>
            {r.basis.title} ({r.basis.law})
          </p>
          <ClauseInfo ctx={ctx} c={r.basis} />
          <h3>{giftsT(L, 'rules.limit', { limit: bahtText(ctx, r.limitNonRelative.baht) })}</h3>
          <ClauseInfo ctx={ctx} c={r.limitNonRelative} />
          <h3>{giftsT(L, 'rules.scope')}</h3>
          <ClauseInfo ctx={ctx} c={r.limitScope} />
          <h3>{giftsT(L, 'relation.relative')}</h3>
          <ClauseInfo ctx={ctx} c={r.relatives} />
          <h3>{giftsT(L, 'assessment.general')}</h3>
          <ClauseInfo ctx={ctx} c={r.generalGiving} />
          <h3>{giftsT(L, 'rules.report', { days: num(ctx, r.reportOverLimit.withinDays) })}</h3>
          <ClauseInfo ctx={ctx} c={r.reportOverLimit} />
          <h3>{giftsT(L, 'rules.rounds', { nil: num(ctx, r.rounds.nilReturnDueDaysAfterHalf), report: num(ctx, r.rounds.reportDueDaysAfterHalf) })}</h3>
          <ClauseInfo ctx={ctx} c={r.rounds} />
          <ClauseInfo ctx={ctx} c={r.respondents} />
        </section>
      ))}
    </StaffLayout>
  )
}
