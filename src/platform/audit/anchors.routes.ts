import { Hono } from 'hono'
import type { OrgEnv } from '../module/manifest.js'
import { agencyAnchors } from './anchors.js'

/** The agency's daily audit anchors, public, so anyone can check its log was not rewritten later. */
export function anchorRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/audit-anchors.json', async (c) => {
    const org = c.get('org')
    c.header('Cache-Control', 'public, max-age=600')
    c.header('Access-Control-Allow-Origin', '*')
    return c.json({
      agency: org.slug,
      about: 'Daily anchors of the agency audit log (SHA-256 hash chain): the id and hash of its newest entry each day. npm run audit:verify checks the chain against them.',
      anchors: await agencyAnchors(c.get('deps').db, org.id),
    })
  })
  return app
}
