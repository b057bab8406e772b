import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import QRCode from 'qrcode'
import type { Tx } from '../../db/client.js'
import { randomToken, tokenHash, TOKEN_SHAPE } from '../crypto/tokens.js'
import { queueMail } from '../mail/mail.js'
import { personLinks } from './people.schema.js'

// Single-use links for people without a login account: a module (acknowledging an announcement,
// a nil return of gifts, a conflict-of-interest declaration) issues one link per person and
// record, mails it or prints it as a QR code, and redeems it in the transaction that records the
// answer. Only a SHA-256 of the token is stored, so a database copy cannot be used to answer.

export type PersonLinkPurpose = `${string}.${string}`
export type IssuedLink = { personId: string; token: string }


/**
 * Issues (or re-issues) a link per person for one record; an earlier unused link of the same
 * person, purpose and record stops working. Returns the tokens to put in URLs — they are never
 * stored, so a lost token means issuing again.
 */
export async function issuePersonLinks(tx: Tx, p: { orgId: string; purpose: PersonLinkPurpose; ref: string; personIds: readonly string[]; expiresAt: Date }): Promise<IssuedLink[]> {
  const out: IssuedLink[] = []
  for (const personId of new Set(p.personIds)) {
    const token = randomToken(32)
    await tx
      .insert(personLinks)
      .values({ orgId: p.orgId, personId, purpose: p.purpose, ref: p.ref, tokenHash: tokenHash(token), expiresAt: p.expiresAt })
      .onConflictDoUpdate({
        target: [personLinks.orgId, personLinks.purpose, personLinks.ref, personLinks.personId],
        set: { tokenHash: tokenHash(token), expiresAt: p.expiresAt, createdAt: sql`now()`, usedAt: null },
        // A link already used stays used: the answer it gave is on record.
        setWhere: isNull(personLinks.usedAt),
      })
    out.push({ personId, token })
  }
  return out
}

export type OpenLink = { id: string; personId: string; purpose: string; ref: string; expiresAt: Date }

/** The link a token opens, if it is unused and unexpired (for showing the form; does not use it). */
export async function openPersonLink(tx: Tx, token: string, purpose: PersonLinkPurpose): Promise<OpenLink | null> {
  if (!TOKEN_SHAPE.test(token)) return null
  const [row] = await tx
    .select({ id: personLinks.id, personId: personLinks.personId, purpose: personLinks.purpose, ref: personLinks.ref, expiresAt: personLinks.expiresAt })
    .from(personLinks)
    .where(and(eq(personLinks.tokenHash, tokenHash(token)), eq(personLinks.purpose, purpose), isNull(personLinks.usedAt), gt(personLinks.expiresAt, sql`now()`)))
  return row ?? null
}

/**
 * Uses a link, once: call it in the transaction that records the answer. Two submits of the same
 * link race on the row; only one gets it back.
 */
export async function redeemPersonLink(tx: Tx, token: string, purpose: PersonLinkPurpose): Promise<OpenLink | null> {
  if (!TOKEN_SHAPE.test(token)) return null
  const [row] = await tx
    .update(personLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(personLinks.tokenHash, tokenHash(token)), eq(personLinks.purpose, purpose), isNull(personLinks.usedAt), gt(personLinks.expiresAt, sql`now()`)))
    .returning({ id: personLinks.id, personId: personLinks.personId, purpose: personLinks.purpose, ref: personLinks.ref, expiresAt: personLinks.expiresAt })
  return row ?? null
}

/** Which of some people have used their link for a record (for "who has not answered yet"). */
export async function usedPersonLinks(tx: Tx, purpose: PersonLinkPurpose, ref: string, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set()
  const rows = await tx
    .select({ personId: personLinks.personId })
    .from(personLinks)
    .where(and(eq(personLinks.purpose, purpose), eq(personLinks.ref, ref), inArray(personLinks.personId, [...personIds]), sql`${personLinks.usedAt} IS NOT NULL`))
  return new Set(rows.map((r) => r.personId))
}

/** A printable QR code (SVG, no script) of a link's full URL, for a sheet handed to staff without e-mail. */
export async function linkQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}

export type LinkRecipient = { personId: string; fullName: string; email: string | null }

/**
 * Mails each person their own link (in the caller's transaction, through the outbox), for those
 * with an e-mail address; returns who has none, so the module can print their QR codes instead.
 */
export async function mailPersonLinks(
  tx: Tx,
  p: { orgId: string; links: readonly IssuedLink[]; recipients: readonly LinkRecipient[]; subject: string; text: (name: string, url: string) => string; url: (token: string) => string },
): Promise<{ mailed: number; withoutEmail: LinkRecipient[] }> {
  const byId = new Map(p.recipients.map((r) => [r.personId, r]))
  let mailed = 0
  const withoutEmail: LinkRecipient[] = []
  for (const l of p.links) {
    const r = byId.get(l.personId)
    if (!r) continue
    if (!r.email) {
      withoutEmail.push(r)
      continue
    }
    await queueMail(tx, { orgId: p.orgId, to: r.email, subject: p.subject, text: p.text(r.fullName, p.url(l.token)) })
    mailed++
  }
  return { mailed, withoutEmail }
}
