import type { FC, PropsWithChildren } from 'hono/jsx'
import type { AppContext } from '../../platform/http/context.js'
import { Layout } from '../../platform/ui/layout.js'
import { pageCtx, type PageCtx } from '../../platform/ui/page-context.js'
import { formatThaiDateTime, toThaiDigits } from '../../platform/thai/index.js'
import { publicResponse } from './cache.js'
import { renderMarkdown } from './markdown.js'
import { publicNav, type Crumb } from './menu.js'
import { pt } from './portal.i18n.js'

export const Markdown: FC<{ md: string }> = ({ md }) => <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(md) }} />

export const Breadcrumbs: FC<{ ctx: PageCtx; trail: Crumb[] }> = ({ ctx, trail }) =>
  trail.length > 1 ? (
    <nav aria-label={ctx.lang === 'th' ? 'เส้นทางนำทาง' : 'Breadcrumb'} class="breadcrumbs">
      <ol>
        {trail.map((c, i) => (
          <li>{i === trail.length - 1 ? <span aria-current="page">{c.label}</span> : <a href={c.href}>{c.label}</a>}</li>
        ))}
      </ol>
    </nav>
  ) : null

export function dateText(ctx: PageCtx, d: Date): string {
  const s = formatThaiDateTime(d, { lang: ctx.lang })
  return ctx.org?.settings.thaiNumerals && ctx.lang === 'th' ? toThaiDigits(s) : s
}

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** The public layout with the agency's public menu. */
/** A <title> short enough for tabs and search results (the page's h1 keeps the full text). */
export function shortTitle(title: string, orgName: string): string {
  const max = Math.max(20, 67 - orgName.length)
  return title.length > max ? title.slice(0, max - 1) + '…' : title
}

export const PublicLayout: FC<PropsWithChildren<{ ctx: PageCtx; title: string; trail?: Crumb[] }>> = ({ ctx, title, trail, children }) => (
  <Layout ctx={ctx} title={shortTitle(title, ctx.lang === 'en' && ctx.org?.nameEn ? ctx.org.nameEn : (ctx.org?.nameTh ?? ''))} nav={publicNav(ctx.lang, ctx.org!.slug)} area="public">
    {trail && <Breadcrumbs ctx={ctx} trail={trail} />}
    {children}
  </Layout>
)

type Renderable = { toString(): string | Promise<string> }

/** Renders a public page through the shared cache (ETag, Cache-Control). */
export function publicPage(c: AppContext, view: (ctx: PageCtx) => Promise<Renderable> | Renderable, opts: { cacheable?: boolean } = {}): Promise<Response> {
  return publicResponse(c, async () => '<!DOCTYPE html>' + (await (await view(pageCtx(c))).toString()), opts)
}

export { pt }
