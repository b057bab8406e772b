import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { readBody } from '../../platform/http/body.js'
import { AppError } from '../../platform/http/errors.js'
import { evidenceUses } from '../../platform/evidence/evidence.service.js'
import { inOrg } from '../../db/client.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { announcementsT } from './announcements.i18n.js'
import { getAnnouncement } from './announcements.service.js'
import { ackProgress, issueAckLinks, recordPaperAcks } from './acknowledgement.js'
import { publishAnnouncement, reviseAnnouncement, versionsOf, withdrawAnnouncement } from './publish.js'
import { paperLabels, paperSchema, revisionLabels, revisionSchema, withdrawLabels, withdrawSchema } from './forms.js'
import { fileHeaders, getFile, SCAN_RULE } from './files.js'
import { numberText } from './numbering.js'
import { staffBase } from './staff.routes.js'
import { DetailPage, type DetailData } from './views/detail.js'
import { ReviseForm, WithdrawForm } from './views/change-forms.js'
import { LinksSheet } from './views/links.js'
import { linkSlips, linkUrlOf } from './link-slips.js'
import { kindAndNumber } from './views/shared.js'

/** One announcement for staff: its page with the acknowledgement progress, and what is done to it. */
export function detailRoutes() {
  const app = new Hono<StaffEnv>()
  const base = staffBase
  const L = (c: StaffContext) => c.get('lang')
  const load = async (c: StaffContext, id: string): Promise<DetailData> => {
    const ctx = ctxOf(c)
    const a = await getAnnouncement(ctx, id)
    const publicPath = a.status !== 'draft' && a.audience !== 'staff' ? `/o/${c.get('org').slug}/announcements/${a.id}` : null
    return { a, progress: await ackProgress(ctx, a), versions: await versionsOf(ctx, a.id), uses: await evidenceUses(ctx, { type: 'announcements.announcement', id: a.id }), publicPath }
  }
  const detail = async (c: StaffContext, id: string, extra: { paper?: FormState; errors?: FormState['errors'] } = {}) => <DetailPage ctx={pageCtx(c)} base={base(c)} data={await load(c, id)} {...extra} />
  /** An action's refusal (409/422) shows the announcement's page again with the message. */
  const act = async (c: StaffContext, id: string, run: () => Promise<string>) => {
    try {
      flash(c, await run())
      return c.redirect(`${base(c)}/${id}`, 303)
    } catch (e) {
      const failed = formErrorsOf(e, L(c))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await detail(c, id, { errors: failed.errors }), failed.status)
    }
  }

  app.get('/announcements/:id', requirePermission('announcements.read'), async (c) => render(c, await detail(c, uuidParam(c))))

  app.get('/announcements/:id/file', requirePermission('announcements.read'), async (c) => {
    const a = await getAnnouncement(ctxOf(c), uuidParam(c))
    const f = a.fileId ? await inOrg(c.get('deps').db, a.orgId, (tx) => getFile(tx, a.fileId!)) : undefined
    if (!f) throw new AppError('not_found', 404)
    return c.body(new Uint8Array(f.data), 200, fileHeaders(f))
  })

  app.post('/announcements/:id/publish', requirePermission('announcements.edit'), async (c) => {
    const id = uuidParam(c)
    return act(c, id, async () => {
      const a = await publishAnnouncement(ctxOf(c), id)
      return announcementsT(L(c), 'published', { subject: a.subject, number: numberText(a, !!c.get('org').settings.thaiNumerals) ?? '' })
    })
  })

  const reviseForm = (c: StaffContext, id: string) => async (s: FormState) => <ReviseForm ctx={pageCtx(c)} base={base(c)} a={await getAnnouncement(ctxOf(c), id)} {...s} />
  app.get('/announcements/:id/revise', requirePermission('announcements.edit'), async (c) => {
    const a = await getAnnouncement(ctxOf(c), uuidParam(c))
    if (a.status !== 'published') return c.redirect(`${base(c)}/${a.id}`, 303)
    return render(c, await reviseForm(c, a.id)({ values: { subject: a.subject, body: a.body } }))
  })
  app.post('/announcements/:id/revise', requirePermission('announcements.edit'), async (c) => {
    const { id } = await getAnnouncement(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: revisionSchema,
      labels: revisionLabels(L(c)),
      files: { scan: SCAN_RULE },
      view: reviseForm(c, id),
      submit: async (data, files) => {
        const a = await reviseAnnouncement(ctxOf(c), id, data, files.scan?.[0])
        flash(c, announcementsT(L(c), 'revised', { version: a.version }))
        return c.redirect(`${base(c)}/${id}`, 303)
      },
    })
  })

  const withdrawForm = (c: StaffContext, id: string) => async (s: FormState) => <WithdrawForm ctx={pageCtx(c)} base={base(c)} a={await getAnnouncement(ctxOf(c), id)} {...s} />
  app.get('/announcements/:id/withdraw', requirePermission('announcements.edit'), async (c) => render(c, await withdrawForm(c, (await getAnnouncement(ctxOf(c), uuidParam(c))).id)({})))
  app.post('/announcements/:id/withdraw', requirePermission('announcements.edit'), async (c) => {
    const { id } = await getAnnouncement(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: withdrawSchema,
      labels: withdrawLabels(L(c)),
      view: withdrawForm(c, id),
      submit: async (data) => {
        const a = await withdrawAnnouncement(ctxOf(c), id, data.reason)
        flash(c, announcementsT(L(c), 'withdrawn', { subject: a.subject }))
        return c.redirect(`${base(c)}/${id}`, 303)
      },
    })
  })

  app.post('/announcements/:id/paper', requirePermission('announcements.edit'), async (c) => {
    const { id } = await getAnnouncement(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: paperSchema,
      labels: paperLabels(L(c)),
      view: async (s) => detail(c, id, { paper: s }),
      submit: async (data) => {
        const n = await recordPaperAcks(ctxOf(c), id, data.personIds)
        flash(c, announcementsT(L(c), 'paperRecorded', { count: n }))
        return c.redirect(`${base(c)}/${id}`, 303)
      },
    })
  })

  // The links are shown once, on the answer to this POST (only their hashes are stored).
  app.post('/announcements/:id/links', requirePermission('announcements.edit'), async (c) => {
    const a = await getAnnouncement(ctxOf(c), uuidParam(c))
    const all = (await readBody(c)).values['all'] === '1'
    let issued
    try {
      issued = await issueAckLinks(ctxOf(c), a.id, { withAccounts: all, urlOf: linkUrlOf(c, 'announcements/ack') })
    } catch (e) {
      const failed = formErrorsOf(e, L(c))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await detail(c, a.id, { errors: failed.errors }), failed.status)
    }
    const slips = await linkSlips(c, issued, 'announcements/ack')
    const trail = [{ label: announcementsT(L(c), 'list.title'), href: base(c) }, { label: a.subject, href: `${base(c)}/${a.id}` }]
    return render(c, <LinksSheet ctx={pageCtx(c)} title={announcementsT(L(c), 'links.title', { subject: a.subject })} trail={trail} caption={`${kindAndNumber(pageCtx(c), a)} ${a.subject}`} slips={slips} />)
  })
  return app
}
