import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { Pager, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { dayText } from '../../../platform/ui/prose.js'
import { announcementsT } from '../announcements.i18n.js'
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_STATUSES } from '../announcements.schema.js'
import type { AnnouncementFilter, AnnouncementPage } from '../announcements.service.js'
import { numberText } from '../numbering.js'
import { thaiDigitsOf } from './shared.js'

/** The staff list: search by subject, filter by fiscal year, kind and status, pages of 20. Works without JavaScript. */
export const ListPage = ({ ctx, base, filter, data }: { ctx: StaffPageCtx; base: string; filter: AnnouncementFilter; data: AnnouncementPage }) => {
  const L = ctx.lang
  const { href: qs, values, filtered } = listFilter(base, { q: filter.q ?? '', fy: filter.fiscalYear ? String(filter.fiscalYear) : '', kind: filter.kind ?? '', status: filter.status ?? '' })
  const title = announcementsT(L, 'list.title')
  return (
    <StaffLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {ctx.can('announcements.edit') && (
        <p>
          <a class="button" href={`${base}/new`}>
            {announcementsT(L, 'list.add')}
          </a>
        </p>
      )}
      <form method="get" action={base} class="search-form" role="search">
        <TextField name="q" type="search" label={announcementsT(L, 'list.search')} values={values} />
        <SelectField name="fy" label={announcementsT(L, 'list.fiscalYear')} values={values} placeholder={announcementsT(L, 'list.allYears')} options={data.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField name="kind" label={announcementsT(L, 'list.kind')} values={values} placeholder={announcementsT(L, 'list.allKinds')} options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: announcementsT(L, `kind.${k}`) }))} />
        <SelectField name="status" label={announcementsT(L, 'list.status')} values={values} placeholder={announcementsT(L, 'list.allStatuses')} options={ANNOUNCEMENT_STATUSES.map((s) => ({ value: s, label: announcementsT(L, `status.${s}`) }))} />
        <button type="submit" class="secondary">
          {announcementsT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{announcementsT(L, filtered ? 'list.noMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {announcementsT(L, 'list.count', { count: data.total })}
          </p>
          <TableWrap label={title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{announcementsT(L, 'list.kind')}</th>
                  <th scope="col">{announcementsT(L, 'list.number')}</th>
                  <th scope="col">{announcementsT(L, 'field.subject')}</th>
                  <th scope="col">{announcementsT(L, 'list.date')}</th>
                  <th scope="col">{announcementsT(L, 'list.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>{announcementsT(L, `kind.${r.kind}`)}</td>
                    <td>{numberText(r, thaiDigitsOf(ctx)) ?? '–'}</td>
                    <td>
                      <a href={`${base}/${r.id}`}>{r.subject}</a>
                    </td>
                    <td>{dayText(ctx, r.signedOn, 'short')}</td>
                    <td>{announcementsT(L, `status.${r.status}`)}</td>
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
