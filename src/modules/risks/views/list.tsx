import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { Pager, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { risksT } from '../risks.i18n.js'
import { RISK_STATUSES } from '../risks.schema.js'
import { LEVELS } from '../rules.js'
import type { RiskFilter, RiskPage, Unit } from '../risks.service.js'
import { code, Inherent, Residual, StatusBadge } from './parts.js'

/** The staff list: search, filters (fiscal year, owner unit, level, status), pages of 20. Works without JavaScript. */
export const ListPage = ({ ctx, base, filter, data, units }: { ctx: StaffPageCtx; base: string; filter: RiskFilter; data: RiskPage; units: Unit[] }) => {
  const L = ctx.lang
  const { href: qs, values, filtered } = listFilter(base, { q: filter.q ?? '', fy: filter.fiscalYear ? String(filter.fiscalYear) : '', unit: filter.unitId ?? '', level: filter.level ?? '', status: filter.status ?? '' })
  const unitName = new Map(units.map((u) => [u.id, u.nameTh]))
  const year = filter.fiscalYear ?? data.years[0]
  return (
    <StaffLayout ctx={ctx} title={risksT(L, 'list.title')}>
      <h1>{risksT(L, 'list.title')}</h1>
      <p>{risksT(L, 'list.intro')}</p>
      <p class="actions">
        {ctx.can('risks.edit') && (
          <a class="button" href={`${base}/new`}>
            {risksT(L, 'list.add')}
          </a>
        )}
        {year && <a href={`${base}/year/${year}`}>{risksT(L, 'list.register', { year })}</a>}
      </p>
      <form method="get" action={base} class="search-form" role="search">
        <TextField name="q" type="search" label={risksT(L, 'list.search')} values={values} />
        <SelectField name="fy" label={risksT(L, 'list.fiscalYear')} values={values} placeholder={risksT(L, 'list.allYears')} options={data.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField name="unit" label={risksT(L, 'field.ownerUnitId')} values={values} placeholder={risksT(L, 'list.allUnits')} options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <SelectField name="level" label={risksT(L, 'list.level')} values={values} placeholder={risksT(L, 'list.allLevels')} options={LEVELS.map((l) => ({ value: l, label: risksT(L, `level.${l}`) }))} />
        <SelectField name="status" label={risksT(L, 'field.status')} values={values} placeholder={risksT(L, 'list.allStatuses')} options={RISK_STATUSES.map((s) => ({ value: s, label: risksT(L, `status.${s}`) }))} />
        <button type="submit" class="secondary">
          {risksT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{risksT(L, filtered ? 'list.noMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {risksT(L, 'list.count', { count: data.total })}
          </p>
          <TableWrap label={risksT(L, 'list.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{risksT(L, 'list.fiscalYear')}</th>
                  <th scope="col">{risksT(L, 'field.event')}</th>
                  <th scope="col">{risksT(L, 'risk.inherent')}</th>
                  <th scope="col">{risksT(L, 'risk.residual')}</th>
                  <th scope="col">{risksT(L, 'risk.owner')}</th>
                  <th scope="col">{risksT(L, 'field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>{r.fiscalYear}</td>
                    <td>
                      <a href={`${base}/${r.id}`}>
                        {code(r)} {r.event}
                      </a>
                      <br />
                      <span class="muted">
                        {risksT(L, `area.${r.area}`)} · {r.process}
                      </span>
                    </td>
                    <td>
                      <Inherent ctx={ctx} r={r} bands={data.bands.get(r.fiscalYear)!.bands} />
                    </td>
                    <td>
                      <Residual ctx={ctx} r={r} bands={data.bands.get(r.fiscalYear)!.bands} />
                    </td>
                    <td>{r.ownerUnitId ? (unitName.get(r.ownerUnitId) ?? '') : ''}</td>
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
