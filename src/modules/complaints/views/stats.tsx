import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { SelectField, TableWrap } from '../../../platform/ui/fields.js'
import { ct } from '../complaints.i18n.js'
import { CATEGORIES } from '../complaints.schema.js'
import type { FiscalYearStats } from '../stats.js'
import { publicBase } from './report.js'
import { digits } from './shared.js'

/** Public statistics of one fiscal year: counts and median days, never content. */
export const StatsPage = ({ ctx, stats, years }: { ctx: OrgPageCtx; stats: FiscalYearStats; years: number[] }) => {
  const L = ctx.lang
  const n = (x: number) => digits(ctx, String(x))
  const monthLabel = (ym: string) => digits(ctx, new Intl.DateTimeFormat(L === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)))
  const yearTitle = ct(L, 'stats.yearN', { year: n(stats.fiscalYear) })
  return (
    <PublicLayout ctx={ctx} title={ct(L, 'stats.title')}>
      <h1>{ct(L, 'stats.title')}</h1>
      <p>{ct(L, 'stats.intro')}</p>
      <form method="get" action={`${publicBase(ctx)}/stats`} class="inline-form">
        <SelectField name="fy" label={ct(L, 'stats.year')} values={{ fy: String(stats.fiscalYear) }} options={years.map((y) => ({ value: String(y), label: n(y) }))} />
        <button type="submit">{ct(L, 'stats.show')}</button>
      </form>
      <h2>{yearTitle}</h2>
      <p>
        {ct(L, 'stats.total')}: <strong data-stat="total">{n(stats.total)}</strong>
      </p>
      <p>
        {ct(L, 'stats.median')}:{' '}
        <strong data-stat="median">{stats.medianDays === null ? ct(L, 'stats.noFinished') : ct(L, 'stats.medianDays', { days: n(stats.medianDays), n: n(stats.finished) })}</strong>
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
            {stats.byMonth.map((m) => (
              <tr>
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{n(m.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{ct(L, 'stats.byCategory')}</h3>
      <TableWrap label={`${ct(L, 'stats.byCategory')} ${yearTitle}`}>
        <table>
          <tbody>
            {CATEGORIES.map((k) => (
              <tr>
                <th scope="row">{ct(L, `cat.${k}`)}</th>
                <td data-stat={`cat-${k}`}>{n(stats.byCategory[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{ct(L, 'stats.byStatus')}</h3>
      <TableWrap label={`${ct(L, 'stats.byStatus')} ${yearTitle}`}>
        <table>
          <tbody>
            {(Object.keys(stats.byStatus) as (keyof typeof stats.byStatus)[]).map((k) => (
              <tr>
                <th scope="row">{ct(L, `status.${k}`)}</th>
                <td data-stat={`status-${k}`}>{n(stats.byStatus[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </PublicLayout>
  )
}
