import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { Pager, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { dayText } from '../../../platform/ui/prose.js'
import { giftsT } from '../gifts.i18n.js'
import { ACTIONS, ASSESSMENTS } from '../rules.js'
import type { GiftFilter, GiftPage } from '../register.js'
import { AssessmentTag, bahtText, num } from './shared.js'

/** The register: search, filters (year, half, unit, action, rule check), pages of 20. Works without JavaScript. */
export const RegisterList = ({ ctx, base, filter, data, units }: { ctx: StaffPageCtx; base: string; filter: GiftFilter; data: GiftPage; units: { id: string; nameTh: string }[] }) => {
  const L = ctx.lang
  const { href: qs, values, filtered } = listFilter(base, { q: filter.q ?? '', fy: filter.fiscalYear ? String(filter.fiscalYear) : '', half: filter.half ? String(filter.half) : '', action: filter.action ?? '', check: filter.assessment ?? '', unit: filter.unitId ?? '' })
  const canEdit = ctx.can('gifts.edit')
  return (
    <StaffLayout ctx={ctx} title={giftsT(L, 'list.title')}>
      <h1>{giftsT(L, 'list.title')}</h1>
      <p>{giftsT(L, 'list.intro')}</p>
      <p class="actions">
        {canEdit && (
          <a class="button" href={`${base}/new`}>
            {giftsT(L, 'list.add')}
          </a>
        )}
        <a href={`${base}/returns`}>{giftsT(L, 'list.returns')}</a>
        <a href={`${base}/reports`}>{giftsT(L, 'list.reports')}</a>
        <a href={`${base}/rules`}>{giftsT(L, 'list.rules')}</a>
      </p>
      <form method="get" action={base} class="search-form" role="search">
        <TextField name="q" type="search" label={giftsT(L, 'list.search')} values={values} />
        <SelectField name="fy" label={giftsT(L, 'list.fiscalYear')} values={values} placeholder={giftsT(L, 'list.allYears')} options={data.years.map((y) => ({ value: String(y), label: num(ctx, y) }))} />
        <SelectField name="half" label={giftsT(L, 'list.half')} values={values} placeholder={giftsT(L, 'list.allHalves')} options={[1, 2].map((h) => ({ value: String(h), label: giftsT(L, h === 1 ? 'half.1' : 'half.2') }))} />
        <SelectField name="action" label={giftsT(L, 'list.action')} values={values} placeholder={giftsT(L, 'list.allActions')} options={ACTIONS.map((a) => ({ value: a, label: giftsT(L, `action.${a}`) }))} />
        {units.length > 0 && <SelectField name="unit" label={giftsT(L, 'list.unit')} values={values} placeholder={giftsT(L, 'list.allUnits')} options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />}
        <SelectField name="check" label={giftsT(L, 'list.assessment')} values={values} placeholder={giftsT(L, 'list.allAssessments')} options={ASSESSMENTS.map((a) => ({ value: a, label: giftsT(L, `assessment.${a}`) }))} />
        <button type="submit" class="secondary">
          {giftsT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{giftsT(L, filtered ? 'list.noMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {giftsT(L, 'list.count', { count: num(ctx, data.total) })}
          </p>
          <TableWrap label={giftsT(L, 'list.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{giftsT(L, 'report.col.date')}</th>
                  <th scope="col">{giftsT(L, 'report.col.person')}</th>
                  <th scope="col">{giftsT(L, 'report.col.giver')}</th>
                  <th scope="col">{giftsT(L, 'report.col.item')}</th>
                  <th scope="col">{giftsT(L, 'report.col.value')}</th>
                  <th scope="col">{giftsT(L, 'report.col.action')}</th>
                  <th scope="col">{giftsT(L, 'list.assessment')}</th>
                  {canEdit && (
                    <th scope="col">
                      <span class="visually-hidden">{giftsT(L, 'list.edit')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>{dayText(ctx, r.receivedOn, 'short')}</td>
                    <td>{r.personName}</td>
                    <td>
                      {r.giver} <span class="muted">({giftsT(L, `relation.${r.relation}`)})</span>
                    </td>
                    <td>{r.description}</td>
                    <td>{bahtText(ctx, r.valueBaht, false)}</td>
                    <td>{giftsT(L, `action.${r.action}`)}</td>
                    <td>
                      <AssessmentTag ctx={ctx} a={r.assessment} />
                    </td>
                    {canEdit && (
                      <td>
                        <a href={`${base}/${r.id}/edit`}>
                          {giftsT(L, 'list.edit')}
                          <span class="visually-hidden"> {r.giver}</span>
                        </a>{' '}
                        <a href={`${base}/${r.id}/delete`}>
                          {giftsT(L, 'list.delete')}
                          <span class="visually-hidden"> {r.giver}</span>
                        </a>
                      </td>
                    )}
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
