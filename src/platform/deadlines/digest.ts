import { and, eq, isNull, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../module/manifest.js'
import { users } from '../auth/auth.schema.js'
import { queueMail } from '../mail/mail.js'
import { listOrgs } from '../orgs/orgs.service.js'
import { formatThaiDate } from '../thai/dates.js'
import { toIsoDate, todayInBangkok } from '../thai/calendar.js'
import { deadlineDigests } from './deadlines.schema.js'
import { dueByAssignee } from './deadlines.service.js'
import { dlt } from './deadlines.i18n.js'

/** Work due within this many days (or overdue) is in the digest. */
export const DIGEST_DAYS = 7

/**
 * The daily digest: one mail per person with all their open work due soon or overdue — never a
 * mail per item. Idempotent: a person gets at most one digest a day (claimed in deadline_digests
 * in the same transaction as the mail), whichever process runs the job and however often.
 */
export async function sendDeadlineDigests(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const today = toIsoDate(todayInBangkok(now))
  const origin = deps.config.siteOrigin
  let sent = 0
  for (const org of await listOrgs(deps.db)) {
    sent += await inOrg(deps.db, org.id, async (tx) => {
      let n = 0
      const byUser = await dueByAssignee(tx, today, DIGEST_DAYS)
      for (const [userId, items] of byUser) {
        const [u] = await tx.select().from(users).where(and(eq(users.id, userId), isNull(users.disabledAt)))
        if (!u) continue
        const claimed = await tx.insert(deadlineDigests).values({ orgId: org.id, userId, day: today, items: items.length }).onConflictDoNothing().returning({ userId: deadlineDigests.userId })
        if (!claimed.length) continue
        const L = u.lang
        const base = `${origin}/o/${org.slug}/admin`
        const overdue = items.filter((i) => i.overdue).length
        const lines = items.map((i) =>
          dlt(L, 'digest.item', { state: i.overdue ? dlt(L, 'digest.overdue') : '', title: L === 'en' ? i.titleEn : i.titleTh, date: formatThaiDate(i.dueOn, { lang: L }), link: base + i.href }),
        )
        await queueMail(tx, {
          orgId: org.id,
          to: u.email,
          subject: dlt(L, 'digest.subject', { org: org.nameTh, count: items.length, overdue }),
          text: [dlt(L, 'digest.intro', { name: u.displayName }), '', ...lines, '', dlt(L, 'digest.footer', { link: `${base}/todo` })].join('\n'),
        })
        n++
      }
      return n
    })
  }
  return sent
}

/** How many digests a day there were for an agency (tests and the platform admin). */
export async function digestsOn(deps: AppDeps, orgId: string, day: string): Promise<number> {
  const [r] = await inOrg(deps.db, orgId, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(deadlineDigests).where(eq(deadlineDigests.day, day)))
  return r?.n ?? 0
}
