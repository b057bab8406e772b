import type { Child } from 'hono/jsx'
import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import QRCode from 'qrcode'
import type { AppContext, AppEnv } from '../http/context.js'
import { ctxOf } from '../http/context.js'
import { f, parseForm, readForm, type FormErrors, type FormValues } from '../http/forms.js'
import { isSecureRequest } from '../http/middleware.js'
import { t } from '../i18n/messages.js'
import { Layout, CsrfField, PlatformLayout, StaffLayout } from '../ui/layout.js'
import { ErrorSummary, TextField } from '../ui/fields.js'
import { flash, pageCtx, type PageCtx } from '../ui/page-context.js'
import { render } from '../ui/render.js'
import { destroySession, SESSION_COOKIE, SESSION_TTL_MS } from './sessions.js'
import {
  beginTotpEnrolment,
  changePassword,
  completeSecondFactor,
  confirmTotpEnrolment,
  disableTotp,
  pendingTotpSecret,
  redeemToken,
  requestPasswordReset,
  signIn,
  signOutEverywhere,
  tokenIsValid,
} from './auth.service.js'
import { MIN_PASSWORD_LENGTH } from './passwords.js'
import { totpUri } from './totp.js'
import { AppError } from '../http/errors.js'
import { minutesUntil, rateLimit } from '../http/rate-limit.js'
import { recordFailedSignIn, recordSuccessfulSignIn, signInBlockedUntil } from './sign-in-throttle.js'
import { publicOrigin } from '../http/urls.js'

/** '/o/<slug>' for an agency, '' for the platform. */
function base(c: AppContext): string {
  const org = c.get('org')
  return org ? `/o/${org.slug}` : ''
}
/**
 * Where to go after sign-in: a path on this site only. Browsers ignore tabs and newlines in URLs
 * ("/\t/evil.example" is "//evil.example"), so any control character or whitespace is refused, and
 * the result must resolve to this origin.
 */
export function safeNext(next: string | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || /[\u0000-\u0020\u007f\\]/.test(next) || next.startsWith('//')) return fallback
  try {
    const u = new URL(next, 'http://prongsai.invalid')
    return u.origin === 'http://prongsai.invalid' ? u.pathname + u.search + u.hash : fallback
  } catch {
    return fallback
  }
}
function staffHome(c: AppContext): string {
  return c.get('org') ? `${base(c)}/admin` : '/admin'
}

const SignInInput = z.object({ email: f.email(), password: z.string().min(1).max(1000), next: z.string().max(500).optional() })
const PasswordPair = z
  .object({ password: z.string().min(MIN_PASSWORD_LENGTH, 'v.passwordWeak').max(1000), confirm: z.string().max(1000) })
  .refine((v) => v.password === v.confirm, { message: 'v.passwordMismatch', path: ['confirm'] })

const SignInPage = (p: { ctx: PageCtx; values?: FormValues; errors?: FormErrors; action: string; title: string; forgotHref: string }) => (
  <Layout ctx={p.ctx} title={p.title}>
    <h1>{p.title}</h1>
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
    <form method="post" action={p.action} novalidate>
      <CsrfField ctx={p.ctx} />
      <input type="hidden" name="next" value={String(p.values?.next ?? '')} />
      <TextField name="email" type="email" label={t(p.ctx.lang, 'login.email')} values={p.values} errors={p.errors} autocomplete="username" required />
      <TextField name="password" type="password" label={t(p.ctx.lang, 'login.password')} values={p.values} errors={p.errors} autocomplete="current-password" required />
      <div class="actions">
        <button type="submit">{t(p.ctx.lang, 'login.submit')}</button>
        <a href={p.forgotHref}>{t(p.ctx.lang, 'login.forgot')}</a>
      </div>
    </form>
  </Layout>
)

const CodePage = (p: { ctx: PageCtx; action: string; errors?: FormErrors }) => (
  <Layout ctx={p.ctx} title={t(p.ctx.lang, 'login.totpTitle')}>
    <h1>{t(p.ctx.lang, 'login.totpTitle')}</h1>
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
    <form method="post" action={p.action} novalidate>
      <CsrfField ctx={p.ctx} />
      <TextField name="code" label={t(p.ctx.lang, 'login.totpCode')} errors={p.errors} inputmode="numeric" autocomplete="one-time-code" maxlength={6} required />
      <button type="submit">{t(p.ctx.lang, 'login.submit')}</button>
    </form>
  </Layout>
)

const PasswordPage = (p: { ctx: PageCtx; title: string; action: string; errors?: FormErrors; intro?: string }) => (
  <Layout ctx={p.ctx} title={p.title}>
    <h1>{p.title}</h1>
    {p.intro && <p>{p.intro}</p>}
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
    <form method="post" action={p.action} novalidate>
      <CsrfField ctx={p.ctx} />
      <TextField name="password" type="password" label={t(p.ctx.lang, 'reset.newPassword')} errors={p.errors} autocomplete="new-password" hint={t(p.ctx.lang, 'v.passwordWeak')} required />
      <TextField name="confirm" type="password" label={t(p.ctx.lang, 'reset.confirmPassword')} errors={p.errors} autocomplete="new-password" required />
      <button type="submit">{t(p.ctx.lang, 'reset.submit')}</button>
    </form>
  </Layout>
)

function setSessionCookie(c: AppContext, token: string) {
  setCookie(c, SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isSecureRequest(c), maxAge: SESSION_TTL_MS / 1000 })
}

/** Sign-in, second factor, sign-out, password reset and invitations; mounted per agency and for the platform. */
export function authRoutes() {
  const app = new Hono<AppEnv>()
  // Wrong passwords are throttled per address and account (sign-in-throttle.ts); these limit the
  // number of requests per address, right or wrong, and reset-mail flooding.
  const signInLimit = rateLimit({ name: 'sign-in', max: 60, windowMs: 10 * 60 * 1000 })
  app.use('/login', signInLimit)
  app.use('/login/totp', signInLimit)
  app.use('/forgot', rateLimit({ name: 'forgot', max: 10, windowMs: 15 * 60 * 1000 }))
  const title = (c: AppContext) => t(c.get('lang'), c.get('org') ? 'login.title' : 'login.platformTitle')

  app.get('/login', (c) =>
    render(c, <SignInPage ctx={pageCtx(c)} action={`${base(c)}/login`} title={title(c)} forgotHref={`${base(c)}/forgot`} values={{ next: c.req.query('next') ?? '' }} />),
  )
  app.post('/login', async (c) => {
    const lang = c.get('lang')
    const labels = { email: t(lang, 'login.email'), password: t(lang, 'login.password') }
    const form = await parseForm(c, SignInInput, labels)
    const page = (errors: FormErrors, status: 401 | 422 | 429) =>
      render(c, <SignInPage ctx={pageCtx(c)} action={`${base(c)}/login`} title={title(c)} forgotHref={`${base(c)}/forgot`} values={form.values} errors={errors} />, status)
    if (!form.ok) return page(form.errors, 422)
    const orgId = c.get('org')?.id ?? null
    const blocked = await signInBlockedUntil(c, orgId, form.data.email)
    if (blocked) {
      c.header('Retry-After', String(Math.ceil((blocked.getTime() - Date.now()) / 1000)))
      return page({ email: t(lang, 'login.throttled', { minutes: minutesUntil(blocked) }) }, 429)
    }
    const r = await signIn(c.get('deps').db, { orgId, email: form.data.email, password: form.data.password, requestId: c.get('requestId') })
    if (!r.ok) {
      await recordFailedSignIn(c, orgId, form.data.email)
      return page({ email: t(lang, 'login.failed') }, 401)
    }
    await recordSuccessfulSignIn(c, orgId, form.data.email)
    setSessionCookie(c, r.token)
    if (r.secondFactor) return c.redirect(`${base(c)}/login/totp?next=${encodeURIComponent(form.data.next ?? '')}`, 303)
    return c.redirect(safeNext(form.data.next, staffHome(c)), 303)
  })

  app.get('/login/totp', (c) => {
    if (!c.get('actor')) return c.redirect(`${base(c)}/login`, 303)
    return render(c, <CodePage ctx={pageCtx(c)} action={`${base(c)}/login/totp`} />)
  })
  app.post('/login/totp', async (c) => {
    const actor = c.get('actor')
    const sessionId = c.get('sessionId')
    if (!actor || !sessionId) return c.redirect(`${base(c)}/login`, 303)
    const form = await parseForm(c, z.object({ code: z.string().trim() }), {})
    const code = form.ok ? form.data.code : ''
    const r = await completeSecondFactor(c.get('deps').db, c.get('deps').masterKeys, { sessionId, actor, code, requestId: c.get('requestId') })
    if (r === 'ended') {
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      flash(c, t(c.get('lang'), 'login.totpEnded'))
      return c.redirect(`${base(c)}/login`, 303)
    }
    if (r === 'invalid') return render(c, <CodePage ctx={pageCtx(c)} action={`${base(c)}/login/totp`} errors={{ code: t(c.get('lang'), 'login.totpFailed') }} />, 422)
    return c.redirect(staffHome(c), 303)
  })

  app.post('/logout', async (c) => {
    const sid = c.get('sessionId')
    if (sid) await destroySession(c.get('deps').db, sid)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    flash(c, t(c.get('lang'), 'login.signedOut'))
    return c.redirect(`${base(c)}/login`, 303)
  })

  const ForgotPage = (p: { ctx: PageCtx; done?: boolean; values?: FormValues; errors?: FormErrors; action: string }) => (
    <Layout ctx={p.ctx} title={t(p.ctx.lang, 'login.forgot')}>
      <h1>{t(p.ctx.lang, 'login.forgot')}</h1>
      {p.done ? (
        <p role="status">{t(p.ctx.lang, 'reset.requested')}</p>
      ) : (
        <>
          <p>{t(p.ctx.lang, 'reset.requestIntro')}</p>
          <ErrorSummary ctx={p.ctx} errors={p.errors} />
          <form method="post" action={p.action} novalidate>
            <CsrfField ctx={p.ctx} />
            <TextField name="email" type="email" label={t(p.ctx.lang, 'login.email')} values={p.values} errors={p.errors} autocomplete="email" required />
            <button type="submit">{t(p.ctx.lang, 'reset.requestSubmit')}</button>
          </form>
        </>
      )}
    </Layout>
  )
  app.get('/forgot', (c) => render(c, <ForgotPage ctx={pageCtx(c)} action={`${base(c)}/forgot`} />))
  app.post('/forgot', async (c) => {
    const form = await parseForm(c, z.object({ email: f.email() }), { email: t(c.get('lang'), 'login.email') })
    if (!form.ok) return render(c, <ForgotPage ctx={pageCtx(c)} action={`${base(c)}/forgot`} values={form.values} errors={form.errors} />, 422)
    const org = c.get('org')
    await requestPasswordReset(c.get('deps').db, {
      orgId: org?.id ?? null,
      orgName: org?.nameTh ?? t(c.get('lang'), 'app.name'),
      email: form.data.email,
      baseUrl: publicOrigin(c) + base(c),
      lang: c.get('lang'),
      requestId: c.get('requestId'),
    })
    return render(c, <ForgotPage ctx={pageCtx(c)} action={`${base(c)}/forgot`} done />)
  })

  for (const kind of ['reset', 'invite'] as const) {
    const pageTitle = (c: AppContext) => t(c.get('lang'), kind === 'reset' ? 'reset.title' : 'invite.title')
    app.get(`/${kind}/:token`, async (c) => {
      const valid = await tokenIsValid(c.get('deps').db, c.get('org')?.id ?? null, c.req.param('token'))
      if (!valid) throw new AppError('not_found', 404, { th: t('th', 'reset.invalid'), en: t('en', 'reset.invalid') })
      return render(c, <PasswordPage ctx={pageCtx(c)} title={pageTitle(c)} action={c.req.path} />)
    })
    app.post(`/${kind}/:token`, async (c) => {
      const lang = c.get('lang')
      const form = await parseForm(c, PasswordPair, { password: t(lang, 'reset.newPassword'), confirm: t(lang, 'reset.confirmPassword') })
      if (!form.ok) return render(c, <PasswordPage ctx={pageCtx(c)} title={pageTitle(c)} action={c.req.path} errors={form.errors} />, 422)
      const ok = await redeemToken(c.get('deps').db, { orgId: c.get('org')?.id ?? null, token: c.req.param('token'), password: form.data.password, requestId: c.get('requestId'), registry: c.get('deps').registry, lang })
      if (!ok) throw new AppError('not_found', 404, { th: t('th', 'reset.invalid'), en: t('en', 'reset.invalid') })
      flash(c, t(lang, 'reset.done'))
      return c.redirect(`${base(c)}/login`, 303)
    })
  }
  return app
}

const AccountArea = (p: { area: 'staff' | 'platform'; ctx: PageCtx; title: string; children?: Child }) =>
  p.area === 'staff' ? (
    <StaffLayout ctx={p.ctx} title={p.title}>
      {p.children}
    </StaffLayout>
  ) : (
    <PlatformLayout ctx={p.ctx} title={p.title}>
      {p.children}
    </PlatformLayout>
  )

const AccountPage = async (p: { ctx: PageCtx; enabled: boolean; secret: string | null; errors?: FormErrors; required: boolean; area: 'staff' | 'platform'; action: string }) => {
  const lang = p.ctx.lang
  const qr = p.secret ? await QRCode.toDataURL(totpUri(p.secret, 'Prongsai', p.ctx.actor?.email ?? ''), { margin: 1, width: 200 }) : null
  return (
    <AccountArea area={p.area} ctx={p.ctx} title={t(lang, 'account.title')}>
      <h1>{t(lang, 'account.title')}</h1>
      {p.required && (
        <p class="error-summary" role="alert">
          {t(lang, 'account.totpRequired')}
        </p>
      )}
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <h2>{t(lang, 'account.changePassword')}</h2>
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <input type="hidden" name="op" value="password" />
        <TextField name="current" type="password" label={t(lang, 'account.currentPassword')} errors={p.errors} autocomplete="current-password" required />
        <TextField name="password" type="password" label={t(lang, 'reset.newPassword')} errors={p.errors} autocomplete="new-password" hint={t(lang, 'v.passwordWeak')} required />
        <TextField name="confirm" type="password" label={t(lang, 'reset.confirmPassword')} errors={p.errors} autocomplete="new-password" required />
        <button type="submit">{t(lang, 'form.save')}</button>
      </form>
      <h2>{t(lang, 'account.totp')}</h2>
      <p>{p.enabled ? t(lang, 'account.totpOn') : t(lang, 'account.totpOff')}</p>
      {p.enabled ? (
        <form method="post" action={p.action}>
          <CsrfField ctx={p.ctx} />
          <input type="hidden" name="op" value="totp-disable" />
          <p>{t(lang, 'account.totpDisableIntro')}</p>
          <TextField name="disablePassword" type="password" label={t(lang, 'account.currentPassword')} errors={p.errors} autocomplete="current-password" required />
          <TextField name="disableCode" label={t(lang, 'login.totpCode')} errors={p.errors} inputmode="numeric" autocomplete="one-time-code" maxlength={6} required />
          <button type="submit" class="secondary">{t(lang, 'account.totpDisable')}</button>
        </form>
      ) : p.secret && qr ? (
        <form method="post" action={p.action} novalidate>
          <p>{t(lang, 'account.totpSetup')}</p>
          <img src={qr} alt={`QR code: ${t(lang, 'account.totpSecret')}`} width={200} height={200} />
          <p>
            {t(lang, 'account.totpSecret')}: <code id="totp-secret">{p.secret}</code>
          </p>
          <CsrfField ctx={p.ctx} />
          <input type="hidden" name="op" value="totp-confirm" />
          <TextField name="code" label={t(lang, 'login.totpCode')} errors={p.errors} inputmode="numeric" autocomplete="one-time-code" maxlength={6} required />
          <button type="submit">{t(lang, 'account.totpEnable')}</button>
        </form>
      ) : (
        <form method="post" action={p.action}>
          <CsrfField ctx={p.ctx} />
          <input type="hidden" name="op" value="totp-begin" />
          <button type="submit">{t(lang, 'account.totpEnable')}</button>
        </form>
      )}
      <h2>{t(lang, 'account.signOutEverywhere')}</h2>
      <form method="post" action={p.action}>
        <CsrfField ctx={p.ctx} />
        <input type="hidden" name="op" value="sign-out-everywhere" />
        <button type="submit" class="danger">{t(lang, 'account.signOutEverywhere')}</button>
      </form>
    </AccountArea>
  )
}

/** GET/POST handlers for "my account", used in both the agency staff area and the platform area. */
export function accountHandlers(area: 'staff' | 'platform') {
  const action = (c: AppContext) => c.req.path
  const show = async (c: AppContext, errors?: FormErrors, status: 200 | 422 = 200) => {
    const s = await pendingTotpSecret(ctxOf(c))
    return render(c, await AccountPage({ ctx: pageCtx(c), ...s, errors, required: c.req.query('required') === '2fa', area, action: action(c) }), status)
  }
  const get = (c: AppContext) => show(c)
  const post = async (c: AppContext) => {
    const ctx = ctxOf(c)
    const lang = ctx.lang
    const { values } = await readForm(c)
    const op = String(values.op ?? '')
    if (op === 'password') {
      const form = await parseForm(c, PasswordPair.and(z.object({ current: z.string().min(1).max(1000) })), {
        current: t(lang, 'account.currentPassword'),
        password: t(lang, 'reset.newPassword'),
        confirm: t(lang, 'reset.confirmPassword'),
      })
      if (!form.ok) return show(c, form.errors, 422)
      if (!(await changePassword(ctx, form.data.current, form.data.password, c.get('sessionId')))) return show(c, { current: t(lang, 'account.wrongPassword') }, 422)
      flash(c, t(lang, 'account.passwordChanged'))
    } else if (op === 'totp-begin') {
      await beginTotpEnrolment(ctx)
    } else if (op === 'totp-confirm') {
      if (!(await confirmTotpEnrolment(ctx, String(values.code ?? '').trim()))) return show(c, { code: t(lang, 'login.totpFailed') }, 422)
      flash(c, t(lang, 'account.totpEnabled'))
    } else if (op === 'totp-disable') {
      const r = await disableTotp(ctx, String(values.disablePassword ?? ''), String(values.disableCode ?? '').trim())
      if (r === 'wrong_password') return show(c, { disablePassword: t(lang, 'account.wrongPassword') }, 422)
      if (r === 'wrong_code') return show(c, { disableCode: t(lang, 'login.totpFailed') }, 422)
      flash(c, t(lang, 'account.totpDisabled'))
    } else if (op === 'sign-out-everywhere') {
      await signOutEverywhere(ctx)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      flash(c, t(lang, 'account.signedOutEverywhere'))
      const org = c.get('org')
      return c.redirect(org ? `/o/${org.slug}/login` : '/login', 303)
    } else {
      throw new AppError('bad_request', 400)
    }
    return c.redirect(action(c), 303)
  }
  return { get, post }
}
