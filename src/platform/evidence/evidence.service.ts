import { and, eq, inArray, or } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceTargetRecord, OrgUseCaseCtx, UseCaseCtx } from '../module/manifest.js'
import { assertCan } from '../auth/permissions.js'
import { appendAudit } from '../audit/audit.js'
import { AppError } from '../http/errors.js'
import { evidenceLinks, type EvidenceLink } from './evidence.schema.js'

// The evidence contract. The platform keeps the links; each module answers for its own records
// through its manifest: sources describe and check theirs (does it show real work in year Y?),
// targets describe theirs and name the permission linking needs.

export type Ref = { type: string; id: string }
export type LinkedEvidence = { link: EvidenceLink; record: EvidenceRecord | null; check: EvidenceCheck; sourceLabel: string }
export type EvidenceUse = { link: EvidenceLink; target: EvidenceTargetRecord | null; targetLabel: string }

const notFound = () => new AppError('not_found', 404)
const missing: EvidenceCheck = { ok: false, reason: { th: 'ไม่พบรายการต้นทาง (อาจถูกลบหรือยังไม่เผยแพร่)', en: 'The record is gone (deleted or not published)' } }

function targetDef(ctx: UseCaseCtx, type: string) {
  const def = ctx.deps.registry.evidenceTargets.get(type)
  if (!def) throw notFound()
  return def
}

/** Records that could be linked: every source's search, newest first within each source. */
export async function searchEvidence(ctx: OrgUseCaseCtx, q: { text?: string; fiscalYear?: number; limit?: number }): Promise<(EvidenceRecord & { type: string; sourceLabel: string })[]> {
  assertCan(ctx.actor, 'staff.dashboard')
  const limit = Math.min(q.limit ?? 20, 50)
  const found = await Promise.all(
    [...ctx.deps.registry.evidenceSources.values()].map(async (s) =>
      (await s.search(ctx, { ...q, limit }).catch(() => [])).map((r) => ({ ...r, type: s.type, sourceLabel: s.label[ctx.lang] })),
    ),
  )
  return found.flat().slice(0, limit * 2)
}

/** Links a record as evidence for a target and year (idempotent); needs the target's permission. */
export async function linkEvidence(ctx: OrgUseCaseCtx, source: Ref, target: Ref, fiscalYear: number): Promise<void> {
  const tdef = targetDef(ctx, target.type)
  assertCan(ctx.actor, tdef.permission)
  const actor = ctx.actor
  const sdef = ctx.deps.registry.evidenceSources.get(source.type)
  if (!sdef) throw notFound()
  const [rec] = await sdef.describe(ctx, [source.id])
  const [tgt] = await tdef.describe(ctx, [target.id])
  if (!rec || !tgt) throw notFound()
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const r = await tx
      .insert(evidenceLinks)
      .values({ orgId: ctx.orgId, sourceType: source.type, sourceId: source.id, targetType: target.type, targetId: target.id, fiscalYear, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: evidenceLinks.id })
    if (r.length) {
      await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'evidence.link', entityType: 'evidence_link', entityId: r[0]!.id, requestId: ctx.requestId, details: { source, target, fiscalYear, title: rec.title } })
    }
  })
}

export async function unlinkEvidence(ctx: OrgUseCaseCtx, linkId: string): Promise<EvidenceLink> {
  assertCan(ctx.actor, 'staff.dashboard')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [link] = await tx.select().from(evidenceLinks).where(eq(evidenceLinks.id, linkId))
    if (!link) throw notFound()
    assertCan(actor, targetDef(ctx, link.targetType).permission)
    await tx.delete(evidenceLinks).where(eq(evidenceLinks.id, linkId))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'evidence.unlink', entityType: 'evidence_link', entityId: linkId, requestId: ctx.requestId, details: { source: { type: link.sourceType, id: link.sourceId }, target: { type: link.targetType, id: link.targetId } } })
    return link
  })
}

/**
 * The records linked to targets (e.g. every activity of a report), each with what its source says
 * about it and whether it really shows work in the link's fiscal year. Public data is enough for
 * the check, so this needs no permission beyond reading the agency's records through `ctx`.
 */
export async function evidenceFor(ctx: OrgUseCaseCtx, targets: Ref[]): Promise<Map<string, LinkedEvidence[]>> {
  const out = new Map<string, LinkedEvidence[]>(targets.map((t) => [`${t.type}:${t.id}`, []]))
  if (!targets.length) return out
  const byType = new Map<string, string[]>()
  for (const t of targets) byType.set(t.type, [...(byType.get(t.type) ?? []), t.id])
  const links = await inOrg(ctx.db, ctx.orgId, (tx) =>
    tx
      .select()
      .from(evidenceLinks)
      .where(or(...[...byType].map(([type, ids]) => and(eq(evidenceLinks.targetType, type), inArray(evidenceLinks.targetId, ids)))))
      .orderBy(evidenceLinks.createdAt),
  )
  const bySource = new Map<string, EvidenceLink[]>()
  for (const l of links) bySource.set(l.sourceType, [...(bySource.get(l.sourceType) ?? []), l])
  for (const [type, ls] of bySource) {
    const sdef = ctx.deps.registry.evidenceSources.get(type)
    const ids = [...new Set(ls.map((l) => l.sourceId))]
    const records = new Map((sdef ? await sdef.describe(ctx, ids) : []).map((r) => [r.id, r]))
    const years = [...new Set(ls.map((l) => l.fiscalYear))]
    const checks = new Map<number, Map<string, EvidenceCheck>>()
    for (const y of years) checks.set(y, sdef ? await sdef.check(ctx, ids, y) : new Map())
    for (const l of ls) {
      const record = records.get(l.sourceId) ?? null
      const check = record ? (checks.get(l.fiscalYear)?.get(l.sourceId) ?? missing) : missing
      out.get(`${l.targetType}:${l.targetId}`)?.push({ link: l, record, check, sourceLabel: sdef?.label[ctx.lang] ?? type })
    }
  }
  return out
}

/** What a record is evidence for (shown on the record's own page). */
export async function evidenceUses(ctx: OrgUseCaseCtx, source: Ref): Promise<EvidenceUse[]> {
  const links = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(evidenceLinks).where(and(eq(evidenceLinks.sourceType, source.type), eq(evidenceLinks.sourceId, source.id))).orderBy(evidenceLinks.fiscalYear))
  const out: EvidenceUse[] = []
  for (const l of links) {
    const def = ctx.deps.registry.evidenceTargets.get(l.targetType)
    const [target] = def ? await def.describe(ctx, [l.targetId]) : []
    out.push({ link: l, target: target ?? null, targetLabel: def?.label[ctx.lang] ?? l.targetType })
  }
  return out
}
