import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { readForm } from '../../platform/http/forms.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { addressBucket, clientAddress } from '../../platform/http/rate-limit.js'
import { isSecureRequest } from '../../platform/http/middleware.js'
import { AppError } from '../../platform/http/errors.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { answerTarget, linkUsable, readAnswers, recordResponse, spendLink, type AnswerTarget } from './answering.js'
import { cleanFilter, publicResults, publicSurveys } from './results.js'
import { AnswerPage } from './views/answer.js'
import { PublicList } from './views/public.js'
import { PublicResultsPage } from './views/results.js'

// The respondent's side, under /o/:org/surveys/r/ — an anonymous path (manifest `anonymousPaths`):
// the session cookie is not read there, so no sign-in is looked up or refreshed. Nothing about the
// request (address, time, token) is written; the spam limit counts in this process's memory only.

/** At most this many answer sheets per address (IPv4, or IPv6 /64) per agency in WINDOW_MS, counted in memory. */
export const SPAM_LIMIT = 30
const WINDOW_MS = 10 * 60_000
const recent = new Map<string, number[]>()
function overLimit(key: string, now = Date.now()): boolean {
  const hits = (recent.get(key) ?? []).filter((t) => now - t < WINDOW_MS)
  if (hits.length >= SPAM_LIMIT) return true
  hits.push(now)
  recent.set(key, hits)
  if (recent.size > 50_000) for (const [k, v] of recent) if (!v.some((t) => now - t < WINDOW_MS)) recent.delete(k)
  return false
}
/** For tests: forget the counts. */
export const resetSpamLimit = () => recent.clear()

const deviceCookie = (surveyId: string) => `prongsai_sv_${surveyId.replaceAll('-', '')}`

export function surveysPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/surveys', (c) => publicPage(c, async (ctx) => <PublicList ctx={ctx} rows={await publicSurveys(c.get('deps').db, ctx.org.id)} />))
  app.get('/surveys/:id/results', async (c) => {
    const filter = cleanFilter({ pointId: c.req.query('point'), month: c.req.query('month') })
    const r = await publicResults(c.get('deps').db, c.get('org').id, c.req.param('id'), filter)
    if (!r) throw new AppError('not_found', 404)
    return publicPage(c, (ctx) => <PublicResultsPage ctx={ctx} r={r} filter={filter} />)
  })

  const noTrace = (c: OrgContext) => {
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
  }
  const page = (c: OrgContext, t: AnswerTarget | null, action: string | null, extra: Partial<Parameters<typeof AnswerPage>[0]> = {}) =>
    <AnswerPage ctx={pageCtx(c)} s={t?.s ?? null} questions={t?.questions ?? []} point={t?.point ?? null} action={action} {...extra} />
  const load = async (c: OrgContext) => {
    const state = await answerTarget(c.get('deps').db, c.get('org').id, c.req.param('id') ?? '', c.req.query('p') || undefined)
    if (!state) throw new AppError('not_found', 404)
    return state
  }
  const here = (c: OrgContext) => c.req.path + (c.req.query('p') ? `?p=${encodeURIComponent(c.req.query('p')!)}` : '')

  /** Reads and checks the sheet, then writes it (after `beforeWrite`, e.g. spending a link); the form comes back with errors and values on bad input. */
  const submit = async (c: OrgContext, t: AnswerTarget, beforeWrite: () => Promise<boolean>) => {
    const { values } = await readForm(c)
    delete values['_csrf']
    const read = readAnswers(t.questions, values, c.get('lang'))
    if (!read.ok) {
      c.set('formFailed', true)
      return render(c, page(c, t, here(c), { values, errors: read.errors }), 422)
    }
    if (overLimit(`${c.get('org').id}|${addressBucket(clientAddress(c))}`)) return render(c, page(c, t, null, { notice: 'tooMany' }), 429)
    if (!(await beforeWrite())) return render(c, page(c, t, null, { notice: 'linkUsed' }), 410)
    try {
      await recordResponse(c.get('deps').db, c.get('org').id, { surveyId: t.s.id, pointId: t.point?.id ?? null, answers: read.answers })
    } catch (e) {
      if (e instanceof AppError && e.status === 409) return render(c, page(c, t, null, { notice: 'closed' }), 409)
      throw e
    }
    if (t.s.access === 'device') setCookie(c, deviceCookie(t.s.id), '1', { path: `/o/${c.get('org').slug}/surveys/r/${t.s.id}`, httpOnly: true, sameSite: 'Lax', secure: isSecureRequest(c), maxAge: 400 * 86_400 })
    return render(c, page(c, t, null, { notice: 'thanks' }))
  }

  app.get('/surveys/r/:id', async (c) => {
    noTrace(c)
    const st = await load(c)
    if (!st.ok) return render(c, page(c, null, null, { notice: 'closed' }), 409)
    const t = st.target
    if (t.s.access === 'link') return render(c, page(c, t, null, { notice: 'needsLink' }), 403)
    if (t.s.access === 'device' && getCookie(c, deviceCookie(t.s.id))) return render(c, page(c, t, null, { notice: 'already' }), 409)
    return render(c, page(c, t, here(c)))
  })
  app.post('/surveys/r/:id', async (c) => {
    noTrace(c)
    const st = await load(c)
    if (!st.ok) return render(c, page(c, null, null, { notice: 'closed' }), 409)
    const t = st.target
    if (t.s.access === 'link') return render(c, page(c, t, null, { notice: 'needsLink' }), 403)
    if (t.s.access === 'device' && getCookie(c, deviceCookie(t.s.id))) return render(c, page(c, t, null, { notice: 'already' }), 409)
    return submit(c, t, async () => true)
  })

  const token = (c: OrgContext) => c.req.param('token') ?? ''
  app.get('/surveys/r/:id/t/:token', async (c) => {
    noTrace(c)
    const st = await load(c)
    if (!st.ok) return render(c, page(c, null, null, { notice: 'closed' }), 409)
    const t = st.target
    if (t.s.access !== 'link' || !(await linkUsable(c.get('deps').db, c.get('org').id, t.s.id, token(c)))) return render(c, page(c, t, null, { notice: 'linkUsed' }), 410)
    return render(c, page(c, t, here(c)))
  })
  app.post('/surveys/r/:id/t/:token', async (c) => {
    noTrace(c)
    const st = await load(c)
    if (!st.ok) return render(c, page(c, null, null, { notice: 'closed' }), 409)
    const t = st.target
    if (t.s.access !== 'link') return render(c, page(c, t, null, { notice: 'linkUsed' }), 410)
    // The link is spent in its own transaction, committed before the sheet is written in another.
    return submit(c, t, () => spendLink(c.get('deps').db, c.get('org').id, t.s.id, token(c)))
  })
  return app
}
