import type { StaffPageCtx } from '../../ui/page-context.js'
import { StaffLayout } from '../../ui/layout.js'
import { TableWrap } from '../../ui/fields.js'
import { formatThaiDate } from '../../thai/dates.js'
import { dlt } from '../deadlines.i18n.js'
import type { TodoItem } from '../deadlines.service.js'

const State = ({ ctx, item }: { ctx: StaffPageCtx; item: TodoItem }) =>
  item.overdue ? (
    <span class="badge bad">{dlt(ctx.lang, 'todo.overdue', { days: -item.daysLeft })}</span>
  ) : item.daysLeft === 0 ? (
    <span class="badge warn">{dlt(ctx.lang, 'todo.today')}</span>
  ) : (
    <span class="badge">{dlt(ctx.lang, 'todo.left', { days: item.daysLeft })}</span>
  )

const Items = ({ ctx, items, label }: { ctx: StaffPageCtx; items: TodoItem[]; label: string }) => {
  const base = `/o/${ctx.org.slug}/admin`
  // Overdue first (oldest first), then by due date.
  const sorted = [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn))
  return (
    <TableWrap label={label}>
      <table class="todo">
        <thead>
          <tr>
            <th scope="col">{dlt(ctx.lang, 'todo.what')}</th>
            <th scope="col">{dlt(ctx.lang, 'todo.due')}</th>
            <th scope="col">{dlt(ctx.lang, 'todo.state')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((i) => (
            <tr class={i.overdue ? 'overdue' : undefined}>
              <td>
                <a href={base + i.href}>{ctx.lang === 'en' ? i.titleEn : i.titleTh}</a>
              </td>
              <td>{formatThaiDate(i.dueOn, { lang: ctx.lang })}</td>
              <td>
                <State ctx={ctx} item={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** งานที่ต้องทำ: the actor's own work, and the agency's for those who may see it. */
export const TodoPage = ({ ctx, mine, agency }: { ctx: StaffPageCtx; mine: TodoItem[]; agency: TodoItem[] | null }) => {
  const L = ctx.lang
  const count = (items: TodoItem[]) => dlt(L, 'todo.count', { count: items.length, overdue: items.filter((i) => i.overdue).length })
  return (
    <StaffLayout ctx={ctx} title={dlt(L, 'todo.title')}>
      <h1>{dlt(L, 'todo.title')}</h1>
      <p>{dlt(L, 'todo.intro')}</p>
      <h2 id="mine">{dlt(L, 'todo.mine')}</h2>
      {mine.length === 0 ? <p>{dlt(L, 'todo.empty')}</p> : <p class="muted">{count(mine)}</p>}
      {mine.length > 0 && <Items ctx={ctx} items={mine} label={dlt(L, 'todo.mine')} />}
      {agency && (
        <>
          <h2 id="agency">{dlt(L, 'todo.agency')}</h2>
          {agency.length === 0 ? <p>{dlt(L, 'todo.emptyAgency')}</p> : <p class="muted">{count(agency)}</p>}
          {agency.length > 0 && <Items ctx={ctx} items={agency} label={dlt(L, 'todo.agency')} />}
        </>
      )}
    </StaffLayout>
  )
}
