import { Hono } from 'hono'
import type { OrgContext, OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formErrorsOf } from '../../platform/http/forms.js'
import { AppError } from '../../platform/http/errors.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { announcementsT } from './announcements.i18n.js'
import { getAnnouncement } from './announcements.service.js'
import { acknowledgeAsAccount, acknowledgeByLink, ackProgress, openAckLink } from './acknowledgement.js'
import { staffBase } from './staff.routes.js'
import { AckPage, announcementLinkView, LinkAckPage, manualLinkView, type LinkAckView } from './views/ack.js'
import { acknowledgeManualByLink, openManualAckLink } from './manuals.ack.js'
import { manualsT } from './manuals.i18n.js'
import type { Db } from '../../db/client.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import type { OrgPageCtx } from '../../platform/ui/page-context.js'

/** "รับทราบ" signed in: any staff role may open the page of an announcement it is asked to acknowledge. */
export function ackRoutes() {
  const app = new Hono<StaffEnv>()
  const page = async (c: StaffContext, id: string, errors?: Record<string, string>) => {
    const a = await getAnnouncement(ctxOf(c), id, 'announcements.acknowledge')
    if (a.status === 'draft') throw new AppError('not_found', 404)
    const { mine } = await ackProgress(ctxOf(c), a)
    return <AckPage ctx={pageCtx(c)} a={a} mine={mine} errors={errors} />
  }
  app.get('/announcements/:id/ack', requirePermission('announcements.acknowledge'), async (c) => render(c, await page(c, uuidParam(c))))
  app.post('/announcements/:id/ack', requirePermission('announcements.acknowledge'), async (c) => {
    const id = uuidParam(c)
    try {
      const fresh = await acknowledgeAsAccount(ctxOf(c), id)
      flash(c, announcementsT(c.get('lang'), fresh ? 'ack.thanks' : 'ack.already'))
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await page(c, id, failed.errors), failed.status)
    }
    const back = c.get('actor').permissions.has('announcements.read') ? `${staffBase(c)}/${id}` : `${staffBase(c)}/${id}/ack`
    return c.redirect(back, 303)
  })
  return app
}

type LinkFlow<V> = {
  path: 'announcements/ack' | 'manuals/ack'
  open: (db: Db, orgId: string, token: string) => Promise<V | null>
  acknowledge: (db: Db, orgId: string, token: string, requestId: string) => Promise<V>
  view: (ctx: OrgPageCtx, v: V) => LinkAckView
  usedText: (L: Lang) => string
}

/** "รับทราบ" through a single-use link: no sign-in, a CSRF-protected form that works without JavaScript. */
function linkRoutes<V>(flow: LinkFlow<V>) {
  const app = new Hono<OrgEnv>()
  const here = (c: OrgContext) => `/o/${c.get('org').slug}/${flow.path}/${c.req.param('token')}`
  const token = (c: OrgContext) => c.req.param('token') ?? ''
  const page = (c: OrgContext, view: LinkAckView | null, extra: { done?: boolean; errors?: Record<string, string> } = {}) => <LinkAckPage ctx={pageCtx(c)} action={here(c)} view={view} usedText={flow.usedText(c.get('lang'))} {...extra} />
  app.get(`/${flow.path}/:token`, async (c) => {
    c.header('Referrer-Policy', 'no-referrer')
    const v = await flow.open(c.get('deps').db, c.get('org').id, token(c))
    return render(c, page(c, v && flow.view(pageCtx(c), v)), v ? 200 : 404)
  })
  app.post(`/${flow.path}/:token`, async (c) => {
    c.header('Referrer-Policy', 'no-referrer')
    try {
      const v = await flow.acknowledge(c.get('deps').db, c.get('org').id, token(c), c.get('requestId'))
      return render(c, page(c, flow.view(pageCtx(c), v), { done: true }))
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, page(c, null, { errors: failed.errors }), failed.status)
    }
  })
  return app
}

export const linkAckRoutes = () =>
  linkRoutes({ path: 'announcements/ack', open: openAckLink, acknowledge: acknowledgeByLink, view: announcementLinkView, usedText: (L) => announcementsT(L, 'ack.linkUsed') })

export const manualLinkAckRoutes = () =>
  linkRoutes({ path: 'manuals/ack', open: openManualAckLink, acknowledge: acknowledgeManualByLink, view: manualLinkView, usedText: (L) => manualsT(L, 'ack.linkUsed') })
