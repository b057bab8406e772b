import { Hono } from 'hono'
import { z } from 'zod'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { formAction } from '../../platform/http/forms.js'
import { InputError } from '../../platform/http/errors.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { orgBase } from '../../platform/ui/menu.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { giftsT } from './gifts.i18n.js'
import { publishedReports } from './reports.js'
import { fileNilReturnByLink, openNilLink } from './returns.js'
import { PublicSummary } from './views/public.js'
import { NilLinkPage } from './views/nil-link.js'

const LinkSchema = z.object({ confirm: z.literal('on', { error: 'v.confirm' }) })

/** Public pages: the published six-monthly summaries (cached), and the single-use nil-return link (never cached). */
export function publicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/gifts', (c) => publicPage(c, async (ctx) => <PublicSummary ctx={ctx} rows={await publishedReports(c.get('deps').db, ctx.org.id)} />))

  const action = (c: OrgContext, token: string) => `${orgBase(c.get('org').slug)}/gifts/return/${token}`
  const noStore = (c: OrgContext) => {
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
  }
  app.get('/gifts/return/:token', async (c) => {
    const token = c.req.param('token')
    noStore(c)
    const link = await openNilLink(c.get('deps').db, c.get('org').id, token)
    return render(c, <NilLinkPage ctx={pageCtx(c)} action={action(c, token)} link={link} />, link ? 200 : 404)
  })
  app.post('/gifts/return/:token', async (c) => {
    const token = c.req.param('token')
    noStore(c)
    const link = await openNilLink(c.get('deps').db, c.get('org').id, token)
    if (!link) return render(c, <NilLinkPage ctx={pageCtx(c)} action={action(c, token)} link={null} />, 404)
    return formAction(c, {
      schema: LinkSchema,
      labels: { confirm: giftsT(c.get('lang'), 'link.confirm') },
      view: (s) => <NilLinkPage ctx={pageCtx(c)} action={action(c, token)} link={link} {...s} />,
      submit: async () => {
        const done = await fileNilReturnByLink(c.get('deps').db, c.get('org').id, token, c.get('requestId'))
        // Used by a second submit between the check above and now: the same answer as a used link.
        if (!done) throw new InputError({ confirm: { th: giftsT('th', 'link.invalid'), en: giftsT('en', 'link.invalid') } }, 409)
        return render(c, <NilLinkPage ctx={pageCtx(c)} action={action(c, token)} link={link} done={done} />)
      },
    })
  })
  return app
}
