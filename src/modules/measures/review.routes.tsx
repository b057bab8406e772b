import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { flash } from '../../platform/ui/page-context.js'
import { itaBase } from '../assessment/index.js'
import { pt } from './progress.i18n.js'
import { COMMENT_MAX, resubmit, sendBack } from './review.js'
import { measurePage } from './pages.js'

/** Sending a measure back with a comment (executive) and resubmitting it (officer). */
export function reviewRoutes() {
  const app = new Hono<StaffEnv>()
  const measureUrl = (c: StaffContext, id: string) => `${itaBase(c)}/measures/${id}`
  const L = (c: StaffContext) => c.get('lang')

  app.post('/ita/measures/:id/send-back', requirePermission('measure.approve'), async (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: z.object({ comment: z.string().trim().min(1).max(COMMENT_MAX) }),
      labels: { comment: pt(L(c), 'r.comment') },
      view: (sendBackState) => measurePage(c, id, { sendBack: sendBackState }),
      submit: async ({ comment }) => {
        await sendBack(ctxOf(c), id, comment)
        flash(c, pt(L(c), 'r.sent'))
        return c.redirect(measureUrl(c, id), 303)
      },
    })
  })
  app.post('/ita/measures/:id/resubmit', requirePermission('measure.edit'), async (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: z.object({}),
      labels: {},
      view: (state) => measurePage(c, id, { resubmit: state }),
      submit: async () => {
        await resubmit(ctxOf(c), id)
        flash(c, pt(L(c), 'r.resubmitted'))
        return c.redirect(measureUrl(c, id), 303)
      },
    })
  })
  // A refused form is shown at its POST address; a GET there returns to the measure.
  app.get('/ita/measures/:id/:form{send-back|resubmit}', requirePermission('measure.read'), (c) => c.redirect(measureUrl(c, uuidParam(c)), 303))
  return app
}
