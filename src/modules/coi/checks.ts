import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { peopleFor } from '../../platform/people/directory.js'
import { people } from '../../platform/people/people.schema.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { coiT } from './coi.i18n.js'
import { coiMatters, type Matter, type MatterResolution } from './coi.schema.js'
import { interestsIn } from './declarations.js'
import { matchParties, type Party, type PartyMatch } from './matcher.js'

// Until procurement exists, an officer checks a list of parties against a committee here; a match
// can be recorded as a matter, resolved later (recused, replaced, no conflict) and reported.

export type CheckInput = { personIds: string[]; parties: Party[]; project: string; on: string; record: boolean }
export type CheckResult = { members: { id: string; fullName: string; declared: boolean }[]; matches: (PartyMatch & { personName: string })[]; recorded: number }

const summaryOf = (m: PartyMatch) => [m.interest.holderName, m.interest.partyName, m.interest.detail].filter(Boolean).join(' · ').slice(0, 1000)

export async function checkParties(ctx: OrgUseCaseCtx, input: CheckInput): Promise<CheckResult> {
  assertCan(ctx.actor, 'coi.manage')
  const actor = ctx.actor
  const ids = [...new Set(input.personIds.filter(isUuid))]
  if (!ids.length) throw new InputError({ personIds: { th: coiT('th', 'v.members'), en: coiT('en', 'v.members') } })
  if (!input.parties.length) throw new InputError({ parties: { th: coiT('th', 'v.parties'), en: coiT('en', 'v.parties') } })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const members = await peopleFor(tx, { personIds: ids }, { on: input.on })
    if (members.length !== ids.length) throw new InputError({ personIds: { th: coiT('th', 'v.members'), en: coiT('en', 'v.members') } })
    const interests = await interestsIn(tx, ids, input.on)
    const declared = new Set(interests.map((i) => i.personId))
    const nameOf = new Map(members.map((m) => [m.id, m.fullName]))
    const matches = matchParties(interests, input.parties).map((m) => ({ ...m, personName: nameOf.get(m.interest.personId) ?? '' }))
    let recorded = 0
    if (input.record && matches.length) {
      const fiscalYear = fiscalYearOf(input.on)
      await tx.insert(coiMatters).values(matches.map((m) => ({ orgId: ctx.orgId, fiscalYear, personId: m.interest.personId, declarationId: m.interest.declarationId, project: input.project, partyName: m.party.name.slice(0, 300), partyJuristicId: m.party.juristicId ?? null, matchedBy: m.by, interestSummary: summaryOf(m), foundOn: input.on, createdBy: actor.userId })))
      recorded = matches.length
    }
    // The check reads declarations: audited whether or not anything is recorded.
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: input.record ? 'coi.check.record' : 'coi.check', entityType: 'coi_check', entityId: null, requestId: ctx.requestId, details: { project: input.project, members: ids, parties: input.parties.length, matches: matches.length, recorded } })
    const withDeclared = await tx.select({ id: people.id }).from(people).where(inArray(people.id, ids))
    return { members: withDeclared.map((p) => ({ id: p.id, fullName: nameOf.get(p.id) ?? '', declared: declared.has(p.id) })).sort((a, b) => a.fullName.localeCompare(b.fullName, 'th')), matches, recorded }
  })
}

export type MatterView = Matter & { personName: string }

export async function listMatters(ctx: OrgUseCaseCtx, fiscalYear: number): Promise<MatterView[]> {
  assertCan(ctx.actor, 'coi.register')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const rows = await tx.select({ m: coiMatters, personName: people.fullName }).from(coiMatters).innerJoin(people, and(eq(people.orgId, coiMatters.orgId), eq(people.id, coiMatters.personId))).where(eq(coiMatters.fiscalYear, fiscalYear)).orderBy(desc(coiMatters.foundOn), asc(coiMatters.id)).limit(500)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'coi.matters.read', entityType: 'coi_matter', entityId: null, requestId: ctx.requestId, details: { fiscalYear, count: rows.length } })
    return rows.map((r) => ({ ...r.m, personName: r.personName }))
  })
}

export async function getMatter(ctx: OrgUseCaseCtx, id: string): Promise<MatterView> {
  assertCan(ctx.actor, 'coi.register')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [r] = await tx.select({ m: coiMatters, personName: people.fullName }).from(coiMatters).innerJoin(people, and(eq(people.orgId, coiMatters.orgId), eq(people.id, coiMatters.personId))).where(eq(coiMatters.id, id))
    if (!r) throw new AppError('not_found', 404)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'coi.matter.read', entityType: 'coi_matter', entityId: id, requestId: ctx.requestId, details: {} })
    return { ...r.m, personName: r.personName }
  })
}

/** Records how a matter was resolved (the officer keeps the register; the executive decides, outside the system). */
export async function resolveMatter(ctx: OrgUseCaseCtx, id: string, r: { resolution: MatterResolution; note: string; resolvedOn: string }): Promise<Matter> {
  assertCan(ctx.actor, 'coi.manage')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [before] = await tx.select().from(coiMatters).where(eq(coiMatters.id, id)).for('update')
    if (!before) throw new AppError('not_found', 404)
    if (r.resolvedOn < before.foundOn) throw new InputError({ resolvedOn: { th: coiT('th', 'v.resolvedBefore'), en: coiT('en', 'v.resolvedBefore') } })
    const [row] = await tx.update(coiMatters).set({ status: 'resolved', resolution: r.resolution, resolutionNote: r.note, resolvedOn: r.resolvedOn, resolvedBy: actor.userId, updatedAt: sql`now()` }).where(eq(coiMatters.id, id)).returning()
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'coi.matter.resolve', entityType: 'coi_matter', entityId: id, requestId: ctx.requestId, details: { resolution: r.resolution, from: before.resolution } })
    return row!
  })
}

/** Everyone who can sit on a committee (active people), for the check form. */
export async function committeeCandidates(ctx: OrgUseCaseCtx): Promise<{ id: string; fullName: string; position: string | null }[]> {
  assertCan(ctx.actor, 'coi.manage')
  const list = await inOrg(ctx.db, ctx.orgId, (tx) => peopleFor(tx, { all: true }))
  return list.map((p) => ({ id: p.id, fullName: p.fullName, position: p.position }))
}
