import type { Tx } from '../../db/client.js'
import { queueMail } from '../../platform/mail/mail.js'
import type { Person } from '../../platform/people/directory.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { announcementsT } from './announcements.i18n.js'

export type IssuedLink = { person: Person; token: string; mailedTo: string | null }

/**
 * Mails each issued link to its person when the directory has an address, in the transaction that
 * issued it (the outbox masks the token for everyone but the addressee). Thai: staff mail.
 */
export async function mailIssuedLinks(tx: Tx, orgId: string, links: { person: Person; token: string }[], m: { what: string; urlOf: (token: string) => string; expiresAt: Date }): Promise<IssuedLink[]> {
  const out: IssuedLink[] = []
  for (const l of links) {
    const to = l.person.email?.trim() || null
    if (to) {
      const text = announcementsT('th', 'links.mailBody', { name: l.person.fullName, what: m.what, url: m.urlOf(l.token), until: formatThaiDate(m.expiresAt) })
      await queueMail(tx, { orgId, to, subject: announcementsT('th', 'links.mailSubject', { what: m.what }), text })
    }
    out.push({ ...l, mailedTo: to })
  }
  return out
}
