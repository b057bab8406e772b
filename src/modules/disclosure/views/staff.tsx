import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { t as platformT } from '../../../platform/i18n/messages.js'
import type { Unit } from '../../../platform/orgs/orgs.schema.js'
import { dt } from '../disclosure.i18n.js'
import { SLOW_MS, type OitMap } from '../disclosure.service.js'
import type { ItemReadiness } from '../readiness.js'
import type { linkChecks } from '../disclosure.schema.js'
import { OitEvidenceList, StatusBadge, WhyNotReady } from './shared.js'
import { itemRef, OIT_ITEM_TARGET } from '../evidence-target.js'

type LinkCheck = typeof linkChecks.$inferSelect

export const YearNav = ({ ctx, years, year, base }: { ctx: StaffPageCtx; years: number[]; year: number; base: string }) => (
  <nav aria-label={dt(ctx.lang, 'admin.years')}>
    <ul class="inline-list">
      {years.map((y) => (
        <li>
          <a href={`${base}/${y}`} aria-current={y === year ? 'page' : undefined}>
            {dt(ctx.lang, 'oit.year', { year: y })}
          </a>
        </li>
      ))}
    </ul>
  </nav>
)

export const NoFrameworkPage = ({ ctx, year, years, base }: { ctx: StaffPageCtx; year: number; years: number[]; base: string }) => (
  <StaffLayout ctx={ctx} title={dt(ctx.lang, 'oit.noFramework', { year })}>
    <h1>{dt(ctx.lang, 'oit.noFramework', { year })}</h1>
    <p>{dt(ctx.lang, 'oit.noFrameworkIntro')}</p>
    {years[0] !== undefined && (
      <p>
        <a href={`${base}/${years[0]}`}>{dt(ctx.lang, 'oit.latestYear', { year: years[0] })}</a>
      </p>
    )}
    <YearNav ctx={ctx} years={years} year={year} base={base} />
  </StaffLayout>
)

const Scores = ({ ctx, m }: { ctx: StaffPageCtx; m: OitMap }) => (
  <div class="table-wrap">
    <table>
      <tbody>
        {m.scores.indicators.map((ind) => (
          <>
            <tr>
              <th scope="row">{dt(ctx.lang, 'admin.indicator', { n: ind.number, name: ind.nameTh })}</th>
              <td>
                <strong>{ind.score?.toFixed(2) ?? '–'}</strong>
              </td>
            </tr>
            {m.scores.subIndicators
              .filter((s) => s.indicator === ind.number)
              .map((s) => (
                <tr>
                  <td>{`${s.code} ${s.nameTh}`}</td>
                  <td>{`${s.score.toFixed(2)} (${s.yes}/${s.total})`}</td>
                </tr>
              ))}
          </>
        ))}
        <tr>
          <th scope="row">{dt(ctx.lang, 'admin.oitScore')}</th>
          <td>
            <strong id="oit-score">{m.scores.oit?.toFixed(2) ?? '–'}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  </div>
)

const ItemsTable = ({ ctx, items, link, columns }: { ctx: StaffPageCtx; items: ItemReadiness[]; link: (code: string) => string | null; columns: 'missing' | 'all'; unitName?: Map<string, string> }) => (
  <div class="table-wrap">
    <table class={columns === 'missing' ? 'missing' : undefined}>
      <thead>
        <tr>
          <th scope="col">{dt(ctx.lang, 'oit.code')}</th>
          <th scope="col">{dt(ctx.lang, 'oit.item')}</th>
          <th scope="col">{dt(ctx.lang, 'oit.status')}</th>
          <th scope="col">{dt(ctx.lang, 'oit.links')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => {
          const href = link(i.code)
          return (
            <tr>
              <td>{href ? <a href={href}>{i.code}</a> : i.code}</td>
              <td>
                <a href={i.url}>{i.titleTh}</a>
              </td>
              <td>
                <StatusBadge ctx={ctx} status={i.status} />
              </td>
              <td>{i.evidence.length}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  </div>
)

export const ReadinessPage = (p: { ctx: StaffPageCtx; year: number; years: number[]; map: OitMap; units: Unit[]; checks: LinkCheck[]; base: string }) => {
  const { ctx, year, map: m, base: b } = p
  const L = ctx.lang
  const unitName = new Map(p.units.map((u) => [u.id, u.nameTh]))
  const missing = m.items.filter((i) => i.status !== 'yes')
  const problems = p.checks.filter((x) => !x.ok || (x.ms ?? 0) > SLOW_MS)
  const canEdit = ctx.can('oit.edit')
  const link = (code: string) => (canEdit ? `${b}/${year}/${code}` : null)
  return (
    <StaffLayout ctx={ctx} title={dt(L, 'admin.title', { year })}>
      <h1>{dt(L, 'admin.title', { year })}</h1>
      <YearNav ctx={ctx} years={p.years} year={year} base={b} />
      <h2>{dt(L, 'admin.predicted')}</h2>
      <p class="muted">{dt(L, 'admin.predictedNote')}</p>
      <Scores ctx={ctx} m={m} />
      <h2>{dt(L, 'admin.missing')}</h2>
      {missing.length === 0 ? (
        <p>{dt(L, 'admin.noneMissing')}</p>
      ) : (
        <div class="table-wrap">
          <table class="missing">
            <thead>
              <tr>
                <th scope="col">{dt(L, 'oit.code')}</th>
                <th scope="col">{dt(L, 'oit.item')}</th>
                <th scope="col">{dt(L, 'oit.status')}</th>
                <th scope="col">{dt(L, 'admin.owner')}</th>
                <th scope="col">{dt(L, 'admin.due')}</th>
              </tr>
            </thead>
            <tbody>
              {missing.map((i) => (
                <tr>
                  <td>{canEdit ? <a href={`${b}/${year}/${i.code}`}>{i.code}</a> : i.code}</td>
                  <td>{i.titleTh}</td>
                  <td>
                    <StatusBadge ctx={ctx} status={i.status} />
                    <WhyNotReady ctx={ctx} item={i} />
                  </td>
                  <td>{i.ownerUnitId ? unitName.get(i.ownerUnitId) : '–'}</td>
                  <td>{i.dueDate ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{dt(L, 'admin.links')}</h2>
      {problems.length === 0 ? (
        <p>{dt(L, 'admin.linksNone')}</p>
      ) : (
        <ul class="link-problems">
          {problems.map((x) => (
            <li>
              <span class="url">{x.url}</span> — <span class={x.ok ? 'badge warn' : 'badge bad'}>{x.ok ? dt(L, 'admin.slow', { ms: x.ms ?? 0 }) : `${dt(L, 'admin.brokenLink')} (${x.error ?? x.status})`}</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form method="post" action={`${b}/${year}/check-links`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {dt(L, 'admin.checkNow')}
          </button>
        </form>
      )}
      <h2>{dt(L, 'admin.export')}</h2>
      <ul>
        <li>
          <a href={`${b}/${year}/answer-sheet.xlsx`}>{dt(L, 'admin.xlsx')}</a>
        </li>
        <li>
          <a href={`${b}/${year}/answer-sheet.csv`}>{dt(L, 'admin.csv')}</a>
        </li>
      </ul>
      <h2>{dt(L, 'admin.allItems')}</h2>
      <ItemsTable ctx={ctx} items={m.items} link={link} columns="all" />
    </StaffLayout>
  )
}

/** The staff form for one item: the explanation assessors read, the unit responsible, due date, extra links. */
export const NotePage = (p: { ctx: StaffPageCtx; year: number; item: ItemReadiness; units: Unit[]; base: string } & FormState) => {
  const { ctx, year, item } = p
  const L = ctx.lang
  const v = p.values ?? {
    explanation: item.explanation === item.autoExplanation ? '' : item.explanation,
    ownerUnitId: item.ownerUnitId ?? '',
    dueDate: item.dueDate ?? '',
    extraUrls: item.evidence
      .filter((e) => e.kind === 'url' && e.label === e.href)
      .map((e) => e.href)
      .join('\n'),
  }
  return (
    <StaffLayout ctx={ctx} title={dt(L, 'admin.edit', { code: item.code })}>
      <p class="muted">
        <a href={`${p.base}/${year}`}>{dt(L, 'admin.title', { year })}</a>
      </p>
      <h1>{`${item.code} ${item.titleTh}`}</h1>
      <p>
        {dt(L, 'oit.status')}: <StatusBadge ctx={ctx} status={item.status} />
        <WhyNotReady ctx={ctx} item={item} />
      </p>
      {item.evidence.length ? <OitEvidenceList ctx={ctx} evidence={item.evidence} /> : <p>{dt(L, 'oit.noEvidence')}</p>}
      {ctx.org && (
        <p>
          <a href={`/o/${ctx.org.slug}/admin/evidence/pick?${new URLSearchParams({ target: `${OIT_ITEM_TARGET}:${itemRef(year, item.code)}`, back: `${p.base}/${year}/${item.code}` })}`}>{dt(L, 'oit.linkEvidence')}</a>
        </p>
      )}
      {item.notes.length > 0 && (
        <>
          <h2>{dt(L, 'oit.requirement')}</h2>
          <ul>
            {item.notes.map((n) => (
              <li class="muted">{n}</li>
            ))}
          </ul>
        </>
      )}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <form method="post" action={`${p.base}/${year}/${item.code}`} novalidate>
        <CsrfField ctx={ctx} />
        <TextArea name="explanation" label={dt(L, 'f.explanation')} hint={dt(L, 'f.explanationHint')} values={v} errors={p.errors} rows={4} />
        <SelectField name="ownerUnitId" label={dt(L, 'f.owner')} values={v} errors={p.errors} placeholder="–" options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <TextField name="dueDate" type="date" label={dt(L, 'f.due')} values={v} errors={p.errors} />
        <TextArea name="extraUrls" label={dt(L, 'f.extraUrls')} hint={dt(L, 'f.extraUrlsHint')} values={v} errors={p.errors} rows={3} />
        <button type="submit">{platformT(L, 'form.save')}</button>
      </form>
    </StaffLayout>
  )
}
