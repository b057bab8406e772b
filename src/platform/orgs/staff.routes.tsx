import { Hono } from 'hono'
import { z } from 'zod'
import type { PlatformContext, StaffContext, StaffEnv } from '../http/context.js'
import { ctxOf } from '../http/context.js'
import { f, formErrorsOf, parseForm, type FormErrors, type FormValues } from '../http/forms.js'
import { requirePermission } from '../http/guards.js'
import { intQuery, searchQuery } from '../http/params.js'
import { forgetOrg } from '../http/middleware.js'
import { t } from '../i18n/messages.js'
import type { Lang } from '../i18n/i18n.js'
import { CsrfField, PlatformLayout, StaffLayout } from '../ui/layout.js'
import { staffNavFor } from '../ui/menu.js'
import type { Registry } from '../module/registry.js'
import { CheckboxField, CheckboxGroup, ErrorSummary, Pager, SelectField, TableWrap, TextField } from '../ui/fields.js'
import { flash, pageCtx, type PageCtx } from '../ui/page-context.js'
import { render } from '../ui/render.js'
import { accountHandlers } from '../auth/auth.routes.js'
import { publicOrigin } from '../http/urls.js'
import { inviteUser } from '../auth/auth.service.js'
import { listPendingGrants } from './role-grants.js'
import { AUDIT_PAGE_SIZE, browseAudit, createUnit, deleteUnit, listUnits, listUsers, updateOrgSettings } from './orgs.service.js'
import { UNIT_KINDS, type Unit } from './orgs.schema.js'
import { currentFiscalYear, formatNumber } from '../thai/index.js'
import { agencyStatistics } from '../stats/statistics.js'
import { formatThaiDateTime } from '../thai/index.js'
import { listAccountsForLinking, listPeopleBrief } from '../people/people.service.js'
import { ppl } from '../people/people.i18n.js'


const UnitInput = z.object({
  nameTh: f.text(200),
  nameEn: f.optionalText(200),
  kind: f.choice(UNIT_KINDS),
  sortOrder: f.int(0, 999).default(0),
})
const unitLabels = (lang: Lang) => ({ nameTh: t(lang, 'units.nameTh'), nameEn: t(lang, 'units.nameEn'), kind: t(lang, 'units.kind'), sortOrder: t(lang, 'units.sortOrder') })

/** Roles an agency admin may give (every role but the platform's own admin role). */
const invitableRoles = (registry: Registry): string[] => [...registry.roles.values()].filter((r) => r.assignable !== false).map((r) => r.id)
const inviteInput = (roles: string[]) =>
  z.object({
    email: f.email(),
    displayName: f.text(200),
    position: f.optionalText(200),
    role: f.choice(roles as [string, ...string[]]),
    unitIds: f.list(),
    personId: f.optionalText(40),
  })

const SettingsInput = z.object({
  thaiNumerals: f.checkbox(),
  requireTwoFactorForAdmins: f.checkbox(),
  phone: f.optionalText(100),
  email: z.union([z.literal(''), f.email()]).optional().transform((v) => v || undefined),
  address: f.optionalText(500),
  officeHours: f.optionalText(200),
})

/** The agency staff shell: dashboard, units, users, audit log, settings, my account. */
export function staffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `/o/${c.get('org').slug}/admin`

  // The dashboard: a card for each module's area this actor may open, with the module's summary.
  app.get('/', requirePermission('staff.dashboard'), async (c) => {
    const ctx = pageCtx(c)
    const actor = ctx.actor
    const registry = ctx.registry
    const uc = ctxOf(c)
    const cards = await Promise.all(
      registry.dashboardCards
        .filter((d) => ctx.can(d.permission))
        .map(async (d) => ({ href: `${base(c)}${d.path}`, title: d.title[ctx.lang], summary: d.summary ? await d.summary(uc).catch(() => null) : null })),
    )
    const links = staffNavFor(registry, ctx.lang, ctx.org.slug, actor).filter((l) => l.href !== base(c) && !cards.some((x) => x.href === l.href))
    const fy = currentFiscalYear(new Date())
    const figures = (await agencyStatistics(uc.db, ctx.org.id, fy))
      .map((f) => ({ ...f, def: registry.statistics.find((d) => d.moduleId === f.module && d.key === f.key) }))
      .filter((f): f is typeof f & { def: NonNullable<typeof f.def> } => !!f.def)
    return render(
      c,
      <StaffLayout ctx={ctx} title={t(ctx.lang, 'dashboard.title')}>
        <h1>{t(ctx.lang, 'dashboard.title')}</h1>
        <p>{t(ctx.lang, 'dashboard.hello', { name: actor.displayName })}</p>
        <p>{t(ctx.lang, 'dashboard.role', { role: registry.roleLabel(actor.role, ctx.lang) })}</p>
        <p>{t(ctx.lang, 'dashboard.fiscalYear', { year: fy })}</p>
        {figures.length > 0 && (
          <section aria-labelledby="figures">
            <h2 id="figures">{t(ctx.lang, 'dashboard.figures', { year: fy })}</h2>
            <dl class="figures">
              {figures.map((f) => (
                <div>
                  <dt>{f.def.label[ctx.lang]}</dt>
                  <dd>{formatNumber(f.value, { decimals: f.def.unit === 'percent' ? 1 : Number.isInteger(f.value) ? 0 : 1, thaiDigits: !!ctx.org.settings.thaiNumerals && ctx.lang === 'th' })}{f.def.unit === 'percent' ? ' %' : ''}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        {cards.length + links.length > 0 && (
          <ul class="cards">
            {cards.map((i) => (
              <li class="card">
                <h2>
                  <a href={i.href}>{i.title}</a>
                </h2>
                {i.summary && <p>{i.summary}</p>}
              </li>
            ))}
            {links.map((i) => (
              <li class="card">
                <a href={i.href}>{i.label}</a>
              </li>
            ))}
          </ul>
        )}
      </StaffLayout>,
    )
  })

  // Units
  const UnitsPage = (p: { ctx: PageCtx; units: Unit[]; heads: Map<string, string>; values?: FormValues; errors?: FormErrors; canManage: boolean }) => {
    const lang = p.ctx.lang
    return (
      <StaffLayout ctx={p.ctx} title={t(lang, 'units.title')}>
        <h1>{t(lang, 'units.title')}</h1>
        {p.units.length === 0 ? (
          <p>{t(lang, 'units.empty')}</p>
        ) : (
          <TableWrap label={t(lang, 'units.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'units.nameTh')}</th>
                  <th scope="col">{t(lang, 'units.kind')}</th>
                  <th scope="col">{ppl(lang, 'units.head')}</th>
                  {p.canManage && <th scope="col"><span class="visually-hidden">{t(lang, 'units.delete')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {p.units.map((u) => (
                  <tr>
                    <td>{lang === 'en' && u.nameEn ? u.nameEn : u.nameTh}</td>
                    <td>{t(lang, `unit.kind.${u.kind}`)}</td>
                    <td>
                      {(u.headPersonId && p.heads.get(u.headPersonId)) || <span class="muted">{ppl(lang, 'units.noHead')}</span>}
                      {p.canManage && (
                        <>
                          {' '}
                          <a href={`${p.ctx.path.replace(/\/$/, '')}/${u.id}/head`}>
                            {ppl(lang, 'units.edit')}
                            <span class="visually-hidden"> {u.nameTh}</span>
                          </a>
                        </>
                      )}
                    </td>
                    {p.canManage && (
                      <td>
                        <a href={`${p.ctx.path.replace(/\/$/, '')}/${u.id}/delete`}>
                          {t(lang, 'units.delete')}
                          <span class="visually-hidden"> {u.nameTh}</span>
                        </a>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {p.canManage && (
          <>
            <h2 id="add">{t(lang, 'units.add')}</h2>
            <ErrorSummary ctx={p.ctx} errors={p.errors} />
            <form method="post" action={p.ctx.path} novalidate>
              <CsrfField ctx={p.ctx} />
              <TextField name="nameTh" label={t(lang, 'units.nameTh')} values={p.values} errors={p.errors} required />
              <TextField name="nameEn" label={t(lang, 'units.nameEn')} values={p.values} errors={p.errors} />
              <SelectField name="kind" label={t(lang, 'units.kind')} values={p.values} errors={p.errors} placeholder="" options={UNIT_KINDS.map((k) => ({ value: k, label: t(lang, `unit.kind.${k}`) }))} required />
              <TextField name="sortOrder" type="number" label={t(lang, 'units.sortOrder')} values={p.values ?? { sortOrder: '0' }} errors={p.errors} inputmode="numeric" />
              <button type="submit">{t(lang, 'form.save')}</button>
            </form>
          </>
        )}
      </StaffLayout>
    )
  }
  const canManageUnits = (c: StaffContext) => c.get('actor')?.role === 'agency_admin'
  // Heads' names, for those who may see the people list (the shell shows "not set" to the rest).
  const headNames = async (c: StaffContext) => new Map(c.get('actor')?.permissions.has('people.read') ? (await listPeopleBrief(ctxOf(c))).map((x) => [x.id, x.fullName]) : [])
  app.get('/units', requirePermission('unit.read'), async (c) => render(c, <UnitsPage ctx={pageCtx(c)} units={await listUnits(ctxOf(c))} heads={await headNames(c)} canManage={canManageUnits(c)} />))
  app.post('/units', requirePermission('unit.manage'), async (c) => {
    const lang = c.get('lang')
    const form = await parseForm(c, UnitInput, unitLabels(lang))
    const again = async (errors: FormErrors, status: 409 | 422) =>
      render(c, <UnitsPage ctx={pageCtx(c)} units={await listUnits(ctxOf(c))} heads={await headNames(c)} values={form.values} errors={errors} canManage />, status)
    if (!form.ok) return again(form.errors, 422)
    const r = await createUnit(ctxOf(c), form.data)
    if ('duplicate' in r) return again({ nameTh: t(lang, 'units.duplicate') }, 409)
    flash(c, t(lang, 'units.created'))
    return c.redirect(`${base(c)}/units`, 303)
  })
  // Deleting asks for confirmation on its own page (works without JavaScript).
  app.get('/units/:id/delete', requirePermission('unit.manage'), async (c) => {
    const ctx = pageCtx(c)
    const unit = (await listUnits(ctxOf(c))).find((u) => u.id === c.req.param('id'))
    if (!unit) return c.notFound()
    const msg = t(ctx.lang, 'units.deleteConfirm', { name: unit.nameTh })
    return render(
      c,
      <StaffLayout ctx={ctx} title={msg}>
        <h1>{msg}</h1>
        <form method="post" action={`${base(c)}/units/${unit.id}/delete`} class="actions">
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger">{t(ctx.lang, 'form.confirm')}</button>
          <a href={`${base(c)}/units`}>{t(ctx.lang, 'form.cancel')}</a>
        </form>
      </StaffLayout>,
    )
  })
  app.post('/units/:id/delete', requirePermission('unit.manage'), async (c) => {
    await deleteUnit(ctxOf(c), c.req.param('id'))
    flash(c, t(c.get('lang'), 'units.deleted'))
    return c.redirect(`${base(c)}/units`, 303)
  })

  // Users
  const UsersPage = async (c: StaffContext, values?: FormValues, errors?: FormErrors) => {
    const ctx = pageCtx(c)
    const lang = ctx.lang
    const canManage = ctx.actor?.role === 'agency_admin'
    const [rows, units, pending, unlinked] = await Promise.all([
      listUsers(ctxOf(c)),
      listUnits(ctxOf(c)),
      listPendingGrants(ctxOf(c)),
      // People without an account yet: an invitation can be for one of them.
      canManage ? listAccountsForLinking(ctxOf(c)).then(async (accounts) => {
        const linked = new Set(accounts.map((a) => a.personId).filter(Boolean))
        return (await listPeopleBrief(ctxOf(c))).filter((p) => !linked.has(p.id) && !p.activeUntil)
      }) : [],
    ])
    const unitName = new Map(units.map((u) => [u.id, u.nameTh]))
    return (
      <StaffLayout ctx={ctx} title={t(lang, 'users.title')}>
        <h1>{t(lang, 'users.title')}</h1>
        {pending.length > 0 && (
          <p class="notice">
            <a href={`${base(c)}/users/grants`}>{t(lang, 'grants.pendingLink', { count: pending.length })}</a>
          </p>
        )}
        <TableWrap label={t(lang, 'users.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'users.displayName')}</th>
                <th scope="col">{t(lang, 'users.email')}</th>
                <th scope="col">{t(lang, 'users.role')}</th>
                <th scope="col">{t(lang, 'users.units')}</th>
                <th scope="col">{t(lang, 'users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr>
                  <td>
                    {u.displayName}
                    {u.position && <div class="muted">{u.position}</div>}
                  </td>
                  <td>{u.email}</td>
                  <td>{ctx.registry.roleLabel(u.role, lang)}</td>
                  <td>{u.unitIds.map((id) => unitName.get(id)).filter(Boolean).join(', ')}</td>
                  <td>{u.lockedUntil && u.lockedUntil > new Date() ? t(lang, 'users.locked') : u.passwordHash ? t(lang, 'users.active') : t(lang, 'users.pending')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {canManage && (
          <>
            <h2>{t(lang, 'users.invite')}</h2>
            <ErrorSummary ctx={ctx} errors={errors} />
            <form method="post" action={`${base(c)}/users`} novalidate>
              <CsrfField ctx={ctx} />
              <TextField name="email" type="email" label={t(lang, 'users.email')} values={values} errors={errors} required />
              <TextField name="displayName" label={t(lang, 'users.displayName')} values={values} errors={errors} required />
              <TextField name="position" label={t(lang, 'users.position')} values={values} errors={errors} />
              <SelectField name="role" label={t(lang, 'users.role')} values={values} errors={errors} placeholder="" options={invitableRoles(ctx.registry).map((r) => ({ value: r, label: ctx.registry.roleLabel(r, lang) }))} required />
              {units.length > 0 && <CheckboxGroup name="unitIds" label={t(lang, 'users.units')} values={values} options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />}
              {unlinked.length > 0 && (
                <SelectField name="personId" label={ppl(lang, 'users.person')} hint={ppl(lang, 'users.personHint')} values={values} errors={errors} options={[{ value: '', label: ppl(lang, 'people.none') }, ...unlinked.map((p) => ({ value: p.id, label: p.position ? `${p.fullName} (${p.position})` : p.fullName }))]} />
              )}
              <button type="submit">{t(lang, 'users.invite')}</button>
            </form>
          </>
        )}
      </StaffLayout>
    )
  }
  app.get('/users', requirePermission('user.read'), async (c) => render(c, await UsersPage(c)))
  app.post('/users', requirePermission('user.manage'), async (c) => {
    const lang = c.get('lang')
    const form = await parseForm(c, inviteInput(invitableRoles(c.get('deps').registry)), { email: t(lang, 'users.email'), displayName: t(lang, 'users.displayName'), position: t(lang, 'users.position'), role: t(lang, 'users.role') })
    if (!form.ok) return render(c, await UsersPage(c, form.values, form.errors), 422)
    const units = await listUnits(ctxOf(c))
    const unitIds = form.data.unitIds.filter((id) => units.some((u) => u.id === id))
    const org = c.get('org')
    let r
    try {
      r = await inviteUser(ctxOf(c), { ...form.data, unitIds, orgName: org.nameTh, baseUrl: `${publicOrigin(c)}/o/${org.slug}` })
    } catch (e) {
      const failed = formErrorsOf(e, lang)
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await UsersPage(c, form.values, failed.errors), failed.status)
    }
    if ('duplicate' in r) return render(c, await UsersPage(c, form.values, { email: t(lang, 'users.duplicate') }), 409)
    const sensitive = c.get('deps').registry.roles.get(form.data.role)?.sensitive
    flash(c, sensitive ? t(lang, 'grants.invited', { email: form.data.email, role: c.get('deps').registry.roleLabel(form.data.role, lang) }) : t(lang, 'users.invited', { email: form.data.email }))
    return c.redirect(`${base(c)}/users`, 303)
  })

  app.get('/audit', requirePermission('audit.read'), async (c) => render(c, await AuditPage(c)))

  // Settings
  const SettingsPage = (p: { ctx: PageCtx; values: FormValues; errors?: FormErrors }) => {
    const lang = p.ctx.lang
    return (
      <StaffLayout ctx={p.ctx} title={t(lang, 'settings.title')}>
        <h1>{t(lang, 'settings.title')}</h1>
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
        <form method="post" action={p.ctx.path} novalidate>
          <CsrfField ctx={p.ctx} />
          <CheckboxField name="thaiNumerals" label={t(lang, 'settings.thaiNumerals')} values={p.values} />
          <CheckboxField name="requireTwoFactorForAdmins" label={t(lang, 'settings.require2fa')} values={p.values} />
          <TextField name="phone" label={t(lang, 'settings.phone')} values={p.values} errors={p.errors} autocomplete="tel" />
          <TextField name="email" type="email" label={t(lang, 'settings.contactEmail')} values={p.values} errors={p.errors} />
          <TextField name="address" label={t(lang, 'settings.address')} values={p.values} errors={p.errors} />
          <TextField name="officeHours" label={t(lang, 'settings.officeHours')} values={p.values} errors={p.errors} />
          <button type="submit">{t(lang, 'form.save')}</button>
        </form>
      </StaffLayout>
    )
  }
  app.get('/settings', requirePermission('org.settings'), (c) => {
    const s = c.get('org').settings
    const values: FormValues = {
      thaiNumerals: s.thaiNumerals ? 'on' : '',
      requireTwoFactorForAdmins: s.requireTwoFactorForAdmins ? 'on' : '',
      phone: s.contact?.phone ?? '',
      email: s.contact?.email ?? '',
      address: s.contact?.address ?? '',
      officeHours: s.contact?.officeHours ?? '',
    }
    return render(c, <SettingsPage ctx={pageCtx(c)} values={values} />)
  })
  app.post('/settings', requirePermission('org.settings'), async (c) => {
    const lang = c.get('lang')
    const form = await parseForm(c, SettingsInput, { phone: t(lang, 'settings.phone'), email: t(lang, 'settings.contactEmail'), address: t(lang, 'settings.address'), officeHours: t(lang, 'settings.officeHours') })
    if (!form.ok) return render(c, <SettingsPage ctx={pageCtx(c)} values={form.values} errors={form.errors} />, 422)
    const org = c.get('org')
    const d = form.data
    await updateOrgSettings(ctxOf(c), {
      ...org.settings,
      thaiNumerals: d.thaiNumerals,
      requireTwoFactorForAdmins: d.requireTwoFactorForAdmins,
      contact: { ...org.settings.contact, phone: d.phone, email: d.email, address: d.address, officeHours: d.officeHours },
    })
    forgetOrg(org.slug)
    flash(c, t(lang, 'settings.saved'))
    return c.redirect(`${base(c)}/settings`, 303)
  })

  const account = accountHandlers('staff')
  app.get('/account', requirePermission('account.manage'), account.get)
  app.post('/account', requirePermission('account.manage'), account.post)
  return app
}

/** Audit log browser, shared by the agency and platform areas. */
export async function AuditPage(c: StaffContext | PlatformContext) {
  const ctx = pageCtx(c)
  const lang = ctx.lang
  const Area = ctx.org ? StaffLayout : PlatformLayout
  // Query values anyone can type: NUL bytes and non-integer ids would otherwise reach PostgreSQL.
  const action = searchQuery(c, 'action', 60)
  const beforeRaw = c.req.query('before') ?? ''
  const before = /^[1-9]\d{0,17}$/.test(beforeRaw) ? Number(beforeRaw) : undefined
  const page = intQuery(c, 'page', 1, 100_000)
  const rows = await browseAudit(ctxOf(c), { action, before })
  const hasNext = rows.length > AUDIT_PAGE_SIZE
  const shown = rows.slice(0, AUDIT_PAGE_SIZE)
  const last = shown[shown.length - 1]
  const qs = (extra: Record<string, string>) => '?' + new URLSearchParams({ ...(action ? { action } : {}), ...extra }).toString()
  return (
    <Area ctx={ctx} title={t(lang, 'audit.title')}>
      <h1>{t(lang, 'audit.title')}</h1>
      <form method="get" action={c.req.path} class="actions">
        <TextField name="action" type="search" label={t(lang, 'audit.filterAction')} values={{ action: action ?? '' }} />
        <button type="submit">{t(lang, 'audit.filter')}</button>
      </form>
      {shown.length === 0 ? (
        <p>{t(lang, 'audit.empty')}</p>
      ) : (
        <TableWrap label={t(lang, 'audit.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'audit.when')}</th>
                <th scope="col">{t(lang, 'audit.who')}</th>
                <th scope="col">{t(lang, 'audit.action')}</th>
                <th scope="col">{t(lang, 'audit.entity')}</th>
                <th scope="col">{t(lang, 'audit.request')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr>
                  <td>{formatThaiDateTime(r.at, { lang })}</td>
                  <td>{r.actorLabel ?? r.actorUserId ?? '—'}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.entityType} {r.entityId ? <code>{r.entityId.slice(0, 8)}</code> : null}
                  </td>
                  <td>
                    <code>{r.requestId?.slice(0, 8)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager ctx={ctx} page={page} hasNext={hasNext} href={(p) => (p > page && last ? qs({ before: String(last.id), page: String(p) }) : qs({}))} />
    </Area>
  )
}
