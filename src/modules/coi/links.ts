import { inOrg, type Db } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { peopleFor, personById, type Person } from '../../platform/people/directory.js'
import { issuePersonLinks, openPersonLink, redeemPersonLink } from '../../platform/people/person-links.js'
import { fiscalYearOf, toIsoDate, todayInBangkok } from '../../platform/thai/index.js'
import { coiT } from './coi.i18n.js'
import { DECLARATION_KINDS, type DeclarationKind } from './coi.schema.js'
import { checkInput, insertDeclaration, type DeclarationInput } from './declarations.js'

// Single-use links (platform person_links) for people without an account: an officer issues one
// for a person of the people directory and a kind of declaration; the person opens the public URL,
// sees only a blank declaration form (never an earlier declaration), and files it once — the link
// is used in the transaction that files it. Only the token's SHA-256 is stored (by the platform).

export const LINK_PURPOSE = 'coi.declare' as const
export const LINK_DAYS = 30

// A link's record is `<kind>:<fiscal year of issue>`, with `#n` when earlier links of that record
// were used: issuing again replaces the person's unused link, and never returns a used one's token.
const refOf = (kind: DeclarationKind, fy: number, n: number) => (n === 0 ? `${kind}:${fy}` : `${kind}:${fy}#${n}`)
const kindOf = (ref: string): DeclarationKind | null => DECLARATION_KINDS.find((k) => ref.startsWith(`${k}:`)) ?? null

export type IssuedDeclarationLink = { person: Person; kind: DeclarationKind; token: string; expiresAt: Date }

/** Everyone a link may be issued for: the agency's active people (the officer's chooser). */
export async function linkCandidates(ctx: OrgUseCaseCtx): Promise<Person[]> {
  assertCan(ctx.actor, 'coi.manage')
  return inOrg(ctx.db, ctx.orgId, (tx) => peopleFor(tx, { all: true }))
}

/** Issues a person's single-use link for one declaration of a kind; audited (never the token). */
export async function issueDeclarationLink(ctx: OrgUseCaseCtx, personId: string, kind: DeclarationKind): Promise<IssuedDeclarationLink> {
  assertCan(ctx.actor, 'coi.manage')
  const actor = ctx.actor
  const notFound = () => new InputError({ personId: { th: coiT('th', 'v.person'), en: coiT('en', 'v.person') } })
  if (!isUuid(personId)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const person = await personById(tx, personId)
    if (!person) throw notFound()
    const fy = fiscalYearOf(toIsoDate(todayInBangkok()))
    const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000)
    for (let n = 0; n < 100; n++) {
      const ref = refOf(kind, fy, n)
      const [link] = await issuePersonLinks(tx, { orgId: ctx.orgId, purpose: LINK_PURPOSE, ref, personIds: [person.id], expiresAt })
      // A used link of the record stays used (the platform keeps its answer): try the next record.
      const opened = link && (await openPersonLink(tx, link.token, LINK_PURPOSE))
      if (!link || !opened) continue
      await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'coi.link.issue', entityType: 'person', entityId: person.id, requestId: ctx.requestId, details: { kind, ref, linkId: opened.id, expiresAt: expiresAt.toISOString() } })
      return { person, kind, token: link.token, expiresAt }
    }
    throw new AppError('conflict', 409)
  })
}

export type DeclarationLinkView = { personName: string; kind: DeclarationKind; expiresAt: Date }

/** What a link opens (without using it): whose declaration of which kind; null when used, expired, replaced or unknown. */
export async function openDeclarationLink(db: Db, orgId: string, token: string): Promise<DeclarationLinkView | null> {
  return inOrg(db, orgId, async (tx) => {
    const link = await openPersonLink(tx, token, LINK_PURPOSE)
    const kind = link && kindOf(link.ref)
    const person = link && (await personById(tx, link.personId))
    return link && kind && person ? { personName: person.fullName, kind, expiresAt: link.expiresAt } : null
  })
}

/**
 * Files the declaration a link is for, using the link in the same transaction; the kind is the
 * link's, whatever the form says. Null when the link is used (also by a second submit racing this one), expired or unknown.
 */
export async function fileDeclarationByLink(db: Db, orgId: string, token: string, input: DeclarationInput, requestId: string | null): Promise<DeclarationLinkView | null> {
  return inOrg(db, orgId, async (tx) => {
    const link = await openPersonLink(tx, token, LINK_PURPOSE)
    const kind = link && kindOf(link.ref)
    if (!link || !kind) return null
    const filed: DeclarationInput = { ...input, kind }
    checkInput(filed)
    const used = await redeemPersonLink(tx, token, LINK_PURPOSE)
    const person = used && (await personById(tx, used.personId))
    if (!used || !person) return null
    await insertDeclaration(tx, { orgId, requestId, userId: null, label: `person-link:${used.id}`, via: 'link' }, person, filed)
    return { personName: person.fullName, kind, expiresAt: used.expiresAt }
  })
}
