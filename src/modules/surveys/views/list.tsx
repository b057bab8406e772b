import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { Pager, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { surveysT } from '../surveys.i18n.js'
import { SURVEY_STATUSES } from '../surveys.schema.js'
import type { SurveyFilter, SurveyPage } from '../surveys.service.js'
import type { UnitOption } from './form.js'

/** The staff list: search by title, filter by fiscal year and status, pages of 20. Works without JavaScript. */
export const ListPage = ({ ctx, base, filter, data, units }: { ctx: StaffPageCtx; base: string; filter: SurveyFilter; data: SurveyPage; units: UnitOption[] }) => {
  const L = ctx.lang
  const { href: qs, values, filtered } = listFilter(base, { q: filter.q ?? '', fy: filter.fiscalYear ? String(filter.fiscalYear) : '', status: filter.status ?? '', unit: filter.unitId ?? '' })
  return (
    <StaffLayout ctx={ctx} title={surveysT(L, 'list.title')}>
      <h1>{surveysT(L, 'list.title')}</h1>
      {ctx.can('surveys.edit') && (
        <p>
          <a class="button" href={`${base}/new`}>
            {surveysT(L, 'list.add')}
          </a>
        </p>
      )}
      <form method="get" action={base} class="search-form" role="search">
        <TextField name="q" type="search" label={surveysT(L, 'list.search')} values={values} />
        <SelectField name="fy" label={surveysT(L, 'list.fiscalYear')} values={values} placeholder={surveysT(L, 'list.allYears')} options={data.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField name="status" label={surveysT(L, 'list.status')} values={values} placeholder={surveysT(L, 'list.allStatuses')} options={SURVEY_STATUSES.map((s) => ({ value: s, label: surveysT(L, `status.${s}`) }))} />
        {units.length > 0 && <SelectField name="unit" label={surveysT(L, 'field.unit')} values={values} placeholder={surveysT(L, 'list.allUnits')} options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />}
        <button type="submit" class="secondary">
          {surveysT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{surveysT(L, filtered ? 'list.noMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {surveysT(L, 'list.count', { count: data.total })}
          </p>
          <TableWrap label={surveysT(L, 'list.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{surveysT(L, 'field.title')}</th>
                  <th scope="col">{surveysT(L, 'field.fiscalYear')}</th>
                  <th scope="col">{surveysT(L, 'field.status')}</th>
                  <th scope="col" class="num">
                    {surveysT(L, 'list.responses')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`${base}/${r.id}`}>{r.title}</a>
                    </td>
                    <td>{r.fiscalYear}</td>
                    <td>{surveysT(L, `status.${r.status}`)}</td>
                    <td class="num">{r.responses}</td>
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
