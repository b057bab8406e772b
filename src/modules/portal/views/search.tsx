import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { trailTo } from '../menu.js'
import { pt } from '../portal.i18n.js'
import type { DocCategory, PostCategory } from '../portal.schema.js'
import type { SearchHit } from '../search.js'

export const SearchPage = (p: { ctx: OrgPageCtx; q: string; hits: SearchHit[] }) => {
  const { ctx, q, hits } = p
  const base = orgBase(ctx.org.slug)
  return (
    <PublicLayout ctx={ctx} title={pt(ctx.lang, 'search.title')} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: '/search' })!}>
      <h1>{pt(ctx.lang, 'search.title')}</h1>
      <form method="get" action={`${base}/search`} role="search" class="search-form">
        <label for="q">{pt(ctx.lang, 'search.q')}</label>
        <input id="q" name="q" type="search" value={q} maxlength={100} />
        <button type="submit">{pt(ctx.lang, 'search.go')}</button>
      </form>
      {q && (
        <>
          <h2>{hits.length ? pt(ctx.lang, 'search.results', { q, n: hits.length }) : pt(ctx.lang, 'search.none', { q })}</h2>
          <ol class="item-list">
            {hits.map((h) => (
              <li>
                <a href={`${base}/${h.kind === 'post' ? 'news' : 'documents'}/${h.id}`}>{h.title}</a>
                <div class="muted">
                  {pt(ctx.lang, `search.kind.${h.kind}`)} · {h.kind === 'post' ? pt(ctx.lang, `cat.${h.category as PostCategory}`) : pt(ctx.lang, `doc.${h.category as DocCategory}`)} ·{' '}
                  {pt(ctx.lang, 'docs.fiscalYear', { year: h.fiscalYear })}
                </div>
                <p>{h.snippet}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </PublicLayout>
  )
}
