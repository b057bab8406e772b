import type { PageCtx, StaffPageCtx } from '../../ui/page-context.js'
import type { FormState } from '../../http/forms.js'
import { CsrfField, StaffLayout } from '../../ui/layout.js'
import { ErrorSummary, TextField } from '../../ui/fields.js'
import { formatThaiDate } from '../../thai/dates.js'
import type { EvidenceRecord, EvidenceTargetRecord } from '../../module/manifest.js'
import { evt } from '../evidence.i18n.js'
import type { EvidenceUse, LinkedEvidence } from '../evidence.service.js'

const recordHref = (ctx: PageCtx, r: EvidenceRecord) => r.publicPath ?? r.staffPath ?? null

const Check = ({ ctx, item }: { ctx: PageCtx; item: LinkedEvidence }) =>
  item.check.ok ? (
    <span class="badge ok">{evt(ctx.lang, 'check.ok', { year: item.link.fiscalYear })}</span>
  ) : (
    <span class="badge bad">
      {evt(ctx.lang, 'check.no', { year: item.link.fiscalYear })}
      {item.check.reason && `: ${item.check.reason[ctx.lang]}`}
    </span>
  )

/** Evidence linked to a record, each with whether it really counts for its year; for target pages. */
export const LinkedEvidenceList = ({ ctx, items, pickHref, unlink }: { ctx: PageCtx; items: LinkedEvidence[]; pickHref?: string | null; unlink?: { back: string } | null }) => (
  <div class="linked-evidence">
    {items.length === 0 ? (
      <p class="muted">{evt(ctx.lang, 'pick.none')}</p>
    ) : (
      <ul class="evidence">
        {items.map((i) => {
          const href = i.record ? recordHref(ctx, i.record) : null
          return (
            <li>
              {href ? <a href={href}>{i.record!.title}</a> : <span>{i.record?.title ?? i.link.sourceId}</span>} <span class="muted">({i.sourceLabel}{i.record?.date ? `, ${formatThaiDate(i.record.date, { lang: ctx.lang })}` : ''}{i.record && !i.record.publicPath ? `, ${evt(ctx.lang, 'record.internal')}` : ''})</span> <Check ctx={ctx} item={i} />
              {unlink && ctx.org && (
                <form method="post" action={`/o/${ctx.org.slug}/admin/evidence/${i.link.id}/unlink`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="back" value={unlink.back} />
                  <button type="submit" class="link">
                    {evt(ctx.lang, 'pick.unlink')}
                    <span class="visually-hidden"> {i.record?.title}</span>
                  </button>
                </form>
              )}
            </li>
          )
        })}
      </ul>
    )}
    {pickHref && (
      <p>
        <a href={pickHref}>{evt(ctx.lang, 'pick.title')}</a>
      </p>
    )}
  </div>
)

/** What a record is evidence for; for the record's own page. */
export const EvidenceUsesList = ({ ctx, uses }: { ctx: PageCtx; uses: EvidenceUse[] }) =>
  uses.length === 0 ? (
    <p class="muted">{evt(ctx.lang, 'uses.none')}</p>
  ) : (
    <ul>
      {uses.map((u) => (
        <li>
          {u.target?.staffPath ? <a href={u.target.staffPath}>{u.target.title}</a> : <span>{u.target?.title ?? u.link.targetId}</span>} <span class="muted">({u.targetLabel}, {evt(ctx.lang, 'uses.year', { year: u.link.fiscalYear })})</span>
        </li>
      ))}
    </ul>
  )

export type PickerProps = {
  ctx: StaffPageCtx
  target: EvidenceTargetRecord & { type: string; fiscalYear: number }
  linked: LinkedEvidence[]
  results: (EvidenceRecord & { type: string; sourceLabel: string })[] | null
  query: { q: string; fy: string }
  back: string
} & FormState

/** The picker: the target's links and a search over every module's records (works without JavaScript). */
export const EvidencePickerPage = (p: PickerProps) => {
  const L = p.ctx.lang
  const base = `/o/${p.ctx.org.slug}/admin/evidence`
  const targetKey = `${p.target.type}:${p.target.id}`
  const linkedKeys = new Set(p.linked.map((l) => `${l.link.sourceType}:${l.link.sourceId}`))
  return (
    <StaffLayout ctx={p.ctx} title={evt(L, 'pick.title')}>
      <p class="muted">
        <a href={p.back}>{evt(L, 'pick.back')}</a>
      </p>
      <h1>{evt(L, 'pick.title')}</h1>
      <p>{evt(L, 'pick.for', { target: p.target.title })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <h2>{evt(L, 'pick.linked')}</h2>
      <LinkedEvidenceList ctx={p.ctx} items={p.linked} unlink={{ back: `${base}/pick?${new URLSearchParams({ target: targetKey, back: p.back })}` }} />
      <h2>{evt(L, 'pick.search')}</h2>
      <form method="get" action={`${base}/pick`} class="search-form" role="search">
        <input type="hidden" name="target" value={targetKey} />
        <input type="hidden" name="back" value={p.back} />
        <TextField name="q" type="search" label={evt(L, 'pick.search')} values={p.query} />
        <TextField name="fy" label={evt(L, 'pick.year')} values={p.query} inputmode="numeric" />
        <button type="submit" class="secondary">
          {evt(L, 'pick.searchButton')}
        </button>
      </form>
      {p.results && (
        <>
          <h2>{evt(L, 'pick.results')}</h2>
          {p.results.length === 0 ? (
            <p>{evt(L, 'pick.noResults')}</p>
          ) : (
            <ul class="evidence">
              {p.results.map((r) => (
                <li>
                  <strong>{r.title}</strong> <span class="muted">({r.sourceLabel}{r.date ? `, ${formatThaiDate(r.date, { lang: L })}` : ''}{r.fiscalYear ? `, ${evt(L, 'uses.year', { year: r.fiscalYear })}` : ''})</span>
                  {linkedKeys.has(`${r.type}:${r.id}`) ? (
                    <span class="badge">{evt(L, 'pick.already')}</span>
                  ) : (
                    <form method="post" action={`${base}/link`} class="inline-form">
                      <CsrfField ctx={p.ctx} />
                      <input type="hidden" name="target" value={targetKey} />
                      <input type="hidden" name="source" value={`${r.type}:${r.id}`} />
                      <input type="hidden" name="fiscalYear" value={String(p.target.fiscalYear)} />
                      <input type="hidden" name="back" value={p.back} />
                      <button type="submit" class="secondary">
                        {evt(L, 'pick.link')}
                        <span class="visually-hidden"> {r.title}</span>
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </StaffLayout>
  )
}
