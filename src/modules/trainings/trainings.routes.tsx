import { Hono } from 'hono'
import type { OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, isUuid, searchQuery, uuidParam, yearFilter } from '../../platform/http/params.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { trainingsT } from './trainings.i18n.js'
import { SESSION_STATUSES } from './trainings.schema.js'
import { createSession, deleteSession, getSession, listSessions, publicSessions, publishSession, unitsOf, updateSession, withdrawSession } from './sessions.js'
import { sessionLabels, SessionSchema, sessionValues } from './forms.js'
import { sessionPageRoutes } from './session.routes.js'
import { questionRoutes } from './questions.routes.js'
import { answerPublicRoutes, answerStaffRoutes } from './answers.routes.js'
import { reportRoutes } from './report.routes.js'
import { certificatePublicRoutes, certificateStaffRoutes } from './certificates.routes.js'
import { hoursRoutes } from './hours.routes.js'
import { fileRoutes } from './files.routes.js'
import { ListPage } from './views/list.js'
import { SessionForm } from './views/form.js'
import { ConfirmPage } from './views/parts.js'
import { PublicList } from './views/public.js'

export const baseOf = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/trainings`

/** Staff pages: the list, create, edit, publish, withdraw and delete (with confirmation); one session's pages in session.routes. */
export function trainingsStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = baseOf
  // The bank's addresses first: /trainings/questions is not a session id.
  app.route('/', questionRoutes())
  app.route('/', hoursRoutes())

  app.get('/trainings', requirePermission('trainings.read'), async (c) => {
    const unit = c.req.query('unit')
    const filter = { q: searchQuery(c), fiscalYear: yearFilter(c), status: SESSION_STATUSES.find((s) => s === c.req.query('status')), unitId: unit && isUuid(unit) ? unit : undefined, page: intQuery(c, 'page', 1, 10_000) }
    return render(c, <ListPage ctx={pageCtx(c)} base={base(c)} filter={filter} data={await listSessions(ctxOf(c), filter)} units={await unitsOf(ctxOf(c))} />)
  })

  const newForm = async (c: StaffContext) => {
    const units = await unitsOf(ctxOf(c))
    return (s: FormState) => <SessionForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} back={base(c)} editing={false} units={units} {...s} />
  }
  app.get('/trainings/new', requirePermission('trainings.edit'), async (c) => render(c, (await newForm(c))({ values: { trainerKind: 'inside', mode: 'onsite' } })))
  app.post('/trainings/new', requirePermission('trainings.edit'), async (c) =>
    formAction(c, {
      schema: SessionSchema,
      labels: sessionLabels(c.get('lang')),
      view: await newForm(c),
      submit: async (data) => {
        const s = await createSession(ctxOf(c), data)
        flash(c, trainingsT(c.get('lang'), 'created', { topic: s.topic }))
        return c.redirect(`${base(c)}/${s.id}`, 303)
      },
    }),
  )

  const editForm = async (c: StaffContext, id: string) => {
    const units = await unitsOf(ctxOf(c))
    return (s: FormState) => <SessionForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/${id}/edit`} back={`${base(c)}/${id}`} editing units={units} {...s} />
  }
  app.get('/trainings/:id/edit', requirePermission('trainings.edit'), async (c) => {
    const s = await getSession(ctxOf(c), uuidParam(c))
    return render(c, (await editForm(c, s.id))({ values: sessionValues(s) }))
  })
  app.post('/trainings/:id/edit', requirePermission('trainings.edit'), async (c) => {
    const s = await getSession(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: SessionSchema,
      labels: sessionLabels(c.get('lang')),
      view: await editForm(c, s.id),
      submit: async (data) => {
        const r = await updateSession(ctxOf(c), s.id, data)
        flash(c, trainingsT(c.get('lang'), 'updated', { topic: r.topic }))
        return c.redirect(`${base(c)}/${s.id}`, 303)
      },
    })
  })

  for (const [action, run, done] of [['publish', publishSession, 'published'], ['withdraw', withdrawSession, 'withdrawn']] as const) {
    app.post(`/trainings/:id/${action}`, requirePermission('trainings.edit'), async (c) => {
      const s = await getSession(ctxOf(c), uuidParam(c))
      try {
        await run(ctxOf(c), s.id)
      } catch (e) {
        const failed = formErrorsOf(e, c.get('lang'))
        if (!failed) throw e
        flash(c, failed.errors._form ?? '')
        return c.redirect(`${base(c)}/${s.id}`, 303)
      }
      flash(c, trainingsT(c.get('lang'), done, { topic: s.topic }))
      return c.redirect(`${base(c)}/${s.id}`, 303)
    })
  }

  const confirm = (c: StaffContext, s: { id: string; topic: string }, errors?: Record<string, string>) => (
    <ConfirmPage ctx={pageCtx(c)} title={trainingsT(c.get('lang'), 'delete.title', { topic: s.topic })} intro={trainingsT(c.get('lang'), 'delete.intro')} action={`${base(c)}/${s.id}/delete`} back={`${base(c)}/${s.id}`} errors={errors} />
  )
  app.get('/trainings/:id/delete', requirePermission('trainings.edit'), async (c) => render(c, confirm(c, await getSession(ctxOf(c), uuidParam(c)))))
  app.post('/trainings/:id/delete', requirePermission('trainings.edit'), async (c) => {
    const s = await getSession(ctxOf(c), uuidParam(c))
    try {
      await deleteSession(ctxOf(c), s.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, confirm(c, s, failed.errors), failed.status)
    }
    flash(c, trainingsT(c.get('lang'), 'deleted', { topic: s.topic }))
    return c.redirect(base(c), 303)
  })

  app.route('/', answerStaffRoutes())
  app.route('/', reportRoutes())
  app.route('/', certificateStaffRoutes())
  app.route('/', fileRoutes())
  app.route('/', sessionPageRoutes())
  return app
}

/** The public page: the trainings the agency published. */
export function trainingsPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/trainings', (c) => publicPage(c, async (ctx) => <PublicList ctx={ctx} rows={await publicSessions(c.get('deps').db, ctx.org.id)} />))
  app.route('/', answerPublicRoutes())
  app.route('/', certificatePublicRoutes())
  return app
}
