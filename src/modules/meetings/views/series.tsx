import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { meetingsT } from '../meetings.i18n.js'
import type { SeriesMonth } from '../meetings.service.js'
import { StatusBadge } from './parts.js'

const TONE = { held: 'ok', planned: 'warn', missing: 'bad', upcoming: '' } as const

/** The twelve monthly meetings of a fiscal year: held, planned or missing. */
export const SeriesPage = ({ ctx, base, year, months }: { ctx: StaffPageCtx; base: string; year: number; months: SeriesMonth[] }) => {
  const L = ctx.lang
  const title = meetingsT(L, 'series.title', { year })
  const held = months.filter((m) => m.state === 'held').length
  const missing = months.filter((m) => m.state === 'missing').length
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: base }, { label: title, href: `${base}/series/${year}` }]}>
      <h1>{title}</h1>
      <p role="status">{meetingsT(L, 'series.summary', { held, missing })}</p>
      <p class="actions">
        <a href={`${base}/series/${year - 1}`}>{meetingsT(L, 'series.prev', { year: year - 1 })}</a>
        <a href={`${base}/series/${year + 1}`}>{meetingsT(L, 'series.next', { year: year + 1 })}</a>
      </p>
      <TableWrap label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{meetingsT(L, 'series.month')}</th>
              <th scope="col">{meetingsT(L, 'series.state')}</th>
              <th scope="col">{meetingsT(L, 'series.meetings')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr>
                <td>{formatThaiDate(`${m.month}-01`, { lang: L }).replace(/^1 /, '')}</td>
                <td>
                  <span class={`badge ${TONE[m.state]}`}>{meetingsT(L, `series.${m.state}`)}</span>
                </td>
                <td>
                  {m.meetings.map((x) => (
                    <p>
                      <a href={`${base}/${x.id}`}>{x.title}</a> <StatusBadge ctx={ctx} status={x.status} />
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </StaffLayout>
  )
}
