import type { PageCtx } from '../../../platform/ui/page-context.js'
import { toThaiDigits } from '../../../platform/thai/index.js'

/** Digits as the agency prints them: Thai (๔๑๖-๕๙-๐๐๐๑) where it uses Thai numerals and the reader reads Thai. */
export const digitsOf = (ctx: PageCtx, s: string): string => (ctx.org?.settings.thaiNumerals && ctx.lang === 'th' ? toThaiDigits(s) : s)

/** An asset number as the agency prints it. */
export const AssetNo = ({ ctx, no }: { ctx: PageCtx; no: string }) => <span class="nowrap">{digitsOf(ctx, no)}</span>
