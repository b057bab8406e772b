import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { Pager, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import { assetsT } from '../assets.i18n.js'
import { ASSET_STATUSES } from '../assets.schema.js'
import type { AssetChoices, AssetFilter, AssetPage } from '../assets.service.js'
import { ASSET_CATEGORIES } from '../rules.js'
import { AssetNo } from './parts.js'

/** The register: search, filters by category, custodian unit and status, pages of 20. Works without JavaScript. */
export const ListPage = ({ ctx, base, filter, data, choices }: { ctx: StaffPageCtx; base: string; filter: AssetFilter; data: AssetPage; choices: AssetChoices }) => {
  const L = ctx.lang
  const { values, href, filtered } = listFilter(base, { q: filter.q ?? '', category: filter.category ?? '', unit: filter.unitId ?? '', status: filter.status ?? '' })
  const unitName = new Map(choices.units.map((u) => [u.id, u.name]))
  const canEdit = ctx.can('assets.edit')
  return (
    <StaffLayout ctx={ctx} title={assetsT(L, 'list.title')}>
      <h1>{assetsT(L, 'list.title')}</h1>
      {canEdit && (
        <p>
          <a class="button" href={`${base}/new`}>
            {assetsT(L, 'list.add')}
          </a>
        </p>
      )}
      <form method="get" action={base} class="search-form" role="search">
        <TextField name="q" type="search" label={assetsT(L, 'list.search')} values={values} />
        <SelectField name="category" label={assetsT(L, 'field.category')} values={values} placeholder={assetsT(L, 'list.allCategories')} options={ASSET_CATEGORIES.map((c) => ({ value: c, label: assetsT(L, `category.${c}`) }))} />
        <SelectField name="unit" label={assetsT(L, 'field.custodianUnitId')} values={values} placeholder={assetsT(L, 'list.allUnits')} options={choices.units.map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField name="status" label={assetsT(L, 'field.status')} values={values} placeholder={assetsT(L, 'list.allStatuses')} options={ASSET_STATUSES.map((s) => ({ value: s, label: assetsT(L, `status.${s}`) }))} />
        <button type="submit" class="secondary">
          {assetsT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{assetsT(L, filtered ? 'list.noMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {assetsT(L, 'list.count', { count: data.total })}
          </p>
          <TableWrap label={assetsT(L, 'list.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{assetsT(L, 'field.assetNo')}</th>
                  <th scope="col">{assetsT(L, 'field.name')}</th>
                  <th scope="col">{assetsT(L, 'field.category')}</th>
                  <th scope="col">{assetsT(L, 'field.custodianUnitId')}</th>
                  <th scope="col">{assetsT(L, 'field.status')}</th>
                  <th scope="col">{assetsT(L, 'list.lendable')}</th>
                  {canEdit && (
                    <th scope="col">
                      <span class="visually-hidden">{assetsT(L, 'list.edit')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>
                      <AssetNo ctx={ctx} no={r.assetNo} />
                    </td>
                    <td>
                      {r.name}
                      {r.brandModel && <span class="muted"> {r.brandModel}</span>}
                    </td>
                    <td>{assetsT(L, `category.${r.category}`)}</td>
                    <td>{r.custodianUnitId ? unitName.get(r.custodianUnitId) ?? '' : ''}</td>
                    <td>{assetsT(L, `status.${r.status}`)}</td>
                    <td>{[r.lendStaff && assetsT(L, 'field.lendStaff'), r.lendPublic && assetsT(L, 'field.lendPublic')].filter(Boolean).join(', ')}</td>
                    {canEdit && (
                      <td>
                        <a href={`${base}/${r.id}/edit`}>
                          {assetsT(L, 'list.edit')}
                          <span class="visually-hidden"> {r.assetNo}</span>
                        </a>{' '}
                        {r.status !== 'disposed' && (
                          <a href={`${base}/${r.id}/delete`}>
                            {assetsT(L, 'list.delete')}
                            <span class="visually-hidden"> {r.assetNo}</span>
                          </a>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager ctx={ctx} page={data.page} hasNext={data.page < data.pages} href={href} />
        </>
      )}
    </StaffLayout>
  )
}
