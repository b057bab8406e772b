import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import { Pager, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import { SESSION_STATUSES } from '../trainings.schema.js'
import type { SessionFilter, SessionPage } from '../sessions.js'
import { datesText, StatusBadge } from './parts.js'

/** The staff list: search by topic, trainer or place; filter by fiscal year and status; pages of 20. Works without JavaScript. */
export const ListPage = ({ ctx, base, filter, data, units }: { ctx: StaffPageCtx; base: string; filter: SessionFilter; data: SessionPage; units: { id: string; nameTh: string }[] }) => {
  const L = ctx.lang
  const { href: qs, values, filtered } = listFilter(base, { q: filter.q ?? '', fy: filter.fiscalYear ? String(filter.fiscalYear) : '', status: filter.status ?? '', unit: filter.unitId ?? '' })
  return (
    <StaffLayout ctx={ctx} title={trainingsT(L, 'list.title')}>
      <h1>{trainingsT(L, 'list.title')}</h1>
      {ctx.can('trainings.edit') && (
        <p class="actions">
          <a class="button" href={`${base}/new`}>
            {trainingsT(L, 'list.add')}
          </a>{' '}
          <a class="button secondary" href={`${base}/questions`}>
            {trainingsT(L, 'action.bank')}
          </a>
        </p>
      )}
      <p>
        <a href={`${base}/hours`}>{trainingsT(L, 'action.hours')}</a>
      </p>
      <form method="get" action={base} class="search-form" role="search">
        <TextField name="q" type="search" label={trainingsT(L, 'list.search')} values={values} />
        <SelectField name="fy" label={trainingsT(L, 'list.fiscalYear')} values={values} placeholder={trainingsT(L, 'list.allYears')} options={data.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField name="status" label={trainingsT(L, 'list.status')} values={values} placeholder={trainingsT(L, 'list.allStatuses')} options={SESSION_STATUSES.map((s) => ({ value: s, label: trainingsT(L, `status.${s}`) }))} />
        <SelectField name="unit" label={trainingsT(L, 'field.unitId')} values={values} placeholder={trainingsT(L, 'list.allUnits')} options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <button type="submit" class="secondary">
          {trainingsT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{trainingsT(L, filtered ? 'list.noMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {trainingsT(L, 'list.count', { count: data.total })}
          </p>
          <TableWrap label={trainingsT(L, 'list.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{trainingsT(L, 'field.topic')}</th>
                  <th scope="col">{trainingsT(L, 'list.dates')}</th>
                  <th scope="col">{trainingsT(L, 'list.attendance')}</th>
                  <th scope="col">{trainingsT(L, 'field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`${base}/${r.id}`}>{r.topic}</a>
                    </td>
                    <td>{datesText(L, r)}</td>
                    <td>{trainingsT(L, 'list.attendanceOf', { present: r.present, registered: r.registered })}</td>
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
