import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { Markdown, dateText, sizeText } from '../../../platform/ui/prose.js'
import { trailTo } from '../menu.js'
import { pt } from '../portal.i18n.js'
import { DOC_CATEGORIES, type DocCategory } from '../portal.schema.js'
import type { PublicDocument } from '../documents.js'
import { fileHref } from './news.js'
import { markdownToText } from '../../../platform/ui/markdown.js'
import { ShareLinks } from '../../../platform/ui/share.js'

/** /documents: the categories (the menu's children) with how many documents each holds. */
export const LibraryPage = (p: { ctx: OrgPageCtx; documents: PublicDocument[] }) => (
  <PublicLayout ctx={p.ctx} title={pt(p.ctx.lang, 'menu.documents')} trail={trailTo(p.ctx.registry, p.ctx.lang, p.ctx.org.slug, { path: '/documents' })!}>
    <h1>{pt(p.ctx.lang, 'menu.documents')}</h1>
    <ul class="section-links">
      {DOC_CATEGORIES.map((cat) => (
        <li>
          <a href={`${orgBase(p.ctx.org.slug)}/documents/c/${cat}`}>{pt(p.ctx.lang, `doc.${cat}`)}</a> <span class="muted">({p.documents.filter((d) => d.category === cat).length})</span>
        </li>
      ))}
    </ul>
  </PublicLayout>
)

/** One category's documents, grouped by fiscal year (newest first, as the list comes). */
export const LibraryCategoryPage = (p: { ctx: OrgPageCtx; category: DocCategory; documents: PublicDocument[] }) => {
  const { ctx } = p
  const years = [...new Set(p.documents.map((d) => d.fiscalYear))]
  const title = pt(ctx.lang, `doc.${p.category}`)
  return (
    <PublicLayout ctx={ctx} title={title} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: `/documents/c/${p.category}` })!}>
      <h1>{title}</h1>
      {p.documents.length === 0 && <p>{pt(ctx.lang, 'docs.empty')}</p>}
      {years.map((y) => (
        <section>
          <h2>{pt(ctx.lang, 'docs.fiscalYear', { year: y })}</h2>
          <ul class="item-list">
            {p.documents
              .filter((d) => d.fiscalYear === y)
              .map((d) => (
                <li>
                  <a href={`${orgBase(ctx.org.slug)}/documents/${d.id}`}>{d.title}</a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  )
}

export const DocumentPage = (p: { ctx: OrgPageCtx; doc: PublicDocument }) => {
  const { ctx, doc } = p
  return (
    <PublicLayout ctx={ctx} title={doc.title} description={markdownToText(doc.descriptionMd).slice(0, 200) || undefined} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { document: doc })!}>
      <article>
        <h1>{doc.title}</h1>
        <p class="muted">
          {pt(ctx.lang, `doc.${doc.category}`)} · {pt(ctx.lang, 'docs.fiscalYear', { year: doc.fiscalYear })} · {pt(ctx.lang, 'news.published', { date: dateText(ctx, doc.publishedAt) })}
        </p>
        <Markdown md={doc.descriptionMd} />
        <ul>
          {doc.file && (
            <li>
              <a href={fileHref(ctx.org.slug, doc.file)}>{pt(ctx.lang, 'docs.download', { name: doc.file.name })}</a> <span class="muted">({sizeText(doc.file.size)})</span>
            </li>
          )}
          {doc.url && (
            <li>
              <a href={doc.url} rel="noopener noreferrer">{pt(ctx.lang, 'docs.open')}</a>
            </li>
          )}
        </ul>
        <ShareLinks ctx={ctx} />
      </article>
    </PublicLayout>
  )
}
