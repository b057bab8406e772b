// "Start next year from this one": measures, activities (status reset) and indicator plans.

import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { InputError } from '../../platform/http/errors.js'
import { copyPlans, currentFramework, type Framework } from '../assessment/index.js'
import { activities, measures } from './measures.schema.js'
import { loadMeasures } from './measures.service.js'
import { mtAll } from './measures.i18n.js'

/**
 * OIT codes of one year → the next year's codes: the same title (ignoring spaces) wins, else the
 * same code when the next year still has it; codes with no counterpart are dropped and reported.
 */
export function remapOitCodes(codes: string[], from: Framework | undefined, to: Framework | undefined): { codes: string[]; dropped: string[] } {
  if (!to) return { codes, dropped: [] }
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '')
  const out: string[] = []
  const dropped: string[] = []
  for (const code of codes) {
    const title = norm(from?.oitItems.find((o) => o.code === code)?.titleTh)
    const byTitle = title ? to.oitItems.find((o) => norm(o.titleTh) === title) : undefined
    const byCode = to.oitItems.find((o) => o.code === code)
    const hit = byTitle ?? (title && byCode && norm(byCode.titleTh) && norm(byCode.titleTh) !== title ? undefined : byCode)
    if (hit) out.push(hit.code)
    else dropped.push(code)
  }
  return { codes: [...new Set(out)], dropped }
}

export async function copyYear(ctx: UseCaseCtx, from: number, to: number): Promise<{ measures: number; plans: number; droppedOit: string[] }> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  if (to <= from) throw new InputError({ _form: mtAll('m.copyLater') })
  const [fwFrom, fwTo] = [(await currentFramework(ctx.db, from))?.framework, (await currentFramework(ctx.db, to))?.framework]
  const dropped: string[] = []
  const n = await inOrg(ctx.db, orgId, async (tx) => {
    const existing = await tx.select({ id: measures.id }).from(measures).where(eq(measures.fiscalYear, to))
    if (existing.length) throw new InputError({ _form: mtAll('m.copyExists', { to }) }, 409)
    const src = await loadMeasures(tx, eq(measures.fiscalYear, from))
    for (const m of src) {
      const oit = remapOitCodes(m.oitCodes, fwFrom, fwTo)
      dropped.push(...oit.dropped)
      const [row] = await tx
        .insert(measures)
        .values({
          orgId, fiscalYear: to, sortOrder: m.sortOrder, title: m.title, indicatorNumbers: m.indicatorNumbers, oitCodes: oit.codes, steps: m.steps,
          periodKind: m.periodKind === 'range' ? 'fiscal_year' : m.periodKind, periodText: m.periodText.replaceAll(String(from), String(to)),
          unitIds: m.unitIds, responsibleText: m.responsibleText,
        })
        .returning()
      for (const a of m.activities) await tx.insert(activities).values({ orgId, measureId: row!.id, sortOrder: a.sortOrder, title: a.title, status: 'not_started' })
    }
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'measure.copyYear', entityType: 'ita_measure', requestId: ctx.requestId, details: { from, to, measures: src.length, droppedOit: dropped } })
    return src.length
  })
  const plans = await copyPlans(ctx, from, to)
  return { measures: n, plans, droppedOit: [...new Set(dropped)] }
}

