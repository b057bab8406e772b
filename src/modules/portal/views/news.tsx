import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { Markdown, dateText, sizeText } from '../../../platform/ui/prose.js'
import { trailTo } from '../menu.js'
import { pt } from '../portal.i18n.js'
import { POST_CATEGORIES, type PortalPost, type PostCategory } from '../portal.schema.js'
import type { FileMeta } from '../files.js'
import type { PostWithFiles } from '../posts.js'
import { markdownToText } from '../../../platform/ui/markdown.js'
import { ShareLinks } from '../../../platform/ui/share.js'

/** Where a public file is downloaded (its name in the URL, so saving it keeps the name). */
export const fileHref = (slug: string, f: FileMeta) => `${orgBase(slug)}/files/${f.id}/${encodeURIComponent(f.name)}`

export const PostList = (p: { ctx: OrgPageCtx; posts: Pick<PortalPost, 'id' | 'title' | 'publishAt' | 'category'>[]; showCategory?: boolean }) =>
  p.posts.length === 0 ? (
    <p>{pt(p.ctx.lang, 'news.empty')}</p>
  ) : (
    <ul class="item-list">
      {p.posts.map((x) => (
        <li>
          <a href={`${orgBase(p.ctx.org.slug)}/news/${x.id}`}>{x.title}</a>
          <span class="muted">
            {' '}
            {p.showCategory ? `${pt(p.ctx.lang, `cat.${x.category}`)} · ` : ''}
            {dateText(p.ctx, x.publishAt)}
          </span>
        </li>
      ))}
    </ul>
  )

/** /news: the categories (the menu's children), then the latest of every category. */
export const NewsIndexPage = (p: { ctx: OrgPageCtx; posts: PortalPost[] }) => (
  <PublicLayout ctx={p.ctx} title={pt(p.ctx.lang, 'menu.news')} trail={trailTo(p.ctx.registry, p.ctx.lang, p.ctx.org.slug, { path: '/news' })!}>
    <h1>{pt(p.ctx.lang, 'menu.news')}</h1>
    <ul class="section-links">
      {POST_CATEGORIES.map((cat) => <li><a href={`${orgBase(p.ctx.org.slug)}/news/c/${cat}`}>{pt(p.ctx.lang, `cat.${cat}`)}</a></li>)}
    </ul>
    <h2>{pt(p.ctx.lang, 'news.all')}</h2>
    <PostList ctx={p.ctx} posts={p.posts} showCategory />
  </PublicLayout>
)

export const NewsCategoryPage = (p: { ctx: OrgPageCtx; category: PostCategory; posts: PortalPost[] }) => {
  const title = pt(p.ctx.lang, `cat.${p.category}`)
  return (
    <PublicLayout ctx={p.ctx} title={title} trail={trailTo(p.ctx.registry, p.ctx.lang, p.ctx.org.slug, { path: `/news/c/${p.category}` })!}>
      <h1>{title}</h1>
      <PostList ctx={p.ctx} posts={p.posts} />
    </PublicLayout>
  )
}

export const PostPage = (p: { ctx: OrgPageCtx; post: PostWithFiles }) => {
  const { ctx, post } = p
  return (
    <PublicLayout ctx={ctx} title={post.title} description={markdownToText(post.bodyMd).slice(0, 200) || undefined} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { post })!}>
      <article>
        <h1>{post.title}</h1>
        <p class="muted">
          {pt(ctx.lang, `cat.${post.category}`)} · {pt(ctx.lang, 'news.published', { date: dateText(ctx, post.publishAt) })}
        </p>
        <Markdown md={post.bodyMd} />
        <ShareLinks ctx={ctx} />
        {post.files.length > 0 && (
          <section aria-labelledby="att">
            <h2 id="att">{pt(ctx.lang, 'news.attachments')}</h2>
            <ul>
              {post.files.map((f) => (
                <li>
                  <a href={fileHref(ctx.org.slug, f)}>{f.name}</a> <span class="muted">({sizeText(f.size)})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </PublicLayout>
  )
}
