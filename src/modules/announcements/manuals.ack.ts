import { and, eq, inArray } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { personById, type Person } from '../../platform/people/directory.js'
import { issuePersonLinks, openPersonLink, redeemPersonLink } from '../../platform/people/person-links.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { manualAcks, manuals, manualVersions, type Manual, type ManualVersion } from './manuals.schema.js'
import { detailIn, getManual, lockManual, recordManualAck, refuseManual, unitStaff } from './manuals.js'
import type { AckSheetBase, SheetRow } from './sheet.js'
import { mailIssuedLinks, type IssuedLink } from './link-mail.js'

// "รับทราบ" of a manual's version in force without signing in: a single-use link (platform person
// links, its own purpose) for the unit's staff without an account, and the paper sheet (ใบรับทราบ)
// whose signatures staff record back — the same ways an announcement is acknowledged.

export const MANUAL_LINK_PURPOSE = 'manuals.ack' as const
const LINK_DAYS = 60

const refOf = (m: Manual) => `${m.id}@${m.currentVersion}`
const notOpen = (m: Manual) => m.currentVersion === null || !m.ackRequired

/** The unit's staff who have not acknowledged the version in force. */
async function missingOf(tx: Parameters<typeof unitStaff>[0], m: Manual): Promise<Person[]> {
  const staff = await unitStaff(tx, m)
  const done = new Set(
    (await tx.select({ personId: manualAcks.personId }).from(manualAcks).where(and(eq(manualAcks.manualId, m.id), eq(manualAcks.version, m.currentVersion ?? 0)))).map((r) => r.personId),
  )
  return staff.filter((p) => !done.has(p.id))
}

/** Single-use links for the unit's staff still missing who have no account (or all missing, when asked); mailed as announcements' are. */
export async function issueManualAckLinks(ctx: OrgUseCaseCtx, id: string, opts: { withAccounts?: boolean; urlOf?: (token: string) => string } = {}): Promise<{ m: Manual; links: IssuedLink[] }> {
  assertCan(ctx.actor, 'manuals.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockManual(tx, id)
    if (notOpen(m)) throw refuseManual('ack.notOpen')
    const people = (await missingOf(tx, m)).filter((p) => opts.withAccounts || !p.userId)
    const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000)
    const links = await issuePersonLinks(tx, { orgId: ctx.orgId, purpose: MANUAL_LINK_PURPOSE, ref: refOf(m), personIds: people.map((p) => p.id), expiresAt })
    const byId = new Map(people.map((p) => [p.id, p]))
    const issued = links.map((l) => ({ person: byId.get(l.personId)!, token: l.token }))
    const out = opts.urlOf ? await mailIssuedLinks(tx, ctx.orgId, issued, { what: m.title, urlOf: opts.urlOf, expiresAt }) : issued.map((l) => ({ ...l, mailedTo: null }))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'manuals.links_issued', entityType: 'manual', entityId: m.id, requestId: ctx.requestId, details: { count: links.length, mailed: out.filter((l) => l.mailedTo).length, version: m.currentVersion } })
    return { m, links: out }
  })
}

export type ManualLinkView = { m: Manual; version: ManualVersion; personName: string }

/** What a link opens (without using it): the version it was issued for and whose link it is; null when used or expired. */
export async function openManualAckLink(db: Db, orgId: string, token: string): Promise<ManualLinkView | null> {
  return inOrg(db, orgId, async (tx) => {
    const link = await openPersonLink(tx, token, MANUAL_LINK_PURPOSE)
    if (!link) return null
    const [id, version] = link.ref.split('@')
    const [m] = await tx.select().from(manuals).where(eq(manuals.id, id!))
    const [v] = m ? await tx.select().from(manualVersions).where(and(eq(manualVersions.manualId, m.id), eq(manualVersions.version, Number(version)))) : []
    const p = await personById(tx, link.personId)
    return m && v && p ? { m, version: v, personName: p.fullName } : null
  })
}

/** Acknowledges through a link, using it in the same transaction (a second submit is refused; a newer version asks for a new link). */
export async function acknowledgeManualByLink(db: Db, orgId: string, token: string, requestId: string): Promise<ManualLinkView> {
  return inOrg(db, orgId, async (tx) => {
    const link = await redeemPersonLink(tx, token, MANUAL_LINK_PURPOSE)
    if (!link) throw refuseManual('ack.linkUsed')
    const [id, version] = link.ref.split('@')
    const m = await lockManual(tx, id!)
    if (String(m.currentVersion) !== version) throw refuseManual('ack.revised')
    const p = await personById(tx, link.personId)
    await recordManualAck(tx, m, link.personId, 'link', { userId: null, label: `person-link:${p?.fullName ?? link.personId}`, requestId })
    const d = await detailIn(tx, m)
    return { m, version: d.current!, personName: p?.fullName ?? '' }
  })
}

/** Staff record acknowledgements signed on the manual's paper sheet (only the unit's staff). */
export async function recordManualPaperAcks(ctx: OrgUseCaseCtx, id: string, personIds: string[]): Promise<number> {
  assertCan(ctx.actor, 'manuals.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockManual(tx, id)
    let n = 0
    for (const p of new Set(personIds)) if (await recordManualAck(tx, m, p, 'paper', { userId: actor.userId, label: actor.email, requestId: ctx.requestId })) n++
    return n
  })
}

export type ManualSheet = AckSheetBase & { m: Manual; version: ManualVersion; unitName: string }

/** The ใบรับทราบ of the version in force: the unit's staff today, with the day and how each acknowledged (404 when none is asked). */
export async function manualSheet(ctx: OrgUseCaseCtx, id: string, agency: AckSheetBase['agency']): Promise<ManualSheet> {
  const d = await getManual(ctx, id)
  if (!d.current || !d.m.ackRequired) throw new AppError('not_found', 404)
  const version = d.current
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const staff = (await unitStaff(tx, d.m)).sort((a, b) => a.fullName.localeCompare(b.fullName, 'th') || a.id.localeCompare(b.id))
    const acks = await tx.select().from(manualAcks).where(and(eq(manualAcks.manualId, d.m.id), eq(manualAcks.version, version.version)))
    const unitIds = [...new Set(staff.flatMap((p) => p.unitIds))]
    const names = new Map((unitIds.length ? await tx.select({ id: units.id, name: units.nameTh, sort: units.sortOrder }).from(units).where(inArray(units.id, unitIds)) : []).map((u) => [u.id, u]))
    const byPerson = new Map(acks.map((k) => [k.personId, k]))
    const rows: SheetRow[] = staff.map((p) => {
      const k = byPerson.get(p.id)
      const unitsText = p.unitIds
        .map((u) => names.get(u))
        .filter((u) => !!u)
        .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a.name.localeCompare(b.name, 'th'))
        .map((u) => u.name)
        .join(', ')
      return { personId: p.id, fullName: p.fullName, position: p.position ?? '', units: unitsText, acknowledgedAt: k ? new Date(k.acknowledgedAt) : null, via: k?.via ?? null }
    })
    return { m: d.m, version, unitName: d.unitName, agency, rows, acknowledged: rows.filter((r) => r.acknowledgedAt).length }
  })
}
