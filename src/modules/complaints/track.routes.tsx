import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { formAction } from '../../platform/http/forms.js'
import { InputError } from '../../platform/http/errors.js'
import { isSecureRequest } from '../../platform/http/middleware.js'
import { addressBucket, clientAddress, countHit, minutesUntil } from '../../platform/http/rate-limit.js'
import { hmacSha256, timingSafeEqualStr } from '../../platform/crypto/index.js'
import { localized } from '../../platform/i18n/i18n.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { orgBase } from '../../platform/ui/menu.js'
import { render } from '../../platform/ui/render.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { inOrg } from '../../db/client.js'
import { ct } from './complaints.i18n.js'
import { attachmentRule, fileErrorsOn, messageLabels, reporterMessageSchema, trackLabels, trackSchema } from './complaints.forms.js'
import { openByReceipt, reporterView } from './reporter.js'
import { reporterMessage } from './messages.js'
import { reporterFile } from './case-files.js'
import { normalizeReceiptCode } from './receipt.js'
import { downloadHeaders } from './download.js'
import { TrackCasePage, TrackPage } from './views/track.js'

// The reporter's access after entering the code: a signed, short-lived cookie naming the case.
// Nothing is stored on the server, so the reporter stays anonymous.
const CASE_COOKIE = 'psai_case'
const CASE_MINUTES = 30
function caseCookie(c: OrgContext, caseId: string): string {
  const exp = Date.now() + CASE_MINUTES * 60_000
  const sig = hmacSha256(c.get('deps').appSecret, `complaint-case:${c.get('org').id}:${caseId}:${exp}`)
  return `${caseId}.${exp}.${sig}`
}
function caseFromCookie(c: OrgContext): string | null {
  const v = getCookie(c, CASE_COOKIE)
  const m = v?.match(/^([0-9a-f-]{36})\.(\d+)\.([\w-]+)$/)
  if (!m || Number(m[2]) < Date.now()) return null
  const sig = hmacSha256(c.get('deps').appSecret, `complaint-case:${c.get('org').id}:${m[1]}:${m[2]}`)
  return timingSafeEqualStr(sig, m[3]!) ? m[1]! : null
}

// Receipt-code attempts per address (IPv6: per /64) per agency, counted in PostgreSQL before the
// slow lookup, so parallel guesses and several app processes share one count. There is no
// agency-wide limit: an accused person must not be able to lock every reporter out. Why these
// numbers keep a 53-bit code out of reach: docs/decisions/0010-receipt-and-sign-in-limits.md.
export const RECEIPT_ATTEMPTS = { max: 10, windowMs: 15 * 60_000 }
// (built from the org, not pageCtx: pageCtx consumes the flash cookie)
const trackBase = (c: OrgContext) => `${orgBase(c.get('org').slug)}/complaints/track`

/** Following a case with the receipt code: open, read, write to the officer, download files. */
export function trackRoutes() {
  const app = new Hono<OrgEnv>()
  const toTrack = (c: OrgContext) => {
    flash(c, ct(c.get('lang'), 'track.expired'))
    return c.redirect(trackBase(c), 303)
  }

  app.get('/complaints/track', (c) => render(c, <TrackPage ctx={pageCtx(c)} />))
  app.post('/complaints/track', async (c) => {
    const org = c.get('org')
    const deps = c.get('deps')
    const throttled = async (resetAt: Date) => {
      await inOrg(deps.db, org.id, (tx) => appendAudit(tx, { orgId: org.id, actorLabel: 'reporter', action: 'complaint.receipt_throttled', entityType: 'complaint', requestId: c.get('requestId') }))
      c.header('Retry-After', String(Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000))))
      c.set('formFailed', true)
      return render(c, <TrackPage ctx={pageCtx(c)} errors={{ code: ct(c.get('lang'), 'track.throttled', { minutes: minutesUntil(resetAt) }) }} />, 429)
    }
    return formAction(c, {
      schema: trackSchema,
      labels: trackLabels(c.get('lang')),
      // Errors only: the submitted code is never echoed back (see TrackPage).
      view: (s) => <TrackPage ctx={pageCtx(c)} errors={s.errors} />,
      submit: async (d) => {
        // A malformed code is refused before any lookup (and is no guess at any real code).
        const code = normalizeReceiptCode(d.code ?? '')
        if (!code) throw new InputError({ code: localized(ct, d.code?.trim() ? 'track.malformed' : 'v.code') })
        // Counted first, atomically: every lookup is an attempt, a right one too (else one known
        // code would reset the count between guesses).
        const bucket = hmacSha256(deps.appSecret, `complaint-guess:${org.id}:${addressBucket(clientAddress(c) || 'in-process')}`)
        const { hits, resetAt } = await countHit(deps.db, bucket, RECEIPT_ATTEMPTS.windowMs)
        if (hits > RECEIPT_ATTEMPTS.max) return throttled(resetAt)
        const caseId = await openByReceipt(deps, org.id, code, c.get('requestId'))
        if (!caseId) throw new InputError({ code: localized(ct, 'track.wrong') })
        setCookie(c, CASE_COOKIE, caseCookie(c, caseId), { path: trackBase(c), httpOnly: true, sameSite: 'Strict', secure: isSecureRequest(c), maxAge: CASE_MINUTES * 60 })
        return c.redirect(`${trackBase(c)}/case`, 303)
      },
    })
  })

  const caseRead = (c: OrgContext, caseId: string) => reporterView(c.get('deps'), c.get('org').id, caseId, c.get('requestId'))
  app.get('/complaints/track/case', async (c) => {
    const caseId = caseFromCookie(c)
    if (!caseId) return toTrack(c)
    return render(c, <TrackCasePage ctx={pageCtx(c)} v={await caseRead(c, caseId)} />)
  })
  app.post('/complaints/track/case/messages', async (c) => {
    const caseId = caseFromCookie(c)
    if (!caseId) return toTrack(c)
    return formAction(c, {
      schema: reporterMessageSchema,
      labels: messageLabels(c.get('lang')),
      files: { files: attachmentRule() },
      view: async (s) => <TrackCasePage ctx={pageCtx(c)} v={await caseRead(c, caseId)} {...s} />,
      submit: async (d, files) => {
        const uploads = files.files ?? []
        if (!d.body && !uploads.length) throw new InputError({ body: localized(ct, 'v.messageOrFile') })
        await fileErrorsOn('files', () => reporterMessage(c.get('deps'), c.get('org').id, caseId, d.body ?? '', uploads, c.get('requestId')))
        flash(c, ct(c.get('lang'), 'track.sent'))
        return c.redirect(`${trackBase(c)}/case`, 303)
      },
    })
  })
  app.get('/complaints/track/case/files/:fileId', async (c) => {
    const caseId = caseFromCookie(c)
    if (!caseId) return toTrack(c)
    const file = await reporterFile(c.get('deps'), c.get('org').id, caseId, c.req.param('fileId'), c.get('requestId'))
    return c.body(new Uint8Array(file.bytes), 200, downloadHeaders(file))
  })
  app.post('/complaints/track/leave', (c) => {
    deleteCookie(c, CASE_COOKIE, { path: trackBase(c) })
    return c.redirect(trackBase(c), 303)
  })
  return app
}
