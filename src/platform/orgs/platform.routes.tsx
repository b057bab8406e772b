import { Hono } from 'hono'
import { z } from 'zod'
import { desc } from 'drizzle-orm'
import type { PlatformContext, PlatformEnv } from '../http/context.js'
import { ctxOf } from '../http/context.js'
import { f, parseForm, type FormErrors, type FormValues } from '../http/forms.js'
import { requirePlatformAdmin } from '../http/guards.js'
import { t } from '../i18n/messages.js'
import type { Lang } from '../i18n/i18n.js'
import { CsrfField, PlatformLayout } from '../ui/layout.js'
import { ErrorSummary, SelectField, TableWrap, TextField } from '../ui/fields.js'
import { flash, pageCtx, type PageCtx } from '../ui/page-context.js'
import { render } from '../ui/render.js'
import { accountHandlers } from '../auth/auth.routes.js'
import { inOrg } from '../../db/client.js'
import { mailOutbox } from '../mail/mail.schema.js'
import { assertCan } from '../auth/permissions.js'
import { createOrg, listOrgs } from './orgs.service.js'
import { ORG_KINDS, type Org } from './orgs.schema.js'
import { AuditPage } from './staff.routes.js'
import { formatThaiDateTime } from '../thai/index.js'
import { appendAudit } from '../audit/audit.js'
import { maskLinkSecrets } from '../mail/mask.js'

const OrgInput = z.object({
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'v.slug'),
  nameTh: f.text(200),
  nameEn: f.optionalText(200),
  kind: f.choice(ORG_KINDS),
  province: f.text(100),
  district: f.text(100),
  subdistrict: f.optionalText(100),
})
const orgLabels = (lang: Lang) => ({
  slug: t(lang, 'platform.slug'),
  nameTh: t(lang, 'platform.nameTh'),
  nameEn: t(lang, 'platform.nameEn'),
  kind: t(lang, 'platform.kind'),
  province: t(lang, 'platform.province'),
  district: t(lang, 'platform.district'),
  subdistrict: t(lang, 'platform.subdistrict'),
})

const OrgsPage = (p: { ctx: PageCtx; orgs: Org[]; values?: FormValues; errors?: FormErrors }) => {
  const lang = p.ctx.lang
  const L = orgLabels(lang)
  return (
    <PlatformLayout ctx={p.ctx} title={t(lang, 'platform.orgs')}>
      <h1>{t(lang, 'platform.orgs')}</h1>
      <TableWrap label={t(lang, 'platform.orgs')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{L.nameTh}</th>
              <th scope="col">{L.kind}</th>
              <th scope="col">{L.province}</th>
              <th scope="col">{L.slug}</th>
            </tr>
          </thead>
          <tbody>
            {p.orgs.map((o) => (
              <tr>
                <td>
                  <a href={`/o/${o.slug}/`}>{o.nameTh}</a>
                </td>
                <td>{t(lang, `org.kind.${o.kind}`)}</td>
                <td>{o.province}</td>
                <td>
                  <code>{o.slug}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t(lang, 'platform.createOrg')}</h2>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action="/admin/orgs" novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="nameTh" label={L.nameTh} values={p.values} errors={p.errors} required />
        <TextField name="nameEn" label={L.nameEn} values={p.values} errors={p.errors} />
        <TextField name="slug" label={L.slug} values={p.values} errors={p.errors} required />
        <SelectField name="kind" label={L.kind} values={p.values} errors={p.errors} placeholder="" options={ORG_KINDS.map((k) => ({ value: k, label: t(lang, `org.kind.${k}`) }))} required />
        <TextField name="province" label={L.province} values={p.values} errors={p.errors} required />
        <TextField name="district" label={L.district} values={p.values} errors={p.errors} required />
        <TextField name="subdistrict" label={L.subdistrict} values={p.values} errors={p.errors} />
        <button type="submit">{t(lang, 'form.save')}</button>
      </form>
    </PlatformLayout>
  )
}

/** The platform admin area: agencies, outbox, platform audit log, own account. */
export function platformRoutes() {
  const app = new Hono<PlatformEnv>()
  app.use('*', requirePlatformAdmin())
  const db = (c: PlatformContext) => c.get('deps').db

  app.get('/', async (c) => render(c, <OrgsPage ctx={pageCtx(c)} orgs={await listOrgs(db(c))} />))
  app.post('/orgs', async (c) => {
    const lang = c.get('lang')
    const form = await parseForm(c, OrgInput, orgLabels(lang))
    if (!form.ok) return render(c, <OrgsPage ctx={pageCtx(c)} orgs={await listOrgs(db(c))} values={form.values} errors={form.errors} />, 422)
    const r = await createOrg(ctxOf(c), form.data)
    if ('slugTaken' in r) return render(c, <OrgsPage ctx={pageCtx(c)} orgs={await listOrgs(db(c))} values={form.values} errors={{ slug: t(lang, 'platform.slugTaken') }} />, 409)
    flash(c, t(lang, 'platform.orgCreated', { name: form.data.nameTh }))
    return c.redirect('/admin', 303)
  })

  app.get('/outbox', async (c) => {
    assertCan(c.get('actor'), 'platform.manage')
    const ctx = pageCtx(c)
    const lang = ctx.lang
    const actor = c.get('actor')
    // Reading the outbox is audited; the bodies shown never carry a usable link token (a platform
    // admin could otherwise take any agency account, complaints officers included, by reading a reset mail).
    const mails = await inOrg(db(c), null, async (tx) => {
      const rows = await tx.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(100)
      await appendAudit(tx, { orgId: null, actorUserId: actor.userId, actorLabel: actor.email, action: 'platform.outbox_read', entityType: 'mail_outbox', requestId: c.get('requestId'), details: { shown: rows.length } })
      return rows
    })
    return render(
      c,
      <PlatformLayout ctx={ctx} title={t(lang, 'platform.outbox')}>
        <h1>{t(lang, 'platform.outbox')}</h1>
        <p>{t(lang, 'platform.outboxIntro')}</p>
        {mails.length === 0 ? (
          <p>{t(lang, 'audit.empty')}</p>
        ) : (
          mails.map((m) => (
            <article class="card">
              <h2>{m.subject}</h2>
              <p class="muted">
                {t(lang, 'platform.to')}: {m.toAddress} · {formatThaiDateTime(m.createdAt, { lang })} · {m.sentAt ? t(lang, 'platform.sent') : t(lang, 'platform.notSent')}
              </p>
              <pre class="mail-body">{maskLinkSecrets(m.bodyText)}</pre>
            </article>
          ))
        )}
      </PlatformLayout>,
    )
  })
  app.get('/audit', async (c) => render(c, await AuditPage(c)))
  const account = accountHandlers('platform')
  app.get('/account', account.get)
  app.post('/account', account.post)
  return app
}
