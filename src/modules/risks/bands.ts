import { inArray, sql } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { both } from './risks.i18n.js'
import { riskBands } from './risks.schema.js'
import { bandsFrom, DEFAULT_BANDS, type BandLimits, type YearBands } from './rules.js'
import { audit } from './shared.js'

// The level bands of a year: the agency's own (risks_bands) or the module default, which no primary
// source confirms (risk-assessment.md §3: "keep bands and colours configurable").

/** The bands of each year asked, inside the caller's agency transaction. */
export async function bandsIn(tx: Tx, years: number[]): Promise<Map<number, YearBands>> {
  const wanted = [...new Set(years)]
  const rows = wanted.length ? await tx.select().from(riskBands).where(inArray(riskBands.fiscalYear, wanted)) : []
  const own = new Map(rows.map((r) => [r.fiscalYear, bandsFrom(r)]))
  return new Map(wanted.map((y) => [y, own.get(y) ?? DEFAULT_BANDS]))
}

export async function bandsOfYear(ctx: OrgUseCaseCtx, fiscalYear: number): Promise<YearBands> {
  assertCan(ctx.actor, 'risks.read')
  return (await inOrg(ctx.db, ctx.orgId, (tx) => bandsIn(tx, [fiscalYear]))).get(fiscalYear)!
}

/** Sets the agency's own bands of a year (increasing limits under 25), or back to the default with `null`; audited. */
export async function saveBands(ctx: OrgUseCaseCtx, fiscalYear: number, limits: BandLimits | null): Promise<YearBands> {
  assertCan(ctx.actor, 'risks.edit')
  const actor = ctx.actor
  if (limits) {
    if (!(limits.lowMax >= 1 && limits.lowMax < limits.mediumMax)) throw new InputError({ mediumMax: both('v.bandsOrder') })
    if (!(limits.mediumMax < limits.highMax && limits.highMax < 25)) throw new InputError({ highMax: both('v.bandsOrder') })
  }
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    if (limits) {
      await tx
        .insert(riskBands)
        .values({ orgId: ctx.orgId, fiscalYear, ...limits, updatedBy: actor.userId })
        .onConflictDoUpdate({ target: [riskBands.orgId, riskBands.fiscalYear], set: { ...limits, updatedBy: actor.userId, updatedAt: sql`now()` } })
    } else {
      await tx.delete(riskBands).where(sql`${riskBands.fiscalYear} = ${fiscalYear}`)
    }
    await audit(tx, ctx, 'bands', 'risk_register', null, { fiscalYear, limits })
  })
  invalidatePublicCache(ctx.orgId)
  return bandsFrom(limits)
}
