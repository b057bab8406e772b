import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { dateText } from '../../../platform/ui/prose.js'
import { toThaiDigits } from '../../../platform/thai/index.js'
import { trailTo } from '../menu.js'
import { pt } from '../portal.i18n.js'
import type { DocCategory, PostCategory } from '../portal.schema.js'
import type { SearchHit, SearchResult } from '../search.js'

/** What a hit is and when: its kind and category, its fiscal year and date (records only). */
const HitFacts = ({ ctx, h }: { ctx: OrgPageCtx; h: SearchHit }) => {
  if (h.kind === 'page') return <div class="muted">{pt(ctx.lang, 'search.kind.page')}</div>
  const category = h.kind === 'post' ? pt(ctx.lang, `cat.${h.category as PostCategory}`) : pt(ctx.lang, `doc.${h.category as DocCategory}`)
  const year = pt(ctx.lang, 'docs.fiscalYear', { year: h.fiscalYear })
  return (
    <div class="muted">
      {pt(ctx.lang, `search.kind.${h.kind}`)} · {category} · {ctx.org.settings.thaiNumerals && ctx.lang === 'th' ? toThaiDigits(year) : year} · {dateText(ctx, h.date)}
    </div>
  )
}

export const SearchPage = (p: { ctx: OrgPageCtx; q: string; result: SearchResult }) => {
  const { ctx, q } = p
  const { hits, suggestion } = p.result
  const base = orgBase(ctx.org.slug)
  const href = (h: SearchHit) => (h.kind === 'page' ? base + h.path : `${base}/${h.kind === 'post' ? 'news' : 'documents'}/${h.id}`)
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
          {suggestion && (
            <p class="suggestion">
              {pt(ctx.lang, 'search.didYouMean')} <a href={`${base}/search?q=${encodeURIComponent(suggestion)}`}>{suggestion}</a> {pt(ctx.lang, 'search.didYouMeanEnd')}
            </p>
          )}
          <ol class="item-list">
            {hits.map((h) => (
              <li>
                <a href={href(h)}>{h.title}</a>
                <HitFacts ctx={ctx} h={h} />
                {h.snippet && <p>{h.snippet}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </PublicLayout>
  )
}
