import { Hono } from 'hono'
import type { OrgEnv } from '../../platform/http/context.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { AppError } from '../../platform/http/errors.js'
import { inOrg } from '../../db/client.js'
import { publicAnnouncement, publicAnnouncements } from './announcements.service.js'
import { fileHeaders, getFile } from './files.js'
import { linkAckRoutes } from './ack.routes.js'
import { PublicList, PublicPage } from './views/public.js'

/** The public pages: the list, one announcement at its stable address, its signed copy, and the link page. */
export function publicRoutes() {
  const app = new Hono<OrgEnv>()
  app.route('/', linkAckRoutes())
  app.get('/announcements', (c) => publicPage(c, async (ctx) => <PublicList ctx={ctx} rows={await publicAnnouncements(c.get('deps').db, ctx.org.id)} />))
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
