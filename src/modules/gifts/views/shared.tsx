import type { PageCtx } from '../../../platform/ui/page-context.js'
import { formatBaht, toThaiDigits } from '../../../platform/thai/index.js'
import { giftsT } from '../gifts.i18n.js'
import type { Assessment } from '../rules.js'

const thaiDigits = (ctx: PageCtx) => !!ctx.org?.settings.thaiNumerals && ctx.lang === 'th'

/** An amount as the agency prints it: "3,000.00 บาท" (Thai digits where the agency uses them). */
export const bahtText = (ctx: PageCtx, v: string | number, unit = true) => formatBaht(v, { thaiDigits: thaiDigits(ctx), unit })
/** A count or year in the agency's digits. */
export const num = (ctx: PageCtx, n: number | string) => (thaiDigits(ctx) ? toThaiDigits(String(n)) : String(n))
export const halfLabel = (ctx: PageCtx, fy: number, half: 1 | 2) => giftsT(ctx.lang, 'half.long', { half: num(ctx, half), year: num(ctx, fy) })

/** The rule check of a gift as a tag; "over" stands out. */
export const AssessmentTag = ({ ctx, a }: { ctx: PageCtx; a: Assessment }) => <span class={a === 'over' ? 'badge warn' : a === 'no_rule' ? 'badge bad' : 'badge'}>{giftsT(ctx.lang, `assessment.${a}`)}</span>
