import { Hono } from 'hono'
import type { OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, isUuid, searchQuery, uuidParam, yearParam, yearQuery } from '../../platform/http/params.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { meetingsT } from './meetings.i18n.js'
import { MEETING_STATUSES } from './meetings.schema.js'
import { cancelMeeting, createMeeting, deleteMeeting, getMeeting, listMeetings, publicMeeting, publicMeetings, series, updateMeeting } from './meetings.service.js'
import { MEETING_KINDS } from './rules.js'
import { meetingLabels, MeetingSchema, meetingValues } from './forms.js'
import { unitsOf } from './targets.js'
import { baseOf, meetingPageRoutes } from './meeting.routes.js'
import { photoPublicRoutes } from './photos.routes.js'
import { ListPage } from './views/list.js'
import { MeetingForm } from './views/form.js'
import { ConfirmPage } from './views/confirm.js'
import { SeriesPage } from './views/series.js'
import { PublicList, PublicMeetingPage } from './views/public.js'

/** Staff pages: the list, the yearly series, create, edit, cancel and delete (with confirmation); one meeting's pages in meeting.routes. */
export function meetingsStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = baseOf

  app.get('/meetings', requirePermission('meetings.read'), async (c) => {
    const unit = c.req.query('unit')
    const filter = {
      q: searchQuery(c),
      fiscalYear: yearQuery(c),
      kind: MEETING_KINDS.find((k) => k === c.req.query('kind')),
      status: MEETING_STATUSES.find((s) => s === c.req.query('status')),
      unitId: unit && isUuid(unit) ? unit : undefined,
      page: intQuery(c, 'page', 1, 10_000),
    }
    return render(c, <ListPage ctx={pageCtx(c)} base={base(c)} filter={filter} data={await listMeetings(ctxOf(c), filter)} units={await unitsOf(ctxOf(c))} />)
  })
  app.get('/meetings/series', requirePermission('meetings.read'), (c) => c.redirect(`${base(c)}/series/${currentFiscalYear()}`, 302))
  app.get('/meetings/series/:fy', requirePermission('meetings.read'), async (c) => {
    const fy = yearParam(c)
    return render(c, <SeriesPage ctx={pageCtx(c)} base={base(c)} year={fy} months={await series(ctxOf(c), fy, 'monthly')} />)
  })

  const newForm = (c: StaffContext, units: { id: string; nameTh: string }[]) => (s: FormState) => <MeetingForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} editing={false} units={units} {...s} />
  app.get('/meetings/new', requirePermission('meetings.edit'), async (c) => render(c, newForm(c, await unitsOf(ctxOf(c)))({ values: { kind: 'monthly', startsAt: '09:00' } })))
  app.post('/meetings/new', requirePermission('meetings.edit'), async (c) =>
    formAction(c, {
      schema: MeetingSchema,
      labels: meetingLabels(c.get('lang')),
      view: newForm(c, await unitsOf(ctxOf(c))),
      submit: async (data) => {
        const m = await createMeeting(ctxOf(c), data)
        flash(c, meetingsT(c.get('lang'), 'created', { title: m.title }))
        return c.redirect(`${base(c)}/${m.id}`, 303)
      },
    }),
  )

  const editForm = (c: StaffContext, id: string, units: { id: string; nameTh: string }[]) => (s: FormState) => <MeetingForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/${id}/edit`} editing units={units} {...s} />
  app.get('/meetings/:id/edit', requirePermission('meetings.edit'), async (c) => {
    const m = await getMeeting(ctxOf(c), uuidParam(c))
    return render(c, editForm(c, m.id, await unitsOf(ctxOf(c)))({ values: meetingValues(m) }))
  })
  app.post('/meetings/:id/edit', requirePermission('meetings.edit'), async (c) => {
    const m = await getMeeting(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: MeetingSchema,
      labels: meetingLabels(c.get('lang')),
      view: editForm(c, m.id, await unitsOf(ctxOf(c))),
      submit: async (data) => {
        const r = await updateMeeting(ctxOf(c), m.id, data)
        flash(c, meetingsT(c.get('lang'), 'updated', { title: r.title }))
        return c.redirect(`${base(c)}/${m.id}`, 303)
      },
    })
  })

  const confirm = (c: StaffContext, m: { id: string; title: string }, errors?: Record<string, string>) => (
    <ConfirmPage ctx={pageCtx(c)} title={meetingsT(c.get('lang'), 'delete.title', { title: m.title })} intro={meetingsT(c.get('lang'), 'delete.intro')} action={`${base(c)}/${m.id}/delete`} back={`${base(c)}/${m.id}`} errors={errors} />
  )
  app.get('/meetings/:id/delete', requirePermission('meetings.edit'), async (c) => render(c, confirm(c, await getMeeting(ctxOf(c), uuidParam(c)))))
  app.post('/meetings/:id/delete', requirePermission('meetings.edit'), async (c) => {
    const m = await getMeeting(ctxOf(c), uuidParam(c))
    try {
      await deleteMeeting(ctxOf(c), m.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, confirm(c, m, failed.errors), failed.status)
    }
    flash(c, meetingsT(c.get('lang'), 'deleted', { title: m.title }))
    return c.redirect(base(c), 303)
  })
  app.post('/meetings/:id/cancel', requirePermission('meetings.edit'), async (c) => {
    const m = await getMeeting(ctxOf(c), uuidParam(c))
    await cancelMeeting(ctxOf(c), m.id)
    flash(c, meetingsT(c.get('lang'), 'cancelled', { title: m.title }))
    return c.redirect(`${base(c)}/${m.id}`, 303)
  })

  app.route('/', meetingPageRoutes())
  return app
}

/** The public pages: meetings the agency made public, their minutes and photos. */
export function meetingsPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/meetings', (c) => publicPage(c, async (ctx) => <PublicList ctx={ctx} rows={await publicMeetings(c.get('deps').db, ctx.org.id)} />))
  app.get('/meetings/:id', async (c) => {
    const id = uuidParam(c)
    return publicPage(c, async (ctx) => <PublicMeetingPage ctx={ctx} {...await publicMeeting(c.get('deps').db, ctx.org.id, id)} />)
  })
  app.route('/', photoPublicRoutes())
  return app
}
