import { randomInt } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { isUuid } from '../../platform/http/params.js'
import { toIsoDate, todayInBangkok } from '../../platform/thai/index.js'
import { attendees, certificates, sessions, type Certificate, type Session } from './trainings.schema.js'
import { audit, conflict, lockSession, notFound, sessionIn } from './shared.js'

// Certificates (เกียรติบัตร) for the attendees recorded present: name, course, dates, hours, signer,
// and a verification code that anyone can check on the agency's public site.

/** Digits and capitals without 0/O, 1/I/L, 5/S, 8/B (read aloud or typed from paper). */
const ALPHABET = '234679ACDEFGHJKMNPQRTUVWXYZ'
export const newCode = () => Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-')
/** A code as typed: lower case, spaces, no dashes, Thai keyboard mistakes aside → XXXX-XXXX-XXXX or null. */
export function normaliseCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[^0-9A-Z]/g, '')
  return s.length === 12 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}` : null
}

export type SignerInput = { signerName: string; signerPosition: string }

/** Issues a certificate to everyone present who has none yet (codes unique per agency); returns how many. */
export async function issueCertificates(ctx: OrgUseCaseCtx, sessionId: string, input: SignerInput): Promise<number> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSession(tx, sessionId)
    if (s.status === 'draft') throw conflict('certificate.draft')
    const present = await tx.select().from(attendees).where(and(eq(attendees.sessionId, sessionId), eq(attendees.status, 'present')))
    const have = new Set((await tx.select({ a: certificates.attendeeId }).from(certificates).where(eq(certificates.sessionId, sessionId))).map((r) => r.a))
    const fresh = present.filter((a) => !have.has(a.id))
    if (fresh.length === 0) throw conflict('certificate.none')
    const issuedOn = toIsoDate(todayInBangkok())
    for (const a of fresh) {
      // A collision of 27^12 codes is unlikely; the unique index is the guard, and a retry draws again.
      for (let tries = 0; ; tries++) {
        const rows = await tx.insert(certificates).values({ orgId: ctx.orgId, sessionId, attendeeId: a.id, code: newCode(), name: a.name, ...input, issuedOn }).onConflictDoNothing().returning({ id: certificates.id })
        if (rows.length || tries > 5) break
      }
    }
    await audit(tx, ctx, 'certificate.issue', 'training_session', sessionId, { issued: fresh.length, signer: input.signerName })
    return fresh.length
  })
}

export async function certificatesOf(ctx: OrgUseCaseCtx, sessionId: string): Promise<{ session: Session; certificates: Certificate[] }> {
  assertCan(ctx.actor, 'trainings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const session = await sessionIn(tx, sessionId)
    if (!session) throw notFound()
    return { session, certificates: await tx.select().from(certificates).where(eq(certificates.sessionId, sessionId)).orderBy(certificates.name) }
  })
}

export async function certificateOf(ctx: OrgUseCaseCtx, sessionId: string, id: string): Promise<{ session: Session; certificate: Certificate }> {
  assertCan(ctx.actor, 'trainings.read')
  if (!isUuid(id)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const session = await sessionIn(tx, sessionId)
    const [certificate] = session ? await tx.select().from(certificates).where(and(eq(certificates.sessionId, session.id), eq(certificates.id, id))) : []
    if (!session || !certificate) throw notFound()
    return { session, certificate }
  })
}

export type Verified = Pick<Certificate, 'code' | 'name' | 'issuedOn' | 'signerName' | 'signerPosition'> & Pick<Session, 'topic' | 'startsOn' | 'endsOn' | 'hours'>

/** The public check of a code: what the certificate says, or null (public data, no permission). */
export async function verifyCertificate(db: Db, orgId: string, raw: string): Promise<Verified | null> {
  const code = normaliseCode(raw)
  if (!code) return null
  const [row] = await inOrg(db, orgId, (tx) =>
    tx
      .select({ code: certificates.code, name: certificates.name, issuedOn: certificates.issuedOn, signerName: certificates.signerName, signerPosition: certificates.signerPosition, topic: sessions.topic, startsOn: sessions.startsOn, endsOn: sessions.endsOn, hours: sessions.hours })
      .from(certificates)
      .innerJoin(sessions, and(eq(sessions.orgId, certificates.orgId), eq(sessions.id, certificates.sessionId)))
      .where(eq(certificates.code, code)),
  )
  return row ?? null
}
