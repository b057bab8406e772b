import { and, eq, sql } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { localized } from '../../platform/i18n/i18n.js'
import { closeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { accountIdsOf, peopleFor, personById, personOfUser, STAFF_KINDS, type Person } from '../../platform/people/directory.js'
import { issuePersonLinks, openPersonLink, redeemPersonLink } from '../../platform/people/person-links.js'
import { announcementAcks, announcementRecipients, announcements, type Announcement } from './announcements.schema.js'
import { announcementsT } from './announcements.i18n.js'
import { lockAnnouncement } from './announcements.service.js'
import { mailIssuedLinks, type IssuedLink } from './link-mail.js'

// "รับทราบ": who is asked (fixed on publication and each revision), who has acknowledged the
// current version (signed in, through a single-use link, or on paper), % per unit, and the
// deadline of the accounts that still have to.

export const LINK_PURPOSE = 'announcements.ack' as const
const LINK_DAYS = 60

const dk = (orgId: string, id: string) => ({ orgId, module: 'announcements', kind: 'ack', ref: id })

/** Fixes who is asked to acknowledge, from the people directory (every staff member or some units). */
export async function snapshotRecipients(tx: Tx, a: Announcement): Promise<Person[]> {
  await tx.delete(announcementRecipients).where(eq(announcementRecipients.announcementId, a.id))
  if (a.ackScope === 'none') return []
  const list = a.ackScope === 'staff' ? await peopleFor(tx, { all: true, kinds: STAFF_KINDS }) : await peopleFor(tx, { unitIds: a.ackUnitIds, kinds: STAFF_KINDS })
  if (list.length) await tx.insert(announcementRecipients).values(list.map((p) => ({ orgId: a.orgId, announcementId: a.id, personId: p.id })))
  return list
}

/** Recipients who have not acknowledged the current version. */
async function missingIds(tx: Tx, a: Pick<Announcement, 'id' | 'version'>): Promise<string[]> {
  const r = await tx.execute<{ person_id: string }>(sql`
    SELECT r.person_id FROM announcement_recipients r
    WHERE r.announcement_id = ${a.id}
      AND NOT EXISTS (SELECT 1 FROM announcement_acks k WHERE k.announcement_id = r.announcement_id AND k.version = ${a.version} AND k.person_id = r.person_id)`)
  return r.rows.map((x) => x.person_id)
}

/** The acknowledgement due date is a deadline of the accounts that have not acknowledged yet. */
export async function syncAckDeadline(tx: Tx, a: Announcement): Promise<void> {
  const key = dk(a.orgId, a.id)
  if (a.status !== 'published' || a.ackScope === 'none' || !a.ackDueOn) return closeDeadline(tx, key)
  const missing = await missingIds(tx, a)
  const accounts = accountIdsOf(missing.length ? await peopleFor(tx, { personIds: missing }) : [])
  if (missing.length === 0) return closeDeadline(tx, key)
  const title = { th: announcementsT('th', 'deadline.ack', { subject: a.subject }), en: announcementsT('en', 'deadline.ack', { subject: a.subject }) }
  await setDeadline(tx, { ...key, title, href: `/announcements/${a.id}/ack`, dueOn: a.ackDueOn, assigneeUserIds: accounts })
}

export type UnitProgress = { unitId: string | null; unitName: string | null; asked: number; acknowledged: number }
export type MissingPerson = { personId: string; fullName: string; position: string | null; units: string; hasAccount: boolean }
export type AckProgress = { asked: number; acknowledged: number; units: UnitProgress[]; missing: MissingPerson[]; mine: 'asked' | 'done' | 'not_asked' | 'no_person' }

/** % acknowledged per unit (a person in two units counts in both), and who is missing. */
export async function ackProgress(ctx: OrgUseCaseCtx, a: Announcement): Promise<AckProgress> {
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const units = await tx.execute<{ unit_id: string | null; unit_name: string | null; asked: string; acknowledged: string }>(sql`
      SELECT u.id AS unit_id, u.name_th AS unit_name, count(*) AS asked, count(k.person_id) AS acknowledged
      FROM announcement_recipients r
      LEFT JOIN person_units pu ON pu.person_id = r.person_id
      LEFT JOIN units u ON u.id = pu.unit_id
      LEFT JOIN announcement_acks k ON k.announcement_id = r.announcement_id AND k.version = ${a.version} AND k.person_id = r.person_id
      WHERE r.announcement_id = ${a.id}
      GROUP BY u.id, u.name_th, u.sort_order
      ORDER BY u.sort_order NULLS LAST, u.name_th`)
    const missing = await tx.execute<{ person_id: string; full_name: string; position: string | null; units: string | null; user_id: string | null }>(sql`
      SELECT p.id AS person_id, p.full_name, p.position, p.user_id,
        (SELECT string_agg(u.name_th, ', ' ORDER BY u.sort_order) FROM person_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.person_id = p.id) AS units
      FROM announcement_recipients r JOIN people p ON p.id = r.person_id
      WHERE r.announcement_id = ${a.id}
        AND NOT EXISTS (SELECT 1 FROM announcement_acks k WHERE k.announcement_id = r.announcement_id AND k.version = ${a.version} AND k.person_id = r.person_id)
      ORDER BY p.full_name`)
    const [tot] = (
      await tx.execute<{ asked: string; acknowledged: string }>(sql`
      SELECT count(*) AS asked, count(k.person_id) AS acknowledged FROM announcement_recipients r
      LEFT JOIN announcement_acks k ON k.announcement_id = r.announcement_id AND k.version = ${a.version} AND k.person_id = r.person_id
      WHERE r.announcement_id = ${a.id}`)
    ).rows
    const me = ctx.actor ? await personOfUser(tx, ctx.actor.userId) : null
    let mine: AckProgress['mine'] = 'no_person'
    if (me) {
      const [asked] = await tx.select().from(announcementRecipients).where(and(eq(announcementRecipients.announcementId, a.id), eq(announcementRecipients.personId, me.id)))
      mine = !asked ? 'not_asked' : missing.rows.some((m) => m.person_id === me.id) ? 'asked' : 'done'
    }
    return {
      asked: Number(tot?.asked ?? 0),
      acknowledged: Number(tot?.acknowledged ?? 0),
      units: units.rows.map((u) => ({ unitId: u.unit_id, unitName: u.unit_name, asked: Number(u.asked), acknowledged: Number(u.acknowledged) })),
      missing: missing.rows.map((m) => ({ personId: m.person_id, fullName: m.full_name, position: m.position, units: m.units ?? '', hasAccount: !!m.user_id })),
      mine,
    }
  })
}

const refuse = (key: 'ack.notAsked' | 'ack.notOpen' | 'ack.noPerson' | 'ack.linkUsed' | 'ack.revised') => new AppError('conflict', 409, localized(announcementsT, key))

async function record(tx: Tx, a: Announcement, personId: string, via: 'account' | 'link' | 'paper', by: { userId: string | null; label: string; requestId: string }): Promise<boolean> {
  if (a.status !== 'published' || a.ackScope === 'none') throw refuse('ack.notOpen')
  const [asked] = await tx.select().from(announcementRecipients).where(and(eq(announcementRecipients.announcementId, a.id), eq(announcementRecipients.personId, personId)))
  if (!asked) throw refuse('ack.notAsked')
  const rows = await tx
    .insert(announcementAcks)
    .values({ orgId: a.orgId, announcementId: a.id, version: a.version, personId, via, userId: via === 'account' ? by.userId : null, recordedBy: via === 'paper' ? by.userId : null })
    .onConflictDoNothing()
    .returning({ personId: announcementAcks.personId })
  if (rows.length === 0) return false
  await appendAudit(tx, { orgId: a.orgId, actorUserId: by.userId, actorLabel: by.label, action: 'announcements.acknowledge', entityType: 'announcement', entityId: a.id, requestId: by.requestId, details: { personId, version: a.version, via } })
  await syncAckDeadline(tx, a)
  return true
}

/** The signed-in person acknowledges (a second click changes nothing). */
export async function acknowledgeAsAccount(ctx: OrgUseCaseCtx, id: string): Promise<boolean> {
  assertCan(ctx.actor, 'announcements.acknowledge')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const a = await lockAnnouncement(tx, id)
    const me = await personOfUser(tx, actor.userId)
    if (!me) throw refuse('ack.noPerson')
    return record(tx, a, me.id, 'account', { userId: actor.userId, label: actor.email, requestId: ctx.requestId })
  })
}

/** Staff record acknowledgements signed on the paper sheet. */
export async function recordPaperAcks(ctx: OrgUseCaseCtx, id: string, personIds: string[]): Promise<number> {
  assertCan(ctx.actor, 'announcements.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const a = await lockAnnouncement(tx, id)
    let n = 0
    for (const p of new Set(personIds)) if (await record(tx, a, p, 'paper', { userId: actor.userId, label: actor.email, requestId: ctx.requestId })) n++
    return n
  })
}

const refOf = (a: Pick<Announcement, 'id' | 'version'>) => `${a.id}@${a.version}`

/**
 * Single-use links for the people still missing who have no account (or all missing, when asked);
 * mailed to those with an address when `urlOf` gives the link's public URL.
 */
export async function issueAckLinks(ctx: OrgUseCaseCtx, id: string, opts: { withAccounts?: boolean; urlOf?: (token: string) => string } = {}): Promise<IssuedLink[]> {
  assertCan(ctx.actor, 'announcements.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const a = await lockAnnouncement(tx, id)
    if (a.status !== 'published' || a.ackScope === 'none') throw refuse('ack.notOpen')
    const missing = await missingIds(tx, a)
    const people = (missing.length ? await peopleFor(tx, { personIds: missing }) : []).filter((p) => opts.withAccounts || !p.userId)
    const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000)
    const links = await issuePersonLinks(tx, { orgId: ctx.orgId, purpose: LINK_PURPOSE, ref: refOf(a), personIds: people.map((p) => p.id), expiresAt })
    const byId = new Map(people.map((p) => [p.id, p]))
    const issued = links.map((l) => ({ person: byId.get(l.personId)!, token: l.token }))
    const out = opts.urlOf ? await mailIssuedLinks(tx, ctx.orgId, issued, { what: a.subject, urlOf: opts.urlOf, expiresAt }) : issued.map((l) => ({ ...l, mailedTo: null }))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcements.links_issued', entityType: 'announcement', entityId: a.id, requestId: ctx.requestId, details: { count: links.length, mailed: out.filter((l) => l.mailedTo).length, version: a.version } })
    return out
  })
}

export type LinkView = { announcement: Announcement; personName: string }

/** What a link opens (without using it): the announcement and whose link it is; null when used or expired. */
export async function openAckLink(db: Db, orgId: string, token: string): Promise<LinkView | null> {
  return inOrg(db, orgId, async (tx) => {
    const link = await openPersonLink(tx, token, LINK_PURPOSE)
    if (!link) return null
    const [a] = await tx.select().from(announcements).where(eq(announcements.id, link.ref.split('@')[0]!))
    const p = await personById(tx, link.personId)
    return a && p ? { announcement: a, personName: p.fullName } : null
  })
}

/** Acknowledges through a link, using it in the same transaction (a second submit is refused). */
export async function acknowledgeByLink(db: Db, orgId: string, token: string, requestId: string): Promise<LinkView> {
  return inOrg(db, orgId, async (tx) => {
    const link = await redeemPersonLink(tx, token, LINK_PURPOSE)
    if (!link) throw refuse('ack.linkUsed')
    const [id, version] = link.ref.split('@')
    const a = await lockAnnouncement(tx, id!)
    if (String(a.version) !== version) throw refuse('ack.revised')
    const p = await personById(tx, link.personId)
    await record(tx, a, link.personId, 'link', { userId: null, label: `person-link:${p?.fullName ?? link.personId}`, requestId })
    return { announcement: a, personName: p?.fullName ?? '' }
  })
}
