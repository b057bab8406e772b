import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan, can } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { linkEvidence } from '../../platform/evidence/evidence.service.js'
import { orgs, units } from '../../platform/orgs/orgs.schema.js'
import { sortThai } from '../../platform/thai/index.js'
import { loadReportData } from '../measures/index.js'
import { EVIDENCE_TYPE } from './contracts.js'
import { meetingsT } from './meetings.i18n.js'
import type { AgendaItem, Meeting } from './meetings.schema.js'
import { both } from './shared.js'

export const ACTIVITY_TARGET = 'measures.activity'
export const PLAN_TARGET = 'assessment.plan'

export type Target = { value: string; label: string }

/** What an agenda item of a year can be evidence for: the year's measure activities and indicator plans the actor may link to. */
export async function targetsFor(ctx: OrgUseCaseCtx, fiscalYear: number): Promise<Target[]> {
  assertCan(ctx.actor, 'meetings.edit')
  const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, ctx.orgId))
  if (!org) return []
  const data = await loadReportData(ctx.db, org, fiscalYear, { approvedOnly: false })
  const out: Target[] = []
  const targets = ctx.deps.registry.evidenceTargets
  const may = (type: string) => {
    const def = targets.get(type)
    return !!def && can(ctx.actor, def.permission)
  }
  if (may(ACTIVITY_TARGET))
    data.measures.forEach((m, i) => m.activities.forEach((a) => out.push({ value: `${ACTIVITY_TARGET}:${a.id}`, label: meetingsT(ctx.lang, 'target.activity', { n: i + 1, title: a.title }) })))
  if (may(PLAN_TARGET)) for (const p of [...data.plans].sort((a, b) => a.indicator - b.indicator)) out.push({ value: `${PLAN_TARGET}:${fiscalYear}:${p.indicator}`, label: meetingsT(ctx.lang, 'target.plan', { n: p.indicator, title: p.indicatorName ?? '' }).trim() })
  return out
}

/** Links an agenda item as evidence of one of those targets (the platform's evidence contract; audited there). */
export async function linkItem(ctx: OrgUseCaseCtx, meeting: Meeting, item: AgendaItem, target: string): Promise<void> {
  assertCan(ctx.actor, 'meetings.edit')
  const options = await targetsFor(ctx, meeting.fiscalYear)
  if (!options.some((o) => o.value === target)) throw new InputError({ target: both('v.target') })
  const i = target.indexOf(':')
  await linkEvidence(ctx, { type: EVIDENCE_TYPE, id: item.id }, { type: target.slice(0, i), id: target.slice(i + 1) }, meeting.fiscalYear)
}

/** The agency's units, by Thai name, for the unit filter and the invitation. */
export async function unitsOf(ctx: OrgUseCaseCtx): Promise<{ id: string; nameTh: string }[]> {
  const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select({ id: units.id, nameTh: units.nameTh }).from(units))
  return sortThai(rows, (u) => u.nameTh)
}
