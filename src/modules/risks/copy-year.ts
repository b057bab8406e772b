import { count, eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { both } from './risks.i18n.js'
import { riskBands, riskControls, risks } from './risks.schema.js'
import { measuresOf } from './controls.js'
import { risksOfYear } from './risks.service.js'
import { audit } from './shared.js'

// "Start next year from this one": every risk that was not withdrawn becomes a draft of the new year
// (same numbers, scores, controls text, owner; the year's own level bands too); a control measure continues when the new year has a
// measure of the same title (spaces ignored), as the measures module's own copy keeps titles.

const norm = (s: string) => s.replace(/\s+/g, '')

export async function copyRegister(ctx: OrgUseCaseCtx, from: number, to: number): Promise<{ count: number; kept: number; dropped: number }> {
  assertCan(ctx.actor, 'risks.edit')
  const actor = ctx.actor
  if (to <= from) throw new InputError({ to: both('v.copyLater', { from }) })
  const next = new Map((await measuresOf(ctx, to)).map((m) => [norm(m.title), m]))
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(risks).where(eq(risks.fiscalYear, to))
    if ((existing?.n ?? 0) > 0) throw new InputError({ to: both('v.copyExists', { to }) }, 409)
    const src = (await risksOfYear(tx, from, { publishedOnly: false })).filter((r) => r.status !== 'withdrawn')
    if (!src.length) throw new InputError({ to: both('v.copyEmpty', { from }) })
    let kept = 0
    let dropped = 0
    for (const r of src) {
      const [row] = await tx
        .insert(risks)
        .values({
          orgId: ctx.orgId, fiscalYear: to, seq: r.seq, area: r.area, process: r.process, event: r.event, cause: r.cause, likelihood: r.likelihood, impact: r.impact,
          existingControls: r.existingControls, indicator: r.indicator, target: r.target, residualLikelihood: r.residualLikelihood, residualImpact: r.residualImpact,
          ownerUnitId: r.ownerUnitId, reviewOn: null, status: 'draft', copiedFrom: r.id, createdBy: actor.userId,
        })
        .returning({ id: risks.id })
      const links = r.controls.flatMap((c) => {
        const m = next.get(norm(c.measureTitle))
        if (!m) {
          dropped++
          return []
        }
        kept++
        return [{ orgId: ctx.orgId, riskId: row!.id, measureId: m.id, measureTitle: m.title.slice(0, 1000) }]
      })
      if (links.length) await tx.insert(riskControls).values(links).onConflictDoNothing()
    }
    // The agency's own level bands go with the register (the new year had none: it had no risks).
    const [bands] = await tx.select().from(riskBands).where(eq(riskBands.fiscalYear, from))
    if (bands) await tx.insert(riskBands).values({ orgId: ctx.orgId, fiscalYear: to, lowMax: bands.lowMax, mediumMax: bands.mediumMax, highMax: bands.highMax, updatedBy: actor.userId }).onConflictDoNothing()
    await audit(tx, ctx, 'copyYear', 'risk_register', null, { from, to, risks: src.length, controlsKept: kept, controlsDropped: dropped })
    return { count: src.length, kept, dropped }
  })
}
