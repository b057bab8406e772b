import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { surveysT } from '../surveys.i18n.js'
import type { Survey } from '../surveys.schema.js'
import { takesAnswers } from '../answering.js'

/** The agency's surveys: answer the open ones (not link-only), see every year's results. */
export const PublicList = ({ ctx, rows }: { ctx: OrgPageCtx; rows: (Survey & { responses: number })[] }) => {
  const L = ctx.lang
  const years = [...new Set(rows.map((r) => r.fiscalYear))]
  const base = `/o/${ctx.org.slug}/surveys`
  return (
    <PublicLayout ctx={ctx} title={surveysT(L, 'public.title')} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/surveys') ?? undefined}>
      <h1>{surveysT(L, 'public.title')}</h1>
      {rows.length === 0 && <p>{surveysT(L, 'public.empty')}</p>}
      {years.map((y) => (
        <section>
          <h2>{surveysT(L, 'public.year', { year: y })}</h2>
          <ul class="item-list">
            {rows
              .filter((r) => r.fiscalYear === y)
              .map((r) => (
                <li id={`s-${r.id}`}>
                  <strong>{r.title}</strong>
                  <div class="actions">
                    {takesAnswers(r) && r.access !== 'link' && <a href={`${base}/r/${r.id}`}>{surveysT(L, 'public.answer')}</a>}
                    <a href={`${base}/${r.id}/results`}>{surveysT(L, 'public.results')}</a>
                  </div>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  )
}
