import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { pt as mt } from '../progress.i18n.js'
import type { TaskSection, TaskStatus } from '../progress.js'

const STATUS_KEY = { todo: 'p.todo', doing: 'p.doing', done: 'p.done' } as const satisfies Record<TaskStatus, string>

/**
 * ความคืบหน้าประจำปี: the year's work as a task list (the GOV.UK pattern). Each line links to the
 * page where it is done; its status is a word (ยังไม่เริ่ม / กำลังทำ / เสร็จแล้ว) tied to the link, so
 * nothing depends on colour.
 */
export const ProgressPage = ({ ctx, ita, year, sections }: { ctx: StaffPageCtx; ita: string; year: number; sections: TaskSection[] }) => {
  const L = ctx.lang
  const all = sections.flatMap((s) => s.tasks)
  const done = all.filter((t) => t.status === 'done').length
  return (
    <StaffLayout ctx={ctx} title={mt(L, 'p.title', { year })}>
      <p>
        <a href={`${ita}/${year}`}>{mt(L, 'p.yearLink', { year })}</a>
      </p>
      <h1>{mt(L, 'p.title', { year })}</h1>
      <p>{mt(L, 'p.intro', { year })}</p>
      <p id="progress-summary">
        <strong>{mt(L, 'p.summary', { done, total: all.length })}</strong>
      </p>
      {sections.map((s) => (
        <section aria-labelledby={`section-${s.id}`}>
          <h2 id={`section-${s.id}`}>{s.title}</h2>
          <ul class="task-list" id={`tasks-${s.id}`}>
            {s.tasks.map((t) => (
              <li id={t.id} data-status={t.status}>
                <span>
                  <a href={t.href} aria-describedby={`${t.id}-status ${t.id}-hint`}>
                    {t.label}
                  </a>
                  <span class="task-hint" id={`${t.id}-hint`}>
                    {t.hint}
                  </span>
                </span>
                <strong class={`task-status ${t.status}`} id={`${t.id}-status`}>
                  {mt(L, STATUS_KEY[t.status])}
                </strong>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </StaffLayout>
  )
}
