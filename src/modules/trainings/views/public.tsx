import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { trainingsT } from '../trainings.i18n.js'
import type { PublicSession } from '../sessions.js'
import { datesText, hoursLabel, trainerText } from './parts.js'

/** The trainings the agency published, grouped by fiscal year. */
export const PublicList = ({ ctx, rows }: { ctx: OrgPageCtx; rows: PublicSession[] }) => {
  const L = ctx.lang
  const years = [...new Set(rows.map((r) => r.fiscalYear))]
  return (
    <PublicLayout ctx={ctx} title={trainingsT(L, 'public.title')} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/trainings') ?? undefined}>
      <h1>{trainingsT(L, 'public.title')}</h1>
      {rows.length === 0 && <p>{trainingsT(L, 'public.empty')}</p>}
      {years.map((y) => (
        <section>
          <h2>{trainingsT(L, 'public.year', { year: y })}</h2>
          <ul class="item-list">
            {rows
              .filter((r) => r.fiscalYear === y)
              .map((r) => (
                <li id={`s-${r.id}`}>
                  <strong>{r.topic}</strong>
                  <p>
                    {datesText(L, r)} ({hoursLabel(L, r.hours)}) · {r.place} · {trainerText(L, r)}
                  </p>
                  <p>
                    {trainingsT(L, 'field.targetGroup')}: {r.targetGroup}
                  </p>
                  {r.detail && <p class="prose">{r.detail}</p>}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  )
}
