import type { PageCtx } from '../../../platform/ui/page-context.js'
import { formatNumber } from '../../../platform/thai/index.js'
import { announcementsT } from '../announcements.i18n.js'
import type { Announcement } from '../announcements.schema.js'
import { numberText } from '../numbering.js'

// Small pieces every page of the module shows the same way.

export const thaiDigitsOf = (ctx: PageCtx) => !!ctx.org?.settings.thaiNumerals && ctx.lang === 'th'

/** "ประกาศ ที่ ๑/๒๕๖๖" or just "ประกาศ" for a draft. */
export function kindAndNumber(ctx: PageCtx, a: Pick<Announcement, 'kind' | 'number' | 'numberYear'>): string {
  const no = numberText(a, thaiDigitsOf(ctx))
  const kind = announcementsT(ctx.lang, `kind.${a.kind}`)
  return no ? `${kind} ${announcementsT(ctx.lang, 'detail.number', { number: no })}` : kind
}

/** A share as readers read it: "๘๕.๗%" (one decimal), "–" when nobody is asked. */
export function percentText(ctx: PageCtx, done: number, asked: number): string {
  if (asked === 0) return '–'
  return `${formatNumber(Math.round((1000 * done) / asked) / 10, { decimals: 1, thaiDigits: thaiDigitsOf(ctx) })}%`
}

export const countText = (ctx: PageCtx, n: number) => formatNumber(n, { thaiDigits: thaiDigitsOf(ctx) })
