import type { PageCtx } from '../../../platform/ui/page-context.js'
import type { Crumb } from '../../../platform/ui/menu.js'
import { dt } from '../disclosure.i18n.js'
import type { Evidence, ItemReadiness } from '../readiness.js'

export const StatusBadge = ({ ctx, status }: { ctx: PageCtx; status: ItemReadiness['status'] }) => (
  <span class={`badge ${status === 'yes' ? 'ok' : status === 'no' ? 'bad' : 'warn'}`}>{dt(ctx.lang, `status.${status}`)}</span>
)

/** Why an item is not ready (what is missing or does not count for the year). */
export const WhyNotReady = ({ ctx, item }: { ctx: PageCtx; item: ItemReadiness }) =>
  item.reason ? (
    <span class="why-not-ready">
      {' '}
      {dt(ctx.lang, 'oit.why')}: {item.reason}
    </span>
  ) : null

export const Steps = ({ trail }: { trail: Crumb[] }) => <span class="steps">{trail.map((c) => c.label).join(' → ')}</span>

export const OitEvidenceList = ({ ctx, evidence }: { ctx: PageCtx; evidence: Evidence[] }) => (
  <ul class="evidence">
    {evidence.map((e) => (
      <li>
        {e.href.startsWith('#') ? <span>{e.label}</span> : <a href={e.href} rel={e.href.startsWith('/') ? undefined : 'noopener noreferrer'}>{e.label}</a>} <span class="muted">({dt(ctx.lang, `kind.${e.kind}`)}{e.href.startsWith('#') ? `, ${dt(ctx.lang, 'oit.internal')}` : ''})</span>
        {e.stale && e.fiscalYear && <span class="badge warn">{dt(ctx.lang, 'oit.stale', { year: e.fiscalYear })}</span>}
        {e.problem !== null && !e.stale && <span class="badge bad">{dt(ctx.lang, 'oit.notCounted', { reason: e.problem })}</span>}
        {e.broken && <span class="badge bad">{dt(ctx.lang, 'oit.broken')}</span>}
        {e.trail && (
          <div>
            {dt(ctx.lang, 'oit.steps')}: <Steps trail={e.trail} />
          </div>
        )}
      </li>
    ))}
  </ul>
)
