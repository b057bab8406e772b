import { Hono } from 'hono'
import { z } from 'zod'
import type { AppContext, AppEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { readForm, validate, type FormErrors, type FormValues } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError } from '../../platform/http/errors.js'
import { can } from '../../platform/auth/permissions.js'
import { CsrfField, Layout, type NavItem } from '../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../platform/ui/fields.js'
import { flash, pageCtx, type PageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { t as platformT } from '../../platform/i18n/messages.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { allStaffNav, baseUrl, orgBase, PublicLayout, publicPage, publicResponse, trailTo, type Crumb } from '../portal/index.js'
import { dt } from './disclosure.i18n.js'
import { listLinkChecks, oitMap, runLinkCheck, saveItemNote, selfProbe, SLOW_MS, type OitMap, type Probe } from './disclosure.service.js'
import { frameworkYears } from './framework.js'
import type { Evidence, ItemReadiness } from './readiness.js'
import { answerSheetCsv, answerSheetXlsx, sheetRows } from './answer-sheet.js'

type NodeEnv = { incoming?: { socket?: { localPort?: number } } }

/** Probes other modules' pages on this very server (loopback, its own port); never a user-given host. */
export function requestProbe(c: AppContext): Probe {
  const port = (c.env as NodeEnv | undefined)?.incoming?.socket?.localPort
  if (!port) return async () => false
  return selfProbe(`http://127.0.0.1:${port}`, c.get('org')!.slug)
}

const yearParam = (c: AppContext): number => {
  const y = c.req.param('year') ?? ''
  if (!/^\d{4}$/.test(y)) throw new AppError('not_found', 404)
  return Number(y)
}

async function mapOrNotFound(c: AppContext, year: number): Promise<OitMap> {
  const m = await oitMap(c.get('deps').db, c.get('org')!, year, c.get('lang'), requestProbe(c))
  if (!m) throw new AppError('not_found', 404)
  return m
}

const StatusBadge = ({ ctx, status }: { ctx: PageCtx; status: ItemReadiness['status'] }) => (
  <span class={`badge ${status === 'yes' ? 'ok' : status === 'no' ? 'bad' : 'warn'}`}>{dt(ctx.lang, `status.${status}`)}</span>
)

const Steps = ({ trail }: { trail: Crumb[] }) => <span class="steps">{trail.map((c) => c.label).join(' → ')}</span>

const EvidenceList = ({ ctx, evidence }: { ctx: PageCtx; evidence: Evidence[] }) => (
  <ul class="evidence">
    {evidence.map((e) => (
      <li>
        <a href={e.href} rel={e.href.startsWith('/') ? undefined : 'noopener noreferrer'}>{e.label}</a> <span class="muted">({dt(ctx.lang, `kind.${e.kind}`)})</span>
        {e.stale && e.fiscalYear && <span class="badge warn">{dt(ctx.lang, 'oit.stale', { year: e.fiscalYear })}</span>}
        {e.broken && <span class="badge bad">{dt(ctx.lang, 'oit.broken')}</span>}
        {e.trail && (
          <div>
            {dt(ctx.lang, 'oit.steps')}: <Steps trail={e.trail} />
          </div>
        )}
      </li>
    ))}
  </ul>
)

export function disclosurePublicRoutes() {
  const app = new Hono<AppEnv>()

  app.get('/oit', (c) =>
    publicPage(c, async (ctx) => {
      const years = await frameworkYears()
      return (
        <PublicLayout ctx={ctx} title={dt(ctx.lang, 'oit.title')} trail={trailTo(ctx.lang, ctx.org!.slug, { path: '/oit' })!}>
          <h1>{dt(ctx.lang, 'oit.title')}</h1>
          <p>{dt(ctx.lang, 'oit.intro')}</p>
          <ul class="section-links">
            {years.map((y) => (
              <li><a href={`${orgBase(ctx.org!.slug)}/oit/${y}`}>{dt(ctx.lang, 'oit.year', { year: y })}</a></li>
            ))}
          </ul>
        </PublicLayout>
      )
    }),
  )

  app.get('/oit/:year', (c) => {
    const year = yearParam(c)
    return publicPage(c, async (ctx) => {
      const m = await mapOrNotFound(c, year)
      const title = dt(ctx.lang, 'oit.yearTitle', { year })
      const trail: Crumb[] = [...trailTo(ctx.lang, ctx.org!.slug, { path: '/oit' })!, { label: dt(ctx.lang, 'oit.year', { year }), href: `${orgBase(ctx.org!.slug)}/oit/${year}` }]
      const yes = m.items.filter((i) => i.status === 'yes').length
      const groups = m.framework.indicators.flatMap((ind) => ind.subIndicators.map((s) => ({ ...s, items: m.items.filter((i) => s.itemCodes.includes(i.code)) })))
      const ungrouped = m.items.filter((i) => !groups.some((g) => g.itemCodes.includes(i.code)))
      if (ungrouped.length) groups.push({ code: '', nameTh: '', itemCodes: ungrouped.map((i) => i.code), items: ungrouped })
      return (
        <PublicLayout ctx={ctx} title={title} trail={trail}>
          <h1>{title}</h1>
          <p>{dt(ctx.lang, 'oit.assessorIntro')}</p>
          <p><strong>{dt(ctx.lang, 'oit.summary', { yes, total: m.items.length })}</strong></p>
          {groups.map((g) => (
            <section class="oit-group">
              {g.code && <h2>{dt(ctx.lang, 'oit.subIndicator', { code: g.code, name: g.nameTh })}</h2>}
              <ul class="oit-items">
                {g.items.map((i) => (
                  <li class={`oit-item status-${i.status}`}>
                    <a href={i.url}>{`${i.code} ${i.titleTh}`}</a> <StatusBadge ctx={ctx} status={i.status} />
                    {i.evidence.length > 0 && (
                      <ul class="oit-links">
                        {i.evidence.slice(0, 3).map((e) => (
                          <li><a href={e.href} rel={e.href.startsWith('/') ? undefined : 'noopener noreferrer'}>{e.label}</a></li>
                        ))}
                      </ul>
                    )}
                    {i.explanation && <p class="muted">{i.explanation}</p>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <p class="muted no-print">{dt(ctx.lang, 'oit.print')}</p>
        </PublicLayout>
      )
    })
  })

  app.get('/oit/:year/:code{O[0-9]{1,3}}', (c) => {
    const year = yearParam(c)
    const code = c.req.param('code')
    return publicPage(c, async (ctx) => {
      const m = await mapOrNotFound(c, year)
      const item = m.items.find((i) => i.code === code)
      if (!item) throw new AppError('not_found', 404)
      const base = orgBase(ctx.org!.slug)
      const title = `${item.code} ${item.titleTh}`
      const trail: Crumb[] = [...trailTo(ctx.lang, ctx.org!.slug, { path: '/oit' })!, { label: dt(ctx.lang, 'oit.year', { year }), href: `${base}/oit/${year}` }, { label: title, href: item.url }]
      return (
        <PublicLayout ctx={ctx} title={title} trail={trail}>
          <h1>{title}</h1>
          <p>
            {dt(ctx.lang, 'oit.status')}: <StatusBadge ctx={ctx} status={item.status} />
          </p>
          <h2>{dt(ctx.lang, 'oit.evidence')}</h2>
          {item.evidence.length ? <EvidenceList ctx={ctx} evidence={item.evidence} /> : <p>{dt(ctx.lang, 'oit.noEvidence')}</p>}
          {item.explanation && (
            <>
              <h2>{dt(ctx.lang, 'oit.explanation')}</h2>
              <p>{item.explanation}</p>
            </>
          )}
          <p class="muted permalink">
            {dt(ctx.lang, 'oit.permalink')}: <a href={item.url}>{`${baseUrl(c)}${item.url}`}</a>
          </p>
        </PublicLayout>
      )
    })
  })

  app.get('/api/oit/:year{[0-9]{4}\\.json}', (c) => {
    const year = Number(c.req.param('year').slice(0, 4))
    return publicResponse(
      c,
      async () => {
        const m = await oitMap(c.get('deps').db, c.get('org')!, year, 'th', requestProbe(c))
        if (!m) throw new AppError('not_found', 404)
        const origin = baseUrl(c)
        const abs = (h: string) => (h.startsWith('/') ? origin + h : h)
        return JSON.stringify({
          fiscalYear: year,
          scores: m.scores,
          items: m.items.map((i) => ({ code: i.code, title: i.titleTh, subIndicator: i.subIndicator, status: i.status, url: abs(i.url), explanation: i.explanation, evidence: i.evidence.map((e) => ({ kind: e.kind, label: e.label, url: abs(e.href), fiscalYear: e.fiscalYear, stale: e.stale, steps: e.trail?.map((t) => t.label) ?? null })) })),
        })
      },
      { type: 'application/json; charset=UTF-8' },
    )
  })
  return app
}

// ---- staff ----
export function disclosureStaffNav(ctx: PageCtx): NavItem[] {
  return [{ href: `${orgBase(ctx.org!.slug)}/admin/oit`, label: dt(ctx.lang, 'admin.nav'), permission: 'portal.read' }]
}

const NoteForm = z.object({
  explanation: z.string().trim().max(4000).default(''),
  ownerUnitId: z.union([z.literal(''), z.uuid()]).optional().transform((v) => v || null),
  dueDate: z.union([z.literal(''), z.iso.date()]).optional().transform((v) => v || null),
  extraUrls: z
    .string()
    .max(5000)
    .optional()
    .transform((v) => (v ?? '').split('\n').map((x) => x.trim()).filter(Boolean))
    .refine((l) => l.every((u) => /^https?:\/\/\S+$/.test(u) && u.length <= 2000), { message: 'err.urls' }),
})

export function disclosureStaffRoutes() {
  const app = new Hono<AppEnv>()
  const adminBase = (c: AppContext) => `${orgBase(c.get('org')!.slug)}/admin/oit`

  app.get('/oit', requirePermission('portal.read'), async (c) => {
    const years = await frameworkYears()
    const now = currentFiscalYear()
    const y = years.includes(now) ? now : (years[0] ?? now)
    return c.redirect(`${adminBase(c)}/${y}`, 303)
  })

  app.get('/oit/:year{[0-9]{4}}', requirePermission('portal.read'), async (c) => {
    const year = yearParam(c)
    const ctx = pageCtx(c)
    const L = ctx.lang
    const [m, units, checks, years] = await Promise.all([mapOrNotFound(c, year), listUnitsOf(c.get('deps').db, ctx.org!.id), listLinkChecks(ctxOf(c)), frameworkYears()])
    const unitName = new Map(units.map((u) => [u.id, u.nameTh]))
    const missing = m.items.filter((i) => i.status !== 'yes')
    const problems = checks.filter((x) => !x.ok || (x.ms ?? 0) > SLOW_MS)
    const b = adminBase(c)
    const canEdit = can(ctx.actor, 'portal.edit')
    return render(
      c,
      <Layout ctx={ctx} title={dt(L, 'admin.title', { year })} area="staff" nav={allStaffNav(ctx)}>
        <h1>{dt(L, 'admin.title', { year })}</h1>
        <nav aria-label={dt(L, 'admin.years')}>
          <ul class="inline-list">{years.map((y) => <li><a href={`${b}/${y}`} aria-current={y === year ? 'page' : undefined}>{dt(L, 'oit.year', { year: y })}</a></li>)}</ul>
        </nav>
        <h2>{dt(L, 'admin.predicted')}</h2>
        <p class="muted">{dt(L, 'admin.predictedNote')}</p>
        <div class="table-wrap">
          <table>
            <tbody>
              {m.scores.indicators.map((ind) => (
                <>
                  <tr>
                    <th scope="row">{dt(L, 'admin.indicator', { n: ind.number, name: ind.nameTh })}</th>
                    <td><strong>{ind.score?.toFixed(2) ?? '–'}</strong></td>
                  </tr>
                  {m.scores.subIndicators
                    .filter((s) => s.indicator === ind.number)
                    .map((s) => (
                      <tr>
                        <td>{`${s.code} ${s.nameTh}`}</td>
                        <td>{`${s.score.toFixed(2)} (${s.yes}/${s.total})`}</td>
                      </tr>
                    ))}
                </>
              ))}
              <tr>
                <th scope="row">{dt(L, 'admin.oitScore')}</th>
                <td><strong id="oit-score">{m.scores.oit?.toFixed(2) ?? '–'}</strong></td>
              </tr>
            </tbody>
          </table>
        </div>
        <h2>{dt(L, 'admin.missing')}</h2>
        {missing.length === 0 ? (
          <p>{dt(L, 'admin.noneMissing')}</p>
        ) : (
          <div class="table-wrap">
            <table class="missing">
              <thead><tr><th scope="col">{dt(L, 'oit.code')}</th><th scope="col">{dt(L, 'oit.item')}</th><th scope="col">{dt(L, 'oit.status')}</th><th scope="col">{dt(L, 'admin.owner')}</th><th scope="col">{dt(L, 'admin.due')}</th></tr></thead>
              <tbody>
                {missing.map((i) => (
                  <tr>
                    <td>{canEdit ? <a href={`${b}/${year}/${i.code}`}>{i.code}</a> : i.code}</td>
                    <td>{i.titleTh}</td>
                    <td><StatusBadge ctx={ctx} status={i.status} /></td>
                    <td>{i.ownerUnitId ? unitName.get(i.ownerUnitId) : '–'}</td>
                    <td>{i.dueDate ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h2>{dt(L, 'admin.links')}</h2>
        {problems.length === 0 ? (
          <p>{dt(L, 'admin.linksNone')}</p>
        ) : (
          <ul class="link-problems">
            {problems.map((p) => (
              <li>
                <span class="url">{p.url}</span> — <span class={p.ok ? 'badge warn' : 'badge bad'}>{p.ok ? dt(L, 'admin.slow', { ms: p.ms ?? 0 }) : `${dt(L, 'admin.brokenLink')} (${p.error ?? p.status})`}</span>
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <form method="post" action={`${b}/${year}/check-links`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">{dt(L, 'admin.checkNow')}</button>
          </form>
        )}
        <h2>{dt(L, 'admin.export')}</h2>
        <ul>
          <li><a href={`${b}/${year}/answer-sheet.xlsx`}>{dt(L, 'admin.xlsx')}</a></li>
          <li><a href={`${b}/${year}/answer-sheet.csv`}>{dt(L, 'admin.csv')}</a></li>
        </ul>
        <h2>{dt(L, 'admin.allItems')}</h2>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{dt(L, 'oit.code')}</th><th scope="col">{dt(L, 'oit.item')}</th><th scope="col">{dt(L, 'oit.status')}</th><th scope="col">{dt(L, 'oit.links')}</th></tr></thead>
            <tbody>
              {m.items.map((i) => (
                <tr>
                  <td>{canEdit ? <a href={`${b}/${year}/${i.code}`}>{i.code}</a> : i.code}</td>
                  <td><a href={i.url}>{i.titleTh}</a></td>
                  <td><StatusBadge ctx={ctx} status={i.status} /></td>
                  <td>{i.evidence.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    )
  })

  const NotePage = async (c: AppContext, year: number, code: string, values?: FormValues, errors?: FormErrors) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const m = await mapOrNotFound(c, year)
    const item = m.items.find((i) => i.code === code)
    if (!item) throw new AppError('not_found', 404)
    const units = await listUnitsOf(c.get('deps').db, ctx.org!.id)
    const v: FormValues = values ?? { explanation: item.explanation === item.autoExplanation ? '' : item.explanation, ownerUnitId: item.ownerUnitId ?? '', dueDate: item.dueDate ?? '', extraUrls: item.evidence.filter((e) => e.kind === 'url' && e.label === e.href).map((e) => e.href).join('\n') }
    return (
      <Layout ctx={ctx} title={dt(L, 'admin.edit', { code })} area="staff" nav={allStaffNav(ctx)}>
        <p class="muted"><a href={`${adminBase(c)}/${year}`}>{dt(L, 'admin.title', { year })}</a></p>
        <h1>{`${item.code} ${item.titleTh}`}</h1>
        <p>{dt(L, 'oit.status')}: <StatusBadge ctx={ctx} status={item.status} /></p>
        {item.evidence.length ? <EvidenceList ctx={ctx} evidence={item.evidence} /> : <p>{dt(L, 'oit.noEvidence')}</p>}
        {item.notes.length > 0 && (
          <>
            <h2>{dt(L, 'oit.requirement')}</h2>
            <ul>{item.notes.map((n) => <li class="muted">{n}</li>)}</ul>
          </>
        )}
        <ErrorSummary ctx={ctx} errors={errors} />
        <form method="post" action={`${adminBase(c)}/${year}/${code}`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea name="explanation" label={dt(L, 'f.explanation')} hint={dt(L, 'f.explanationHint')} values={v} errors={errors} rows={4} />
          <SelectField name="ownerUnitId" label={dt(L, 'f.owner')} values={v} errors={errors} placeholder="–" options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />
          <TextField name="dueDate" type="date" label={dt(L, 'f.due')} values={v} errors={errors} />
          <TextArea name="extraUrls" label={dt(L, 'f.extraUrls')} hint={dt(L, 'f.extraUrlsHint')} values={v} errors={errors} rows={3} />
          <button type="submit">{platformT(L, 'form.save')}</button>
        </form>
      </Layout>
    )
  }
  app.get('/oit/:year{[0-9]{4}}/:code{O[0-9]{1,3}}', requirePermission('portal.edit'), async (c) => render(c, await NotePage(c, yearParam(c), c.req.param('code'))))
  app.post('/oit/:year{[0-9]{4}}/:code{O[0-9]{1,3}}', requirePermission('portal.edit'), async (c) => {
    const year = yearParam(c)
    const code = c.req.param('code')
    const L = c.get('lang')
    const { values } = await readForm(c)
    const form = validate(NoteForm, values, { lang: L, labels: { explanation: dt(L, 'f.explanation'), ownerUnitId: dt(L, 'f.owner'), dueDate: dt(L, 'f.due'), extraUrls: dt(L, 'f.extraUrls') } })
    if (!form.ok) {
      const errors = { ...form.errors }
      if (errors.extraUrls) errors.extraUrls = dt(L, 'err.urls')
      return render(c, await NotePage(c, year, code, values, errors), 422)
    }
    const units = await listUnitsOf(c.get('deps').db, c.get('org')!.id)
    await saveItemNote(ctxOf(c), year, code, { ...form.data, ownerUnitId: units.some((u) => u.id === form.data.ownerUnitId) ? form.data.ownerUnitId : null })
    flash(c, dt(L, 'admin.saved', { code }))
    return c.redirect(`${adminBase(c)}/${year}`, 303)
  })

  app.post('/oit/:year{[0-9]{4}}/check-links', requirePermission('portal.edit'), async (c) => {
    const year = yearParam(c)
    const org = c.get('org')!
    const r = await runLinkCheck(c.get('deps'), org, { siteOrigin: baseUrl(c), probe: requestProbe(c), years: [year] })
    flash(c, dt(c.get('lang'), 'admin.checked', { n: r.length, bad: r.filter((x) => !x.ok).length }))
    return c.redirect(`${adminBase(c)}/${year}`, 303)
  })

  app.get('/oit/:year{[0-9]{4}}/answer-sheet.xlsx', requirePermission('portal.read'), async (c) => {
    const year = yearParam(c)
    const m = await mapOrNotFound(c, year)
    const org = c.get('org')!
    const buf = await answerSheetXlsx(sheetRows(m.items, baseUrl(c)), { orgName: org.nameTh, year })
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="oit-${year}-${org.slug}.xlsx"`,
      'Cache-Control': 'no-store',
    })
  })
  app.get('/oit/:year{[0-9]{4}}/answer-sheet.csv', requirePermission('portal.read'), async (c) => {
    const year = yearParam(c)
    const m = await mapOrNotFound(c, year)
    return c.body(answerSheetCsv(sheetRows(m.items, baseUrl(c))), 200, {
      'Content-Type': 'text/csv; charset=UTF-8',
      'Content-Disposition': `attachment; filename="oit-${year}-${c.get('org')!.slug}.csv"`,
      'Cache-Control': 'no-store',
    })
  })
  return app
}
