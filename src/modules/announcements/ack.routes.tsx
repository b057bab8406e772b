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
import { AckPage, LinkAckPage } from './views/ack.js'

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

/** "รับทราบ" through a single-use link: no sign-in, a CSRF-protected form that works without JavaScript. */
export function linkAckRoutes() {
  const app = new Hono<OrgEnv>()
  const here = (c: OrgContext) => `/o/${c.get('org').slug}/announcements/ack/${c.req.param('token')}`
  const token = (c: OrgContext) => c.req.param('token') ?? ''
  app.get('/announcements/ack/:token', async (c) => {
    c.header('Referrer-Policy', 'no-referrer')
    const view = await openAckLink(c.get('deps').db, c.get('org').id, token(c))
    return render(c, <LinkAckPage ctx={pageCtx(c)} action={here(c)} view={view} />, view ? 200 : 404)
  })
  app.post('/announcements/ack/:token', async (c) => {
    c.header('Referrer-Policy', 'no-referrer')
    try {
      const view = await acknowledgeByLink(c.get('deps').db, c.get('org').id, token(c), c.get('requestId'))
      return render(c, <LinkAckPage ctx={pageCtx(c)} action={here(c)} view={view} done />)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <LinkAckPage ctx={pageCtx(c)} action={here(c)} view={null} errors={failed.errors} />, failed.status)
    }
  })
  return app
}
