import { Hono } from 'hono'
import type { StaffEnv } from '../module/manifest.js'
import { ctxOf } from '../http/context.js'
import { readForm, formErrorsOf } from '../http/forms.js'
import { requirePermission } from '../http/guards.js'
import { uuidParam } from '../http/params.js'
import { AppError } from '../http/errors.js'
import { t } from '../i18n/messages.js'
import { flash, pageCtx } from '../ui/page-context.js'
import { render } from '../ui/render.js'
import { decideGrant, listPendingGrants } from './role-grants.js'
import { GrantsPage } from './views/grants.js'

/** Confirming sensitive roles: open to every staff member; the use case decides who may decide. */
export function grantsRoutes() {
  const app = new Hono<StaffEnv>()
  app.get('/users/grants', requirePermission('staff.dashboard'), async (c) => render(c, <GrantsPage ctx={pageCtx(c)} grants={await listPendingGrants(ctxOf(c))} />))
  app.post('/users/grants/:id', requirePermission('staff.dashboard'), async (c) => {
    const { values } = await readForm(c)
    const decision = values.decision
    if (decision !== 'confirm' && decision !== 'refuse') throw new AppError('bad_request', 400)
    const L = c.get('lang')
    try {
      await decideGrant(ctxOf(c), uuidParam(c), decision === 'confirm')
    } catch (e) {
      const failed = formErrorsOf(e, L) ?? (e instanceof AppError && e.status === 403 && e.detail ? { errors: { _form: e.detail[L] }, status: 403 as const } : null)
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <GrantsPage ctx={pageCtx(c)} grants={await listPendingGrants(ctxOf(c))} errors={failed.errors} />, failed.status)
    }
    flash(c, t(L, decision === 'confirm' ? 'grants.confirmed' : 'grants.refused'))
    return c.redirect(`/o/${c.get('org').slug}/admin/users/grants`, 303)
  })
  return app
}
