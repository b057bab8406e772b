import type { PageCtx } from '../../../platform/ui/page-context.js'
import { dayText } from '../../../platform/ui/prose.js'
import { coiT } from '../coi.i18n.js'
import type { DeclarationStatus } from '../coi.schema.js'

export const StatusBadge = ({ ctx, status }: { ctx: PageCtx; status: DeclarationStatus }) => (
  <span class={`badge ${status === 'acknowledged' ? 'ok' : status === 'more_info' ? 'warn' : ''}`}>{coiT(ctx.lang, `status.${status}`)}</span>
)
export const day = (ctx: PageCtx, iso: string) => dayText(ctx, iso, 'short')
