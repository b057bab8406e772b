import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { SelectField, TableWrap } from '../../../platform/ui/fields.js'
import { ct } from '../complaints.i18n.js'
import { CATEGORIES } from '../complaints.schema.js'
import type { FiscalYearStats } from '../stats.js'
import { publicBase } from './report.js'
import { digits } from './shared.js'
import { shownCount, SMALL_COUNT, suppressTable } from '../../../platform/stats/suppress.js'

/** Public statistics of one fiscal year: counts and median days, never content. */
export const StatsPage = ({ ctx, stats, years }: { ctx: OrgPageCtx; stats: FiscalYearStats; years: number[] }) => {
  const L = ctx.lang
  const n = (x: number) => digits(ctx, String(x))
  const monthLabel = (ym: string) => digits(ctx, new Intl.DateTimeFormat(L === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)))
  const yearTitle = ct(L, 'stats.yearN', { year: n(stats.fiscalYear) })
  // Small counts are not shown (platform small-count suppression): in a small tambon "1 bribery
  // report in March" can point at the one person who made it.
  const statuses = Object.keys(stats.byStatus) as (keyof typeof stats.byStatus)[]
  const byMonth = suppressTable([stats.byMonth.map((m) => m.count)])
  const byCategory = suppressTable([CATEGORIES.map((k) => stats.byCategory[k])])
  const byStatus = suppressTable([statuses.map((k) => stats.byStatus[k])])
  const total = { value: stats.total, hidden: byMonth.total.hidden || byCategory.total.hidden || byStatus.total.hidden }
  const show = (c: { value: number; hidden: boolean }) => shownCount(c, n)
  return (
    <PublicLayout ctx={ctx} title={ct(L, 'stats.title')}>
      <h1>{ct(L, 'stats.title')}</h1>
      <p>{ct(L, 'stats.intro')}</p>
      <p>{ct(L, 'stats.suppressed', { n: n(SMALL_COUNT) })}</p>
      <form method="get" action={`${publicBase(ctx)}/stats`} class="inline-form">
        <SelectField name="fy" label={ct(L, 'stats.year')} values={{ fy: String(stats.fiscalYear) }} options={years.map((y) => ({ value: String(y), label: n(y) }))} />
        <button type="submit">{ct(L, 'stats.show')}</button>
      </form>
      <h2>{yearTitle}</h2>
      <p>
        {ct(L, 'stats.total')}: <strong data-stat="total">{show(total)}</strong>
      </p>
      <p>
        {ct(L, 'stats.median')}:{' '}
        <strong data-stat="median">
          {stats.medianDays === null
            ? ct(L, 'stats.noFinished')
            : stats.finished < SMALL_COUNT
              ? ct(L, 'stats.medianSuppressed', { n: n(SMALL_COUNT) }) // a median of 1–4 cases is nearly each one's own time
              : ct(L, 'stats.medianDays', { days: n(stats.medianDays), n: n(stats.finished) })}
        </strong>
      </p>
      <h3>{ct(L, 'stats.byMonth')}</h3>
      <TableWrap label={`${ct(L, 'stats.byMonth')} ${yearTitle}`}>
        <table>
          <thead>
            <tr>
              <th scope="col">{ct(L, 'stats.month')}</th>
              <th scope="col">{ct(L, 'stats.count')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.byMonth.map((m, i) => (
              <tr>
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{show(byMonth.cells[0]![i]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{ct(L, 'stats.byCategory')}</h3>
      <TableWrap label={`${ct(L, 'stats.byCategory')} ${yearTitle}`}>
        <table>
          <tbody>
            {CATEGORIES.map((k, i) => (
              <tr>
                <th scope="row">{ct(L, `cat.${k}`)}</th>
                <td data-stat={`cat-${k}`}>{show(byCategory.cells[0]![i]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{ct(L, 'stats.byStatus')}</h3>
      <TableWrap label={`${ct(L, 'stats.byStatus')} ${yearTitle}`}>
        <table>
          <tbody>
            {statuses.map((k, i) => (
              <tr>
                <th scope="row">{ct(L, `status.${k}`)}</th>
                <td data-stat={`status-${k}`}>{show(byStatus.cells[0]![i]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </PublicLayout>
  )
}
