import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { Pager, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { meetingsT } from '../meetings.i18n.js'
import { MEETING_STATUSES } from '../meetings.schema.js'
import { MEETING_KINDS } from '../rules.js'
import type { MeetingFilter, MeetingPage } from '../meetings.service.js'
import { numberText } from '../shared.js'
import { StatusBadge } from './parts.js'

/** The staff list: search, filters (fiscal year, kind, status, unit), pages of 20. Works without JavaScript. */
export const ListPage = ({ ctx, base, filter, data, units }: { ctx: StaffPageCtx; base: string; filter: MeetingFilter; data: MeetingPage; units: { id: string; nameTh: string }[] }) => {
  const L = ctx.lang
  const { href: qs, values, filtered } = listFilter(base, { q: filter.q ?? '', fy: filter.fiscalYear ? String(filter.fiscalYear) : '', kind: filter.kind ?? '', status: filter.status ?? '', unit: filter.unitId ?? '' })
  const year = filter.fiscalYear ?? data.years[0]
  return (
    <StaffLayout ctx={ctx} title={meetingsT(L, 'list.title')}>
      <h1>{meetingsT(L, 'list.title')}</h1>
      <p>{meetingsT(L, 'list.intro')}</p>
      <p class="actions">
        {ctx.can('meetings.edit') && (
          <a class="button" href={`${base}/new`}>
            {meetingsT(L, 'list.add')}
          </a>
        )}
        {year && <a href={`${base}/series/${year}`}>{meetingsT(L, 'list.series', { year })}</a>}
      </p>
      <form method="get" action={base} class="search-form" role="search">
        <TextField name="q" type="search" label={meetingsT(L, 'list.search')} values={values} />
        <SelectField name="fy" label={meetingsT(L, 'list.fiscalYear')} values={values} placeholder={meetingsT(L, 'list.allYears')} options={data.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField name="kind" label={meetingsT(L, 'field.kind')} values={values} placeholder={meetingsT(L, 'list.allKinds')} options={MEETING_KINDS.map((k) => ({ value: k, label: meetingsT(L, `kind.${k}`) }))} />
        <SelectField name="status" label={meetingsT(L, 'list.status')} values={values} placeholder={meetingsT(L, 'list.allStatuses')} options={MEETING_STATUSES.map((s) => ({ value: s, label: meetingsT(L, `status.${s}`) }))} />
        <SelectField name="unit" label={meetingsT(L, 'field.unitId')} values={values} placeholder={meetingsT(L, 'list.allUnits')} options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <button type="submit" class="secondary">
          {meetingsT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{meetingsT(L, filtered ? 'list.noMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {meetingsT(L, 'list.count', { count: data.total })}
          </p>
          <TableWrap label={meetingsT(L, 'list.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{meetingsT(L, 'field.heldOn')}</th>
                  <th scope="col">{meetingsT(L, 'field.title')}</th>
                  <th scope="col">{meetingsT(L, 'field.kind')}</th>
                  <th scope="col">{meetingsT(L, 'list.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>{formatThaiDate(r.heldOn, { lang: L, style: 'short' })}</td>
                    <td>
                      <a href={`${base}/${r.id}`}>{r.title}</a> <span class="muted">{meetingsT(L, 'meeting.number', { number: numberText(r) })}</span>
                    </td>
                    <td>{meetingsT(L, `kind.${r.kind}`)}</td>
                    <td>
                      <StatusBadge ctx={ctx} status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager ctx={ctx} page={data.page} hasNext={data.page < data.pages} href={qs} />
        </>
      )}
    </StaffLayout>
  )
}
