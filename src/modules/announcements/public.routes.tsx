import { Hono } from 'hono'
import type { OrgEnv } from '../../platform/http/context.js'
import { publicPage, publicResponse } from '../../platform/http/page-cache.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { orgBase } from '../../platform/ui/menu.js'
import { announcementsRss } from './feed.js'
import { AppError } from '../../platform/http/errors.js'
import { inOrg } from '../../db/client.js'
import { publicAnnouncement, publicAnnouncements } from './announcements.service.js'
import { fileHeaders, getFile } from './files.js'
import { linkAckRoutes, manualLinkAckRoutes } from './ack.routes.js'
import { PublicList, PublicPage } from './views/public.js'
import { publicManual, publicManuals } from './manuals.js'
import { PublicManualList, PublicManualPage } from './views/manuals-public.js'

/** The public pages: the list, its RSS feed, one announcement at its stable address, its signed copy, and the link page. */
export function publicRoutes() {
  const app = new Hono<OrgEnv>()
  app.route('/', linkAckRoutes())
  app.route('/', manualLinkAckRoutes())
  app.route('/', manualPublicRoutes())
  app.get('/announcements', (c) => publicPage(c, async (ctx) => <PublicList ctx={ctx} rows={await publicAnnouncements(c.get('deps').db, ctx.org.id)} />))
  app.get('/announcements/feed.rss', (c) =>
    publicResponse(c, async () => announcementsRss(c.get('org').nameTh, `${publicOrigin(c)}${orgBase(c.get('org').slug)}`, (await publicAnnouncements(c.get('deps').db, c.get('org').id)).slice(0, 50)), { type: 'application/rss+xml; charset=UTF-8' }),
  )
  app.get('/announcements/:id', async (c) => {
    const a = await publicAnnouncement(c.get('deps').db, c.get('org').id, c.req.param('id'))
    if (!a) throw new AppError('not_found', 404)
    return publicPage(c, (ctx) => <PublicPage ctx={ctx} a={a} />)
  })
  app.get('/announcements/:id/file', async (c) => {
    const a = await publicAnnouncement(c.get('deps').db, c.get('org').id, c.req.param('id'))
    const f = a?.fileId ? await inOrg(c.get('deps').db, c.get('org').id, (tx) => getFile(tx, a.fileId!)) : undefined
    if (!f) throw new AppError('not_found', 404)
    return c.body(new Uint8Array(f.data), 200, fileHeaders(f))
  })
  return app
}

/** Public pages: the manuals in force by unit, one manual at its stable address, and its file. */
export function manualPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/manuals', (c) => publicPage(c, async (ctx) => <PublicManualList ctx={ctx} rows={await publicManuals(c.get('deps').db, ctx.org.id)} />))
  app.get('/manuals/:id', async (c) => {
    const r = await publicManual(c.get('deps').db, c.get('org').id, c.req.param('id'))
    if (!r) throw new AppError('not_found', 404)
    return publicPage(c, (ctx) => <PublicManualPage ctx={ctx} r={r} />)
  })
  app.get('/manuals/:id/file', async (c) => {
    const r = await publicManual(c.get('deps').db, c.get('org').id, c.req.param('id'))
    const f = r?.current.fileId ? await inOrg(c.get('deps').db, c.get('org').id, (tx) => getFile(tx, r.current.fileId!)) : undefined
    if (!f) throw new AppError('not_found', 404)
    return c.body(new Uint8Array(f.data), 200, fileHeaders(f))
  })
  return app
}
