import { and, isNull, lt, sql } from 'drizzle-orm'
import type { Transporter } from 'nodemailer'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import { mailOutbox } from './mail.schema.js'

export type Mail = { orgId: string | null; to: string; subject: string; text: string }

/**
 * Queues a mail in the caller's transaction (transactional outbox): the mail exists exactly
 * when the change that caused it committed. Without SMTP the outbox is the delivery: the
 * platform admin reads it in the UI.
 */
export async function queueMail(tx: Tx, mail: Mail): Promise<void> {
  await tx.insert(mailOutbox).values({ orgId: mail.orgId, toAddress: mail.to, subject: mail.subject, bodyText: mail.text })
}

/** Sends queued mail through SMTP when configured. Runs as a platform-scope reader of the outbox. */
export async function deliverOutbox(db: Db, transport: Transporter, from: string, limit = 50): Promise<number> {
  const pending = await inOrg(db, null, (tx) =>
    tx.select().from(mailOutbox).where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.createdAt, sql`now()`))).limit(limit),
  )
  let sent = 0
  for (const m of pending) {
    try {
      await transport.sendMail({ from, to: m.toAddress, subject: m.subject, text: m.bodyText })
      await inOrg(db, m.orgId, (tx) => tx.update(mailOutbox).set({ sentAt: new Date(), error: null }).where(sql`id = ${m.id}`))
      sent++
    } catch (e) {
      await inOrg(db, m.orgId, (tx) => tx.update(mailOutbox).set({ error: String((e as Error).message).slice(0, 500) }).where(sql`id = ${m.id}`))
    }
  }
  return sent
}
