import { eq } from 'drizzle-orm'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan, can } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { linkEvidence } from '../../platform/evidence/evidence.service.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { loadReportData } from '../measures/index.js'
import { loadOitFramework } from '../disclosure/index.js'
import { both, risksT } from './risks.i18n.js'
import { MONITORING_TYPE, REGISTER_TYPE } from './contracts.js'
import { INDICATOR, OIT_WORDS } from './rules.js'

export const PLAN_TARGET = 'assessment.plan'
export const OIT_TARGET = 'disclosure.item'

export type Target = { value: string; label: string }

/**
 * What a year's register (or its monitoring) can be evidence for: the plan of indicator 10 of the
 * year and the year's OIT items on corruption risk, those the actor may link to.
 */
export async function targetsFor(ctx: OrgUseCaseCtx, fiscalYear: number): Promise<Target[]> {
  assertCan(ctx.actor, 'risks.edit')
  const may = (type: string) => {
    const def = ctx.deps.registry.evidenceTargets.get(type)
    return !!def && can(ctx.actor, def.permission)
  }
  const out: Target[] = []
  const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, ctx.orgId))
  if (!org) return out
  if (may(PLAN_TARGET)) {
    const data = await loadReportData(ctx.db, org, fiscalYear, { approvedOnly: false })
    for (const p of data.plans.filter((x) => x.indicator === INDICATOR)) out.push({ value: `${PLAN_TARGET}:${fiscalYear}:${p.indicator}`, label: risksT(ctx.lang, 'target.plan', { n: p.indicator, title: p.indicatorName ?? '' }).trim() })
  }
  if (may(OIT_TARGET)) {
    const fw = await loadOitFramework(ctx.db, fiscalYear)
    for (const i of fw?.items.filter((x) => x.titleTh.includes(OIT_WORDS)) ?? []) out.push({ value: `${OIT_TARGET}:${fiscalYear}:${i.code}`, label: risksT(ctx.lang, 'target.oit', { code: i.code, title: i.titleTh }) })
  }
  return out
}

/** Links the year's register or monitoring as evidence of one of those targets (the platform's evidence contract; audited there). */
export async function linkYear(ctx: OrgUseCaseCtx, fiscalYear: number, kind: 'register' | 'monitoring', target: string): Promise<void> {
  assertCan(ctx.actor, 'risks.edit')
  const options = await targetsFor(ctx, fiscalYear)
  if (!options.some((o) => o.value === target)) throw new InputError({ target: both('v.target') })
  const i = target.indexOf(':')
  await linkEvidence(ctx, { type: kind === 'register' ? REGISTER_TYPE : MONITORING_TYPE, id: String(fiscalYear) }, { type: target.slice(0, i), id: target.slice(i + 1) }, fiscalYear)
}
