import type { FC, PropsWithChildren } from 'hono/jsx'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { SelectField, TableWrap } from '../../../platform/ui/fields.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { ct } from '../complaints.i18n.js'
import { STATUSES, type Status } from '../complaints.schema.js'
import type { CaseListItem } from '../cases.js'
import { day, digits, statusText } from './shared.js'

export const adminBase = (ctx: StaffPageCtx) => `${orgBase(ctx.org.slug)}/admin/complaints`

/** A staff page of the channel, with a link back to the case list. */
export const StaffPage: FC<PropsWithChildren<{ ctx: StaffPageCtx; title: string; back?: boolean }>> = (p) => (
  <StaffLayout ctx={p.ctx} title={p.title}>
    {p.back && (
      <p class="muted">
        <a href={adminBase(p.ctx)}>{ct(p.ctx.lang, 'admin.title')}</a>
      </p>
    )}
    <h1>{p.title}</h1>
    {p.children}
  </StaffLayout>
)

const CaseTable: FC<{ ctx: StaffPageCtx; cases: CaseListItem[] }> = ({ ctx, cases }) => {
  const L = ctx.lang
  if (!cases.length) return <p>{ct(L, 'admin.empty')}</p>
  return (
    <TableWrap label={ct(L, 'admin.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{ct(L, 'case.no')}</th>
            <th scope="col">{ct(L, 'case.subject')}</th>
            <th scope="col">{ct(L, 'case.category')}</th>
            <th scope="col">{ct(L, 'case.status')}</th>
            <th scope="col">{ct(L, 'case.received')}</th>
            <th scope="col">{ct(L, 'case.closeDue')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr>
              <td>{digits(ctx, String(c.caseNo))}</td>
              <td>
                <a href={`${adminBase(ctx)}/${c.id}`}>{c.subject ?? ct(L, 'case.purged')}</a>
                {c.overdue && (
                  <>
                    {' '}
                    <span class="badge">{ct(L, `case.overdue.${c.overdue}`)}</span>
                  </>
                )}
              </td>
              <td>{ct(L, `cat.${c.category}`)}</td>
              <td>{statusText(ctx, c)}</td>
              <td>{day(ctx, c.receivedAt)}</td>
              <td>{day(ctx, c.closeDueOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

export type ListFilter = Status | 'open' | 'overdue' | 'all'

/** The case list: links for officers, the overdue cases first, then the chosen filter. */
export const CaseListPage: FC<{ ctx: StaffPageCtx; filter: ListFilter; cases: CaseListItem[] }> = ({ ctx, filter, cases }) => {
  const L = ctx.lang
  const overdue = cases.filter((x) => x.overdue)
  return (
    <StaffPage ctx={ctx} title={ct(L, 'admin.title')}>
      <p>{ct(L, 'admin.intro')}</p>
      {ctx.can('complaint.read') && (
        <ul class="cards">
          <li class="card">
            <a href={`${adminBase(ctx)}/new`}>{ct(L, 'admin.intake')}</a>
          </li>
          <li class="card">
            <a href={`${adminBase(ctx)}/settings`}>{ct(L, 'admin.settings')}</a>
          </li>
          <li class="card">
            <a href={`${orgBase(ctx.org.slug)}/complaints/stats`}>{ct(L, 'admin.stats')}</a>
          </li>
        </ul>
      )}
      {overdue.length > 0 && filter !== 'overdue' && (
        <section aria-labelledby="overdue-title">
          <h2 id="overdue-title">
            {ct(L, 'admin.overdueTitle')} ({digits(ctx, String(overdue.length))})
          </h2>
          <CaseTable ctx={ctx} cases={overdue} />
        </section>
      )}
      <form method="get" action={adminBase(ctx)} class="inline-form">
        <SelectField
          name="status"
          label={ct(L, 'admin.filter')}
          values={{ status: filter }}
          options={[
            { value: 'open', label: ct(L, 'admin.filter.open') },
            { value: 'overdue', label: ct(L, 'admin.filter.overdue') },
            { value: 'all', label: ct(L, 'admin.filter.all') },
            ...STATUSES.map((s) => ({ value: s, label: ct(L, `status.${s}`) })),
          ]}
        />
        <button type="submit">{ct(L, 'admin.show')}</button>
      </form>
      <h2>
        {ct(L, 'admin.filter')}: {filter === 'all' || filter === 'open' || filter === 'overdue' ? ct(L, `admin.filter.${filter}`) : ct(L, `status.${filter}`)}
      </h2>
      <CaseTable ctx={ctx} cases={cases} />
    </StaffPage>
  )
}
