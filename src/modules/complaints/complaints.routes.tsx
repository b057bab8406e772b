import { Hono } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import { z } from 'zod'
import { toDataURL } from 'qrcode'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, readForm, validate, type FormErrors, type FormValues } from '../../platform/http/forms.js'
import { AppError } from '../../platform/http/errors.js'
import { isSecureRequest } from '../../platform/http/middleware.js'
import { clientAddress, rateLimit } from '../../platform/http/rate-limit.js'
import { hmacSha256, randomToken, timingSafeEqualStr } from '../../platform/crypto/index.js'
import { CsrfField } from '../../platform/ui/layout.js'
import { CheckboxField, ErrorSummary, SelectField, TableWrap, TextArea, TextField } from '../../platform/ui/fields.js'
import { flash, pageCtx, type PageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { inOrg } from '../../db/client.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { PublicLayout } from '../../platform/ui/layout.js'
import { ct } from './complaints.i18n.js'
import { CATEGORIES } from './complaints.schema.js'
import { openByReceipt, reporterFile, reporterMessage, reporterView, submitReport } from './complaints.service.js'
import { formatReceiptCode, normalizeReceiptCode } from './receipt.js'
import { fiscalYearsWithReports, publicStats, type FiscalYearStats } from './stats.js'
import { CaseSummary, digits, downloadHeaders, FileList, Messages, MessageForm } from './views.js'
import { GuessThrottle } from './throttle.js'

export const base = (ctx: { org: { slug: string } | null }) => `/o/${ctx.org!.slug}/complaints`

export const ReportInput = z.object({
  category: f.choice(CATEGORIES),
  subject: f.text(200),
  details: f.text(10_000),
  whenWhere: f.optionalText(1000),
  who: f.optionalText(1000),
  contactName: f.optionalText(200),
  contactPhone: f.optionalText(50),
  contactEmail: z.union([z.literal(''), f.email()]).optional().transform((v) => v || undefined),
  consent: f.checkbox().refine((v) => v, { message: 'v.consent' }),
  nonce: z.string().regex(/^[\w-]{16,64}$/).optional(),
})
export const reportLabels = (L: PageCtx['lang']) => ({
  category: ct(L, 'f.category'),
  subject: ct(L, 'f.subject'),
  details: ct(L, 'f.details'),
  whenWhere: ct(L, 'f.whenWhere'),
  who: ct(L, 'f.who'),
  contactName: ct(L, 'f.contactName'),
  contactPhone: ct(L, 'f.contactPhone'),
  contactEmail: ct(L, 'f.contactEmail'),
  consent: ct(L, 'f.consent'),
})

/** Files from a multipart form as name + bytes. */
export async function uploadsOf(files: Record<string, File[]>, field = 'files') {
  return Promise.all((files[field] ?? []).map(async (x) => ({ name: x.name, bytes: new Uint8Array(await x.arrayBuffer()) })))
}

/** The report fields, shared by the public form and staff intake. */
export const ReportFields = (p: { ctx: PageCtx; values?: FormValues | undefined; errors?: FormErrors | undefined }) => {
  const L = p.ctx.lang
  return (
    <>
      <SelectField name="category" label={ct(L, 'f.category')} values={p.values} errors={p.errors} required placeholder="" options={CATEGORIES.map((c) => ({ value: c, label: ct(L, `cat.${c}`) }))} />
      <TextField name="subject" label={ct(L, 'f.subject')} values={p.values} errors={p.errors} required maxlength={200} />
      <TextArea name="details" label={ct(L, 'f.details')} hint={ct(L, 'f.details.hint')} values={p.values} errors={p.errors} required rows={8} />
      <TextField name="whenWhere" label={ct(L, 'f.whenWhere')} values={p.values} errors={p.errors} maxlength={1000} />
      <TextField name="who" label={ct(L, 'f.who')} values={p.values} errors={p.errors} maxlength={1000} />
      <div class="field">
        <label for="files">{ct(L, 'f.files')}</label>
        <span class="hint" id="files-hint">
          {ct(L, 'f.files.hint')}
        </span>
        {p.errors?.files && (
          <span class="error" id="files-error">
            {p.errors.files}
          </span>
        )}
        <input id="files" name="files" type="file" multiple accept="image/jpeg,image/png,application/pdf" aria-describedby={p.errors?.files ? 'files-hint files-error' : 'files-hint'} />
      </div>
      <fieldset class="field">
        <legend>{ct(L, 'f.contact')}</legend>
        <p class="hint">{ct(L, 'f.contact.hint')}</p>
        <TextField name="contactName" label={ct(L, 'f.contactName')} values={p.values} errors={p.errors} autocomplete="off" />
        <TextField name="contactPhone" label={ct(L, 'f.contactPhone')} values={p.values} errors={p.errors} type="text" inputmode="tel" autocomplete="off" />
        <TextField name="contactEmail" label={ct(L, 'f.contactEmail')} values={p.values} errors={p.errors} type="email" autocomplete="off" />
      </fieldset>
    </>
  )
}

const ReportForm = (p: { ctx: PageCtx; values?: FormValues; errors?: FormErrors }) => {
  const L = p.ctx.lang
  return (
    <PublicLayout ctx={p.ctx} title={ct(L, 'new.title')}>
      <h1>{ct(L, 'new.title')}</h1>
      <p>{ct(L, 'new.intro')}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${base(p.ctx)}/new`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={p.ctx} />
        <input type="hidden" name="nonce" value={typeof p.values?.nonce === 'string' ? p.values.nonce : randomToken(18)} />
        <ReportFields ctx={p.ctx} values={p.values} errors={p.errors} />
        <section aria-labelledby="pdpa-title" class="card">
          <h2 id="pdpa-title">{ct(L, 'pdpa.title')}</h2>
          <p>{ct(L, 'pdpa.text')}</p>
          <CheckboxField name="consent" label={ct(L, 'f.consent')} values={p.values} errors={p.errors} />
          {p.errors?.consent && (
            <p class="error" id="consent-error">
              {p.errors.consent}
            </p>
          )}
        </section>
        <button type="submit">{ct(L, 'submit')}</button>
      </form>
      <p>
        <a href={`${base(p.ctx)}/track`}>{ct(L, 'track.title')}</a> · <a href={`${base(p.ctx)}/stats`}>{ct(L, 'stats.title')}</a>
      </p>
    </PublicLayout>
  )
}

export const ReceiptCode = async (p: { ctx: PageCtx; code: string }) => {
  const L = p.ctx.lang
  const grouped = formatReceiptCode(p.code)
  const qr = await toDataURL(p.code, { errorCorrectionLevel: 'M', margin: 1, width: 220 })
  return (
    <section aria-labelledby="receipt-code-label" class="card receipt">
      <h2 id="receipt-code-label">{ct(L, 'receipt.codeLabel')}</h2>
      <p class="receipt-code">
        <strong data-receipt-code={p.code}>{grouped}</strong>
      </p>
      <img src={qr} alt={`${ct(L, 'receipt.qr')}: ${grouped}`} width={220} height={220} />
      <p>{ct(L, 'receipt.once')}</p>
      <p class="muted">{ct(L, 'receipt.print')}</p>
    </section>
  )
}

// The reporter's access after entering the code: a signed, short-lived cookie naming the case.
// Nothing is stored on the server, so the reporter stays anonymous.
const CASE_COOKIE = 'psai_case'
const CASE_MINUTES = 30
function caseCookie(c: OrgContext, caseId: string): string {
  const exp = Date.now() + CASE_MINUTES * 60_000
  const sig = hmacSha256(c.get('deps').appSecret, `complaint-case:${c.get('org')!.id}:${caseId}:${exp}`)
  return `${caseId}.${exp}.${sig}`
}
function caseFromCookie(c: OrgContext): string | null {
  const v = getCookie(c, CASE_COOKIE)
  const m = v?.match(/^([0-9a-f-]{36})\.(\d+)\.([\w-]+)$/)
  if (!m || Number(m[2]) < Date.now()) return null
  const sig = hmacSha256(c.get('deps').appSecret, `complaint-case:${c.get('org')!.id}:${m[1]}:${m[2]}`)
  return timingSafeEqualStr(sig, m[3]!) ? m[1]! : null
}

const guesses = new GuessThrottle()

export function publicRoutes() {
  const app = new Hono<OrgEnv>()

  app.get('/complaints', (c) => c.redirect(`${base(pageCtx(c))}/new`, 303))
  app.get('/complaints/new', (c) => render(c, <ReportForm ctx={pageCtx(c)} />))
  app.post('/complaints/new', rateLimit({ name: 'complaint-submit', max: 20, windowMs: 60 * 60_000 }), async (c) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const { values, files } = await readForm(c)
    const form = validate(ReportInput, values, { lang: L, labels: reportLabels(L) })
    if (!form.ok) return render(c, <ReportForm ctx={ctx} values={form.values} errors={form.errors} />, 422)
    const d = form.data
    let r
    try {
      r = await submitReport({ ...ctxOf(c), actor: null }, {
        category: d.category,
        subject: d.subject,
        details: d.details,
        whenWhere: d.whenWhere,
        who: d.who,
        contact: { name: d.contactName, phone: d.contactPhone, email: d.contactEmail },
        files: await uploadsOf(files),
        nonce: d.nonce,
      })
    } catch (e) {
      if (e instanceof AppError && e.detail && (e.status === 413 || e.status === 415 || e.status === 422)) {
        return render(c, <ReportForm ctx={ctx} values={form.values} errors={{ files: e.detail[L] }} />, 422)
      }
      throw e
    }
    if (!r.ok) {
      return render(
        c,
        <PublicLayout ctx={ctx} title={ct(L, 'receipt.title')}>
          <h1>{ct(L, 'receipt.title')}</h1>
          <p role="status">{ct(L, 'receipt.duplicate')}</p>
          <p><a href={`${base(ctx)}/track`}>{ct(L, 'receipt.follow')}</a></p>
        </PublicLayout>,
      )
    }
    return render(
      c,
      <PublicLayout ctx={ctx} title={ct(L, 'receipt.title')}>
        <h1>{ct(L, 'receipt.title')}</h1>
        <ReceiptCode ctx={ctx} code={r.code} />
        <p>
          <a href={`${base(ctx)}/track`}>{ct(L, 'receipt.follow')}</a>
        </p>
      </PublicLayout>,
    )
  })

  const TrackForm = (p: { ctx: PageCtx; error?: string }) => {
    const L = p.ctx.lang
    return (
      <PublicLayout ctx={p.ctx} title={ct(L, 'track.title')}>
        <h1>{ct(L, 'track.title')}</h1>
        <p>{ct(L, 'track.intro')}</p>
        <ErrorSummary ctx={p.ctx} errors={p.error ? { code: p.error } : undefined} />
        <form method="post" action={`${base(p.ctx)}/track`} novalidate>
          <CsrfField ctx={p.ctx} />
          <TextField name="code" label={ct(L, 'track.code')} errors={p.error ? { code: p.error } : undefined} required inputmode="numeric" autocomplete="off" maxlength={40} />
          <button type="submit">{ct(L, 'track.open')}</button>
        </form>
      </PublicLayout>
    )
  }
  app.get('/complaints/track', (c) => render(c, <TrackForm ctx={pageCtx(c)} />))
  app.post('/complaints/track', async (c) => {
    const ctx = pageCtx(c)
    const org = c.get('org')!
    const deps = c.get('deps')
    const { values } = await readForm(c)
    const addressKey = hmacSha256(deps.appSecret, `complaint-guess:${clientAddress(c) || 'in-process'}`)
    const wait = guesses.blockedFor(org.id, addressKey)
    if (wait > 0) {
      await inOrg(deps.db, org.id, (tx) => appendAudit(tx, { orgId: org.id, actorLabel: 'reporter', action: 'complaint.receipt_throttled', entityType: 'complaint', requestId: c.get('requestId') }))
      c.header('Retry-After', String(Math.ceil(wait / 1000)))
      return render(c, <TrackForm ctx={ctx} error={ct(ctx.lang, 'track.throttled')} />, 429)
    }
    const code = normalizeReceiptCode(typeof values.code === 'string' ? values.code : '')
    const caseId = code ? await openByReceipt(deps, org.id, code, c.get('requestId')) : null
    if (!caseId) {
      guesses.fail(org.id, addressKey)
      return render(c, <TrackForm ctx={ctx} error={ct(ctx.lang, 'track.wrong')} />, 422)
    }
    setCookie(c, CASE_COOKIE, caseCookie(c, caseId), { path: `${base(ctx)}/track`, httpOnly: true, sameSite: 'Strict', secure: isSecureRequest(c), maxAge: CASE_MINUTES * 60 })
    return c.redirect(`${base(ctx)}/track/case`, 303)
  })

  const toTrack = (c: OrgContext) => {
    flash(c, ct(c.get('lang'), 'track.expired'))
    return c.redirect(`${base(pageCtx(c))}/track`, 303)
  }

  app.get('/complaints/track/case', async (c) => {
    const caseId = caseFromCookie(c)
    if (!caseId) return toTrack(c)
    const ctx = pageCtx(c)
    const L = ctx.lang
    const v = await reporterView(c.get('deps'), ctx.org!.id, caseId, c.get('requestId'))
    const fileHref = (f: { id: string }) => `${base(ctx)}/track/case/files/${f.id}`
    return render(
      c,
      <PublicLayout ctx={ctx} title={ct(L, 'track.case')}>
        <h1>{ct(L, 'track.case')}</h1>
        <p>
          {ct(L, 'case.subject')}: <strong>{v.subject}</strong>
        </p>
        <CaseSummary ctx={ctx} meta={v.meta} />
        {v.files.length > 0 && (
          <>
            <h2>{ct(L, 'case.evidence')}</h2>
            <FileList ctx={ctx} files={v.files} href={fileHref} />
          </>
        )}
        <h2>{ct(L, 'case.messages')}</h2>
        <Messages ctx={ctx} messages={v.messages} fileHref={fileHref} />
        <h2>{ct(L, 'case.send')}</h2>
        <MessageForm ctx={ctx} action={`${base(ctx)}/track/case/messages`} />
        <form method="post" action={`${base(ctx)}/track/leave`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="link">{ct(L, 'track.leave')}</button>
        </form>
      </PublicLayout>,
    )
  })
  app.post('/complaints/track/case/messages', async (c) => {
    const caseId = caseFromCookie(c)
    if (!caseId) return toTrack(c)
    const { values, files } = await readForm(c)
    const body = typeof values.body === 'string' ? values.body.trim().slice(0, 10_000) : ''
    const uploads = await uploadsOf(files)
    if (!body && !uploads.length) throw new AppError('bad_request', 422, { th: 'โปรดกรอกข้อความ', en: 'Please write a message' })
    await reporterMessage(c.get('deps'), c.get('org')!.id, caseId, body, uploads, c.get('requestId'))
    flash(c, ct(c.get('lang'), 'track.sent'))
    return c.redirect(`${base(pageCtx(c))}/track/case`, 303)
  })
  app.get('/complaints/track/case/files/:fileId', async (c) => {
    const caseId = caseFromCookie(c)
    if (!caseId) return toTrack(c)
    const file = await reporterFile(c.get('deps'), c.get('org')!.id, caseId, c.req.param('fileId'), c.get('requestId'))
    return c.body(new Uint8Array(file.bytes), 200, downloadHeaders(file))
  })
  app.post('/complaints/track/leave', (c) => {
    deleteCookie(c, CASE_COOKIE, { path: `${base(pageCtx(c))}/track` })
    return c.redirect(`${base(pageCtx(c))}/track`, 303)
  })

  app.get('/complaints/stats', async (c) => {
    const ctx = pageCtx(c)
    const org = ctx.org!
    const years = await fiscalYearsWithReports(c.get('deps').db, org.id)
    const current = currentFiscalYear(new Date())
    const fy = Number(c.req.query('fy')) || years[0] || current
    if (fy < 2500 || fy > 2700) throw new AppError('not_found', 404)
    const stats = await publicStats(c.get('deps').db, org.id, fy)
    c.header('Cache-Control', 'public, max-age=300')
    return render(c, <StatsPage ctx={ctx} stats={stats} years={[...new Set([current, ...years])].sort((a, b) => b - a)} />)
  })
  return app
}

const StatsPage = ({ ctx, stats, years }: { ctx: PageCtx; stats: FiscalYearStats; years: number[] }) => {
  const L = ctx.lang
  const n = (x: number) => digits(ctx, String(x))
  const monthLabel = (ym: string) => digits(ctx, new Intl.DateTimeFormat(L === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)))
  const yearTitle = ct(L, 'stats.yearN', { year: n(stats.fiscalYear) })
  return (
    <PublicLayout ctx={ctx} title={ct(L, 'stats.title')}>
      <h1>{ct(L, 'stats.title')}</h1>
      <p>{ct(L, 'stats.intro')}</p>
      <form method="get" action={`${base(ctx)}/stats`} class="inline-form">
        <SelectField name="fy" label={ct(L, 'stats.year')} values={{ fy: String(stats.fiscalYear) }} options={years.map((y) => ({ value: String(y), label: n(y) }))} />
        <button type="submit">{ct(L, 'stats.show')}</button>
      </form>
      <h2>{yearTitle}</h2>
      <p>
        {ct(L, 'stats.total')}: <strong data-stat="total">{n(stats.total)}</strong>
      </p>
      <p>
        {ct(L, 'stats.median')}:{' '}
        <strong data-stat="median">{stats.medianDays === null ? ct(L, 'stats.noFinished') : ct(L, 'stats.medianDays', { days: n(stats.medianDays), n: n(stats.finished) })}</strong>
      </p>
      <h3>{ct(L, 'stats.byMonth')}</h3>
      <TableWrap label={`${ct(L, 'stats.byMonth')} ${yearTitle}`}>
        <table>
          <thead>
            <tr>
              <th scope="col">{ct(L, 'stats.month')}</th>
              <th scope="col">{ct(L, 'stats.count')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.byMonth.map((m) => (
              <tr>
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{n(m.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{ct(L, 'stats.byCategory')}</h3>
      <TableWrap label={`${ct(L, 'stats.byCategory')} ${yearTitle}`}>
        <table>
          <tbody>
            {CATEGORIES.map((k) => (
              <tr>
                <th scope="row">{ct(L, `cat.${k}`)}</th>
                <td data-stat={`cat-${k}`}>{n(stats.byCategory[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{ct(L, 'stats.byStatus')}</h3>
      <TableWrap label={`${ct(L, 'stats.byStatus')} ${yearTitle}`}>
        <table>
          <tbody>
            {(Object.keys(stats.byStatus) as (keyof typeof stats.byStatus)[]).map((k) => (
              <tr>
                <th scope="row">{ct(L, `status.${k}`)}</th>
                <td data-stat={`status-${k}`}>{n(stats.byStatus[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </PublicLayout>
  )
}
