import type { PropsWithChildren } from 'hono/jsx'
import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, readForm, validate, type FormErrors, type FormValues } from '../../platform/http/forms.js'
import { AppError } from '../../platform/http/errors.js'
import { requirePermission } from '../../platform/http/guards.js'
import { can } from '../../platform/auth/permissions.js'
import { CsrfField, StaffLayout } from '../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TableWrap, TextArea, TextField } from '../../platform/ui/fields.js'
import { flash, pageCtx, type PageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { parseThaiDate, toIsoDate, toThaiDateInput } from '../../platform/thai/index.js'
import { htmlToPdf } from '../../platform/documents/pdf.js'
import { ct } from './complaints.i18n.js'
import { ASSIGN_ROLES, CATEGORIES, CHANNELS, OUTCOMES, REFERRALS, STATUSES, type Status } from './complaints.schema.js'
import {
  addCaseFile,
  appointCommittee,
  assignCase,
  changeStatus,
  getCase,
  getCaseFile,
  getSettings,
  listCases,
  markNamed,
  nextStatuses,
  staffMessage,
  submitReport,
  unassignCase,
  updateSettings,
  type CaseListItem,
  type CaseView,
  type ComplaintSettings,
} from './complaints.service.js'
import { ReceiptCode, ReportFields, ReportInput, reportLabels, uploadsOf } from './complaints.routes.js'
import { caseFileHtml } from './export.js'
import { CaseSummary, day, digits, downloadHeaders, FileList, lines, Messages, MessageForm, statusText, when } from './views.js'

const adminBase = (ctx: PageCtx) => `/o/${ctx.org!.slug}/admin/complaints`


const Page = (p: PropsWithChildren<{ ctx: PageCtx; title: string; back?: boolean }>) => (
  <StaffLayout ctx={p.ctx} title={p.title}>
    {p.back && (
      <p class="muted">
        <a href={adminBase(p.ctx)}>{ct(p.ctx.lang, 'admin.title')}</a>
      </p>
    )}
    <h1>{p.title}</h1>
    {p.children}
  </StaffLayout>
)

function thaiDate(L: PageCtx['lang'], optional: boolean) {
  return z
    .string()
    .optional()
    .transform((v, c) => {
      if (!v?.trim()) {
        if (!optional) c.addIssue({ code: 'custom', message: 'v.required' })
        return undefined
      }
      const r = parseThaiDate(v)
      if (!r.ok) {
        c.addIssue({ code: 'custom', message: ct(L, 'v.date') })
        return undefined
      }
      return toIsoDate(r.date)
    })
}

const CaseTable = ({ ctx, cases }: { ctx: PageCtx; cases: CaseListItem[] }) => {
  const L = ctx.lang
  if (!cases.length) return <p>{ct(L, 'admin.empty')}</p>
  return (
    <TableWrap label={ct(L, 'admin.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{ct(L, 'case.no')}</th>
            <th scope="col">{ct(L, 'case.subject')}</th>
            <th scope="col">{ct(L, 'case.category')}</th>
            <th scope="col">{ct(L, 'case.status')}</th>
            <th scope="col">{ct(L, 'case.received')}</th>
            <th scope="col">{ct(L, 'case.closeDue')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr>
              <td>{digits(ctx, String(c.caseNo))}</td>
              <td>
                <a href={`${adminBase(ctx)}/${c.id}`}>{c.subject ?? ct(L, 'case.purged')}</a>
                {c.overdue && (
                  <>
                    {' '}
                    <span class="badge">{ct(L, `case.overdue.${c.overdue}`)}</span>
                  </>
                )}
              </td>
              <td>{ct(L, `cat.${c.category}`)}</td>
              <td>{statusText(ctx, c)}</td>
              <td>{day(ctx, c.receivedAt)}</td>
              <td>{day(ctx, c.closeDueOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

const SettingsInput = z.object(
  Object.fromEntries(CATEGORIES.flatMap((c) => [[`ack_${c}`, f.int(1, 365)], [`close_${c}`, f.int(1, 730)]]).concat([['retentionYears', f.int(1, 50)]])) as Record<string, ReturnType<typeof f.int>>,
)

const CaseFormInput = {
  status: z.object({ to: f.choice(STATUSES), outcome: z.union([z.literal(''), f.choice(OUTCOMES)]).optional(), referredTo: z.union([z.literal(''), f.choice(REFERRALS)]).optional(), reason: f.text(5000) }),
  assign: z.object({ userId: z.uuid(), role: f.choice(ASSIGN_ROLES) }),
  user: z.object({ userId: z.uuid() }),
}

export function complaintsStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const guard = requirePermission('complaint.assigned')

  app.get('/complaints', guard, async (c) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const q = c.req.query('status') ?? 'open'
    const status = q === 'all' ? undefined : (q as Status | 'open' | 'overdue')
    if (status && !['open', 'overdue', ...STATUSES].includes(status)) throw new AppError('not_found', 404)
    const cases = await listCases(ctxOf(c), { status })
    const overdue = cases.filter((x) => x.overdue)
    const officer = can(ctx.actor, 'complaint.read')
    return render(
      c,
      <Page ctx={ctx} title={ct(L, 'admin.title')}>
        <p>{ct(L, 'admin.intro')}</p>
        {officer && (
          <ul class="cards">
            <li class="card"><a href={`${adminBase(ctx)}/new`}>{ct(L, 'admin.intake')}</a></li>
            <li class="card"><a href={`${adminBase(ctx)}/settings`}>{ct(L, 'admin.settings')}</a></li>
            <li class="card"><a href={`/o/${ctx.org!.slug}/complaints/stats`}>{ct(L, 'admin.stats')}</a></li>
          </ul>
        )}
        {overdue.length > 0 && q !== 'overdue' && (
          <section aria-labelledby="overdue-title">
            <h2 id="overdue-title">{ct(L, 'admin.overdueTitle')} ({digits(ctx, String(overdue.length))})</h2>
            <CaseTable ctx={ctx} cases={overdue} />
          </section>
        )}
        <form method="get" action={adminBase(ctx)} class="inline-form">
          <SelectField
            name="status"
            label={ct(L, 'admin.filter')}
            values={{ status: q }}
            options={[
              { value: 'open', label: ct(L, 'admin.filter.open') },
              { value: 'overdue', label: ct(L, 'admin.filter.overdue') },
              { value: 'all', label: ct(L, 'admin.filter.all') },
              ...STATUSES.map((s) => ({ value: s, label: ct(L, `status.${s}`) })),
            ]}
          />
          <button type="submit">{ct(L, 'admin.show')}</button>
        </form>
        <h2>{ct(L, 'admin.filter')}: {q === 'all' || q === 'open' || q === 'overdue' ? ct(L, `admin.filter.${q}`) : ct(L, `status.${q as Status}`)}</h2>
        <CaseTable ctx={ctx} cases={cases} />
      </Page>,
    )
  })

  // Staff intake: reports received on paper, by phone, in person or by e-mail.
  const IntakeInput = (L: PageCtx['lang']) => ReportInput.omit({ consent: true, nonce: true }).extend({ channel: f.choice(CHANNELS.filter((x) => x !== 'web') as unknown as ['paper', 'phone', 'in_person', 'email']), receivedOn: thaiDate(L, true) })
  const IntakePage = (p: { ctx: PageCtx; values?: FormValues; errors?: FormErrors }) => {
    const L = p.ctx.lang
    return (
      <Page ctx={p.ctx} title={ct(L, 'admin.intake')} back>
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
        <form method="post" action={`${adminBase(p.ctx)}/new`} enctype="multipart/form-data" novalidate>
          <CsrfField ctx={p.ctx} />
          <SelectField name="channel" label={ct(L, 'f.channel')} values={p.values} errors={p.errors} required placeholder="" options={CHANNELS.filter((x) => x !== 'web').map((x) => ({ value: x, label: ct(L, `channel.${x}`) }))} />
          <TextField name="receivedOn" label={ct(L, 'f.receivedOn')} hint={ct(L, 'f.receivedOn.hint')} values={p.values ?? { receivedOn: toThaiDateInput(new Date()) }} errors={p.errors} />
          <ReportFields ctx={p.ctx} values={p.values} errors={p.errors} />
          <button type="submit">{ct(L, 'case.save')}</button>
        </form>
      </Page>
    )
  }
  app.get('/complaints/new', requirePermission('complaint.intake'), (c) => render(c, <IntakePage ctx={pageCtx(c)} />))
  app.post('/complaints/new', requirePermission('complaint.intake'), async (c) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const { values, files } = await readForm(c)
    const form = validate(IntakeInput(L), values, { lang: L, labels: { ...reportLabels(L), channel: ct(L, 'f.channel'), receivedOn: ct(L, 'f.receivedOn') } })
    if (!form.ok) return render(c, <IntakePage ctx={ctx} values={form.values} errors={form.errors} />, 422)
    const d = form.data
    let r
    try {
      r = await submitReport(ctxOf(c), { ...d, contact: { name: d.contactName, phone: d.contactPhone, email: d.contactEmail }, files: await uploadsOf(files), channel: d.channel, receivedOn: d.receivedOn })
    } catch (e) {
      if (e instanceof AppError && e.detail && e.status !== 403) return render(c, <IntakePage ctx={ctx} values={form.values} errors={{ files: e.detail[L] }} />, 422)
      throw e
    }
    if (!r.ok) throw new AppError('conflict', 409)
    return render(
      c,
      <Page ctx={ctx} title={ct(L, 'admin.intake')} back>
        <p role="status">{ct(L, 'admin.intake.done', { code: '' })}</p>
        <ReceiptCode ctx={ctx} code={r.code} />
        <p>
          <a href={`${adminBase(ctx)}/${r.caseId}`}>{ct(L, 'case.no')} {digits(ctx, String(r.caseNo))}</a>
        </p>
      </Page>,
    )
  })

  // Settings: SLA per category and retention.
  const SettingsPage = (p: { ctx: PageCtx; s: ComplaintSettings; values?: FormValues; errors?: FormErrors }) => {
    const L = p.ctx.lang
    const values: FormValues = p.values ?? Object.fromEntries([...CATEGORIES.flatMap((k) => [[`ack_${k}`, String(p.s.sla[k].ack)], [`close_${k}`, String(p.s.sla[k].close)]]), ['retentionYears', String(p.s.retentionYears)]])
    return (
      <Page ctx={p.ctx} title={ct(L, 'settings.title')} back>
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
        <form method="post" action={`${adminBase(p.ctx)}/settings`} novalidate>
          <CsrfField ctx={p.ctx} />
          <fieldset>
            <legend>{ct(L, 'settings.sla')}</legend>
            {CATEGORIES.map((k) => (
              <>
                <TextField name={`ack_${k}`} type="number" inputmode="numeric" label={ct(L, 'settings.ack', { cat: ct(L, `cat.${k}`) })} values={values} errors={p.errors} />
                <TextField name={`close_${k}`} type="number" inputmode="numeric" label={ct(L, 'settings.close', { cat: ct(L, `cat.${k}`) })} values={values} errors={p.errors} />
              </>
            ))}
          </fieldset>
          <TextField name="retentionYears" type="number" inputmode="numeric" label={ct(L, 'settings.retention')} values={values} errors={p.errors} />
          <button type="submit">{ct(L, 'case.save')}</button>
        </form>
      </Page>
    )
  }
  app.get('/complaints/settings', requirePermission('complaint.settings'), async (c) => render(c, <SettingsPage ctx={pageCtx(c)} s={await getSettings(ctxOf(c))} />))
  app.post('/complaints/settings', requirePermission('complaint.settings'), async (c) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const { values } = await readForm(c)
    const labels = Object.fromEntries([...CATEGORIES.flatMap((k) => [[`ack_${k}`, ct(L, 'settings.ack', { cat: ct(L, `cat.${k}`) })], [`close_${k}`, ct(L, 'settings.close', { cat: ct(L, `cat.${k}`) })]]), ['retentionYears', ct(L, 'settings.retention')]])
    const form = validate(SettingsInput, values, { lang: L, labels })
    if (!form.ok) return render(c, <SettingsPage ctx={ctx} s={await getSettings(ctxOf(c))} values={form.values} errors={form.errors} />, 422)
    const d = form.data as Record<string, number>
    const sla = Object.fromEntries(CATEGORIES.map((k) => [k, { ack: d[`ack_${k}`]!, close: d[`close_${k}`]! }])) as ComplaintSettings['sla']
    await updateSettings(ctxOf(c), { sla, retentionYears: d.retentionYears! })
    flash(c, ct(L, 'settings.saved'))
    return c.redirect(`${adminBase(ctx)}/settings`, 303)
  })

  // One case.
  app.get('/complaints/:id', guard, async (c) => {
    const ctx = pageCtx(c)
    const v = await getCase(ctxOf(c), c.req.param('id'))
    return render(c, <CasePage ctx={ctx} v={v} />)
  })

  const back = (c: StaffContext, msg: string) => {
    flash(c, msg)
    return c.redirect(`${adminBase(pageCtx(c))}/${c.req.param('id')}`, 303)
  }
  const reshow = async (c: StaffContext, errors: FormErrors, values: FormValues) => {
    const v = await getCase(ctxOf(c), c.req.param('id')!)
    return render(c, <CasePage ctx={pageCtx(c)} v={v} errors={errors} values={values} />, 422)
  }

  app.post('/complaints/:id/status', requirePermission('complaint.manage'), async (c) => {
    const L = c.get('lang')
    const { values } = await readForm(c)
    const form = validate(CaseFormInput.status.extend({ decidedOn: thaiDate(L, true) }), values, { lang: L, labels: { to: ct(L, 'case.to'), outcome: ct(L, 'case.outcome'), referredTo: ct(L, 'case.referredTo'), reason: ct(L, 'case.reason'), decidedOn: ct(L, 'case.decidedOn') } })
    if (!form.ok) return reshow(c, form.errors, form.values)
    const d = form.data
    try {
      await changeStatus(ctxOf(c), c.req.param('id'), { to: d.to, outcome: d.outcome || undefined, referredTo: d.referredTo || undefined, reason: d.reason, decidedOn: d.decidedOn })
    } catch (e) {
      if (e instanceof AppError && e.detail && (e.status === 422 || e.status === 409)) return reshow(c, { to: e.detail[L] }, form.values)
      throw e
    }
    return back(c, ct(L, 'case.statusSaved'))
  })
  app.post('/complaints/:id/messages', requirePermission('complaint.manage'), async (c) => {
    const L = c.get('lang')
    const { values, files } = await readForm(c)
    const body = typeof values.body === 'string' ? values.body.trim().slice(0, 10_000) : ''
    if (!body) return reshow(c, { body: ct(L, 'f.message') }, values)
    await staffMessage(ctxOf(c), c.req.param('id'), body, await uploadsOf(files))
    return back(c, ct(L, 'case.messageSent'))
  })
  app.post('/complaints/:id/assign', requirePermission('complaint.manage'), async (c) => {
    const L = c.get('lang')
    const { values } = await readForm(c)
    const form = validate(CaseFormInput.assign, values, { lang: L, labels: { userId: ct(L, 'case.assignUser'), role: ct(L, 'case.assignRole') } })
    if (!form.ok) return reshow(c, form.errors, form.values)
    try {
      await assignCase(ctxOf(c), c.req.param('id'), form.data.userId, form.data.role)
    } catch (e) {
      if (e instanceof AppError && e.detail) return reshow(c, { userId: e.detail[L] }, form.values)
      throw e
    }
    return back(c, ct(L, 'case.assigned'))
  })
  app.post('/complaints/:id/unassign', requirePermission('complaint.manage'), async (c) => {
    const { values } = await readForm(c)
    const form = validate(CaseFormInput.user, values, { lang: c.get('lang'), labels: {} })
    if (!form.ok) throw new AppError('bad_request', 400)
    await unassignCase(ctxOf(c), c.req.param('id'), form.data.userId)
    return back(c, ct(c.get('lang'), 'case.assigned'))
  })
  app.post('/complaints/:id/named', requirePermission('complaint.manage'), async (c) => {
    const { values } = await readForm(c)
    const form = validate(CaseFormInput.user, values, { lang: c.get('lang'), labels: { userId: ct(c.get('lang'), 'case.assignUser') } })
    if (!form.ok) return reshow(c, form.errors, form.values)
    await markNamed(ctxOf(c), c.req.param('id'), form.data.userId)
    return back(c, ct(c.get('lang'), 'case.markNamedDone'))
  })
  app.post('/complaints/:id/committee', requirePermission('complaint.manage'), async (c) => {
    const L = c.get('lang')
    const { values } = await readForm(c)
    const form = validate(z.object({ members: f.list(), deadline: thaiDate(L, false) }), values, { lang: L, labels: { members: ct(L, 'case.committeeMembers'), deadline: ct(L, 'case.committeeDeadline') } })
    if (!form.ok) return reshow(c, form.errors, form.values)
    try {
      await appointCommittee(ctxOf(c), c.req.param('id'), form.data.members.filter((m) => /^[0-9a-f-]{36}$/i.test(m)), form.data.deadline!)
    } catch (e) {
      if (e instanceof AppError && e.detail) return reshow(c, { members: e.detail[L] }, form.values)
      throw e
    }
    return back(c, ct(L, 'case.appointed'))
  })
  app.post('/complaints/:id/files', guard, async (c) => {
    const L = c.get('lang')
    const { values, files } = await readForm(c)
    const kind = values.kind === 'findings' ? 'findings' : 'minutes'
    const [upload] = await uploadsOf(files, 'file')
    if (!upload) return reshow(c, { file: ct(L, 'case.file') }, values)
    try {
      await addCaseFile(ctxOf(c), c.req.param('id'), kind, upload)
    } catch (e) {
      if (e instanceof AppError && e.detail) return reshow(c, { file: e.detail[L] }, values)
      throw e
    }
    return back(c, ct(L, 'case.uploaded'))
  })
  app.get('/complaints/:id/files/:fileId', guard, async (c) => {
    const file = await getCaseFile(ctxOf(c), c.req.param('id'), c.req.param('fileId'))
    return c.body(new Uint8Array(file.bytes), 200, downloadHeaders(file))
  })
  app.get('/complaints/:id/export.html', requirePermission('complaint.manage'), async (c) => {
    const v = await getCase(ctxOf(c), c.req.param('id'), 'complaint.export')
    c.header('Cache-Control', 'private, no-store')
    return c.html(caseFileHtml(v, c.get('org')!, c.get('lang')))
  })
  app.get('/complaints/:id/export.pdf', requirePermission('complaint.manage'), async (c) => {
    const v = await getCase(ctxOf(c), c.req.param('id'), 'complaint.export')
    const pdf = await htmlToPdf(caseFileHtml(v, c.get('org')!, c.get('lang')))
    return c.body(new Uint8Array(pdf), 200, downloadHeaders({ name: `complaint-${v.meta.caseNo}.pdf`, contentType: 'application/pdf', bytes: pdf }))
  })
  return app
}

const CasePage = ({ ctx, v, errors, values }: { ctx: PageCtx; v: CaseView; errors?: FormErrors; values?: FormValues }) => {
  const L = ctx.lang
  const b = `${adminBase(ctx)}/${v.meta.id}`
  const fileHref = (f: { id: string }) => `${b}/files/${f.id}`
  const manage = v.access === 'manage'
  const title = `${ct(L, 'case.no')} ${digits(ctx, String(v.meta.caseNo))}${v.content ? ` — ${v.content.subject}` : ''}`
  const next = nextStatuses(v.meta.status)
  const assignable = v.staff.filter((s) => !v.meta.excludedUserIds.includes(s.id) && s.role !== 'agency_admin' && s.role !== 'viewer')
  const committeeFiles = v.files.filter((f) => f.kind === 'minutes' || f.kind === 'findings')
  return (
    <Page ctx={ctx} title={title} back>
      <ErrorSummary ctx={ctx} errors={errors} />
      <CaseSummary ctx={ctx} meta={v.meta} staff />
      <h2>{ct(L, 'case.content')}</h2>
      {v.content ? (
        <dl>
          <dt>{ct(L, 'f.subject')}</dt>
          <dd>{v.content.subject}</dd>
          <dt>{ct(L, 'f.details')}</dt>
          <dd>{lines(v.content.details)}</dd>
          <dt>{ct(L, 'f.whenWhere')}</dt>
          <dd>{v.content.whenWhere ?? '—'}</dd>
          <dt>{ct(L, 'f.who')}</dt>
          <dd>{v.content.who ?? '—'}</dd>
        </dl>
      ) : (
        <p>{ct(L, 'case.purged')}</p>
      )}
      <h2>{ct(L, 'case.contact')}</h2>
      {v.contact ? (
        <dl>
          <dt>{ct(L, 'f.contactName')}</dt>
          <dd>{v.contact.name ?? '—'}</dd>
          <dt>{ct(L, 'f.contactPhone')}</dt>
          <dd>{v.contact.phone ?? '—'}</dd>
          <dt>{ct(L, 'f.contactEmail')}</dt>
          <dd>{v.contact.email ?? '—'}</dd>
        </dl>
      ) : (
        <p>{ct(L, 'case.noContact')}</p>
      )}
      <h2>{ct(L, 'case.evidence')}</h2>
      <FileList ctx={ctx} files={v.files.filter((f) => f.kind === 'evidence')} href={fileHref} />
      {manage && (
        <p>
          <a href={`${b}/export.pdf`}>{ct(L, 'case.export')}</a> · <a href={`${b}/export.html`}>{ct(L, 'case.exportHtml')}</a>
        </p>
      )}

      <h2>{ct(L, 'case.messages')}</h2>
      <Messages ctx={ctx} messages={v.messages} fileHref={fileHref} staffView />
      {manage && v.content && <MessageForm ctx={ctx} action={`${b}/messages`} error={errors?.body} />}

      {manage && next.length > 0 && (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{ct(L, 'case.changeStatus')}</h2>
          <form method="post" action={`${b}/status`} novalidate>
            <CsrfField ctx={ctx} />
            <SelectField name="to" label={ct(L, 'case.to')} values={values} errors={errors} required options={next.map((s) => ({ value: s, label: ct(L, `status.${s}`) }))} />
            <SelectField name="outcome" label={ct(L, 'case.outcome')} values={values} errors={errors} placeholder="—" options={OUTCOMES.map((o) => ({ value: o, label: ct(L, `outcome.${o}`) }))} />
            <SelectField name="referredTo" label={ct(L, 'case.referredTo')} values={values} errors={errors} placeholder="—" options={REFERRALS.map((r) => ({ value: r, label: ct(L, `ref.${r}`) }))} />
            <TextArea name="reason" label={ct(L, 'case.reason')} values={values} errors={errors} required rows={3} />
            <TextField name="decidedOn" label={ct(L, 'case.decidedOn')} hint={ct(L, 'case.decidedOn.hint')} values={values} errors={errors} />
            <button type="submit">{ct(L, 'case.save')}</button>
          </form>
        </section>
      )}

      <h2>{ct(L, 'case.assignments')}</h2>
      {v.assignments.length ? (
        <ul class="item-list">
          {v.assignments.map((a) => (
            <li>
              {a.name} <span class="muted">({ct(L, `role.${a.role}`)})</span>
              {manage && (
                <form method="post" action={`${b}/unassign`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="userId" value={a.userId} />
                  <button type="submit" class="link">
                    {ct(L, 'case.unassign')}
                    <span class="visually-hidden"> {a.name}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>—</p>
      )}
      {manage && (
        <form method="post" action={`${b}/assign`} novalidate>
          <CsrfField ctx={ctx} />
          <SelectField name="userId" label={ct(L, 'case.assignUser')} values={values} errors={errors} required placeholder="" options={assignable.map((s) => ({ value: s.id, label: s.displayName }))} />
          <SelectField name="role" label={ct(L, 'case.assignRole')} values={values} errors={errors} required options={ASSIGN_ROLES.map((r) => ({ value: r, label: ct(L, `role.${r}`) }))} />
          <button type="submit">{ct(L, 'case.assign')}</button>
        </form>
      )}

      <section aria-labelledby="committee-title">
        <h2 id="committee-title">{ct(L, 'case.committee')}</h2>
        {v.meta.committeeAppointedAt && (
          <p>
            {when(ctx, v.meta.committeeAppointedAt)} · {ct(L, 'case.committeeDeadline')}: {day(ctx, v.meta.committeeDeadline)}
          </p>
        )}
        {manage && (
          <form method="post" action={`${b}/committee`} novalidate>
            <CsrfField ctx={ctx} />
            <fieldset class="field">
              <legend>{ct(L, 'case.committeeMembers')}</legend>
              {assignable.map((s, i) => (
                <div class="checkbox">
                  <input id={`member-${i}`} type="checkbox" name="members" value={s.id} checked={v.assignments.some((a) => a.userId === s.id && a.role === 'committee')} />
                  <label for={`member-${i}`}>{s.displayName}</label>
                </div>
              ))}
            </fieldset>
            <TextField name="deadline" label={ct(L, 'case.committeeDeadline')} values={values ?? (v.meta.committeeDeadline ? { deadline: toThaiDateInput(v.meta.committeeDeadline) } : undefined)} errors={errors} />
            <button type="submit">{ct(L, 'case.appoint')}</button>
          </form>
        )}
        <h3>{ct(L, 'case.committeeFiles')}</h3>
        <FileList ctx={ctx} files={committeeFiles} href={fileHref} />
        {(manage || v.access === 'committee') && (
          <form method="post" action={`${b}/files`} enctype="multipart/form-data">
            <CsrfField ctx={ctx} />
            <SelectField name="kind" label={ct(L, 'case.fileKind')} options={[{ value: 'minutes', label: ct(L, 'case.kind.minutes') }, { value: 'findings', label: ct(L, 'case.kind.findings') }]} />
            <div class="field">
              <label for="file">{ct(L, 'case.file')}</label>
              {errors?.file && (
                <span class="error" id="file-error">
                  {errors.file}
                </span>
              )}
              <input id="file" name="file" type="file" accept="image/jpeg,image/png,application/pdf" required />
            </div>
            <button type="submit">{ct(L, 'case.upload')}</button>
          </form>
        )}
      </section>

      {manage && (
        <section aria-labelledby="named-title">
          <h2 id="named-title">{ct(L, 'case.named')}</h2>
          <p>{v.excludedNames.length ? v.excludedNames.join(', ') : '—'}</p>
          <form method="post" action={`${b}/named`} novalidate>
            <CsrfField ctx={ctx} />
            <SelectField name="userId" label={ct(L, 'case.markNamed')} placeholder="" options={v.staff.filter((s) => !v.meta.excludedUserIds.includes(s.id)).map((s) => ({ value: s.id, label: s.displayName }))} />
            <button type="submit">{ct(L, 'case.save')}</button>
          </form>
        </section>
      )}

      <h2>{ct(L, 'case.history')}</h2>
      <ol class="item-list">
        {v.events.map((e) => (
          <li>
            {when(ctx, e.at)} — {ct(L, `event.${e.kind as 'received'}`)}
            {e.toStatus && ` → ${ct(L, `status.${e.toStatus as Status}`)}`}
            {e.actorName && ` (${e.actorName})`}
            {e.note && (
              <>
                : <span>{e.note}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </Page>
  )
}
