import nodemailer, { type Transporter } from 'nodemailer'
import type { AppDeps } from '../module/manifest.js'
import { deliverOutbox } from './mail.js'

let transport: { url: string; t: Transporter } | undefined

/** Sends what the outbox holds through SMTP_URL; without SMTP it does nothing (the outbox is read in the UI). */
export async function deliverMail(deps: AppDeps): Promise<number> {
  const url = deps.config.smtpUrl
  if (!url) return 0
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) }
  return deliverOutbox(deps.db, transport.t, deps.config.mailFrom)
}
