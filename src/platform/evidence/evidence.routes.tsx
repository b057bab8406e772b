import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../module/manifest.js'
import { ctxOf } from '../http/context.js'
import { AppError } from '../http/errors.js'
import { readForm } from '../http/forms.js'
import { requirePermission } from '../http/guards.js'
import { cleanSearchText, uuidParam } from '../http/params.js'
import { flash, pageCtx } from '../ui/page-context.js'
import { render } from '../ui/render.js'
import { fromThaiDigits } from '../thai/numerals.js'
import { evidenceFor, linkEvidence, searchEvidence, unlinkEvidence, type Ref } from './evidence.service.js'
import { evt } from './evidence.i18n.js'
import { EvidencePickerPage } from './views/evidence.js'

const RefText = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*:[A-Za-z0-9:_-]{1,100}$/)
const parseRef = (s: unknown): Ref => {
  const r = RefText.safeParse(s)
  if (!r.success) throw new AppError('not_found', 404)
  const i = r.data.indexOf(':')
  return { type: r.data.slice(0, i), id: r.data.slice(i + 1) }
}

/** Where to go back to: a staff path of this agency only (never another site). */
function backOf(c: StaffContext, raw: unknown): string {
  const base = `/o/${c.get('org').slug}/admin`
  return typeof raw === 'string' && raw.startsWith(base) && !/[\\\s]|\/\/|%2f%2f/i.test(raw) && raw.length < 500 ? raw : base
}

/** The evidence picker and link/unlink, shared by every module whose records take evidence. */
export function evidenceRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `/o/${c.get('org').slug}/admin/evidence`

  app.get('/evidence/pick', requirePermission('staff.dashboard'), async (c) => {
    const ctx = ctxOf(c)
    const ref = parseRef(c.req.query('target'))
    const def = ctx.deps.registry.evidenceTargets.get(ref.type)
    if (!def) throw new AppError('not_found', 404)
    const [target] = await def.describe(ctx, [ref.id])
    if (!target) throw new AppError('not_found', 404)
    const q = cleanSearchText(c.req.query('q'))
    const fyRaw = fromThaiDigits(c.req.query('fy') ?? '').trim()
    const fy = /^\d{4}$/.test(fyRaw) && Number(fyRaw) >= 2500 && Number(fyRaw) <= 2700 ? Number(fyRaw) : undefined
    const searched = c.req.query('q') !== undefined
    const [linked, results] = await Promise.all([evidenceFor(ctx, [ref]), searched ? searchEvidence(ctx, { text: q || undefined, fiscalYear: fy, limit: 20 }) : Promise.resolve(null)])
    return render(
      c,
      <EvidencePickerPage
        ctx={pageCtx(c)}
        target={{ ...target, type: ref.type }}
        linked={linked.get(`${ref.type}:${ref.id}`) ?? []}
        results={results}
        query={{ q, fy: fy ? String(fy) : searched ? '' : String(target.fiscalYear) }}
        back={backOf(c, c.req.query('back'))}
      />,
    )
  })

  app.post('/evidence/link', requirePermission('staff.dashboard'), async (c) => {
    const { values } = await readForm(c)
    const target = parseRef(values.target)
    const source = parseRef(values.source)
    const fy = Number(fromThaiDigits(String(values.fiscalYear ?? '')))
    if (!(Number.isInteger(fy) && fy >= 2500 && fy <= 2700)) throw new AppError('bad_request', 400)
    await linkEvidence(ctxOf(c), source, target, fy)
    const [rec] = (await c.get('deps').registry.evidenceSources.get(source.type)?.describe(ctxOf(c), [source.id])) ?? []
    flash(c, evt(c.get('lang'), 'pick.linkedDone', { title: rec?.title ?? '' }))
    return c.redirect(`${base(c)}/pick?${new URLSearchParams({ target: `${target.type}:${target.id}`, back: backOf(c, values.back) })}`, 303)
  })

  app.post('/evidence/:id/unlink', requirePermission('staff.dashboard'), async (c) => {
    const { values } = await readForm(c)
    await unlinkEvidence(ctxOf(c), uuidParam(c))
    flash(c, evt(c.get('lang'), 'pick.unlinkedDone'))
    return c.redirect(backOf(c, values.back), 303)
  })
  return app
}
