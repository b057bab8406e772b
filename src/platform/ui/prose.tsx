import type { FC } from 'hono/jsx'
import { renderMarkdown } from './markdown.js'
import { formatThaiDateTime, toThaiDigits } from '../thai/index.js'
import type { PageCtx } from './page-context.js'

/** Staff-written Markdown, rendered safely (see markdown.ts). */
export const Markdown: FC<{ md: string }> = ({ md }) => <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(md) }} />

/** A date and time in the reader's language; Thai digits where the agency prints them. */
export function dateText(ctx: PageCtx, d: Date): string {
  const s = formatThaiDateTime(d, { lang: ctx.lang })
  return ctx.org?.settings.thaiNumerals && ctx.lang === 'th' ? toThaiDigits(s) : s
}

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}
