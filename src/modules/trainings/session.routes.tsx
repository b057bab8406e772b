import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, readForm, type FormErrors, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { trainingsT } from './trainings.i18n.js'
import { ATTENDANCE, type Attendance } from './trainings.schema.js'
import { addOutside, attendeeOf, recordAttendance, removeAttendee, selfCheckIn, sessionForCheckin, sessionFull, signUp, signUpCandidates } from './attendance.js'
import { ConfirmPage } from './views/parts.js'
import { OutsideSchema, SignUpSchema } from './forms.js'
import { sessionResults } from './answers.js'
import { unitsOf } from './sessions.js'
import { evidenceUses } from '../../platform/evidence/evidence.service.js'
import { EVIDENCE_TYPE } from './contracts.js'
import { SessionPage } from './views/detail.js'
import { AttendancePage } from './views/attendance.js'
import { CheckinPage } from './views/checkin.js'
import { SheetPage } from './views/sheet.js'

const baseOf = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/trainings`

/** One session's pages: the session, sign-up and attendance, the printable sign-in sheet, QR self check-in. */
export function sessionPageRoutes() {
  const app = new Hono<StaffEnv>()
  const base = baseOf

  app.get('/trainings/:id', requirePermission('trainings.read'), async (c) => {
    const full = await sessionResults(ctxOf(c), uuidParam(c))
    const checkinUrl = `${publicOrigin(c)}${base(c)}/${full.session.id}/checkin`
    const uses = await evidenceUses(ctxOf(c), { type: EVIDENCE_TYPE, id: full.session.id })
    const unitName = full.session.unitId ? ((await unitsOf(ctxOf(c))).find((u) => u.id === full.session.unitId)?.nameTh ?? null) : null
    return render(c, <SessionPage ctx={pageCtx(c)} base={base(c)} full={full} qrSvg={await linkQrSvg(checkinUrl)} checkinUrl={checkinUrl} uses={uses} unitName={unitName} />)
  })
  app.get('/trainings/:id/sheet', requirePermission('trainings.edit'), async (c) => render(c, <SheetPage ctx={pageCtx(c)} base={base(c)} full={await sessionFull(ctxOf(c), uuidParam(c))} orgName={c.get('org').nameTh} />))

  const attendancePage = async (c: StaffContext, id: string) => {
    const full = await sessionFull(ctxOf(c), id)
    const candidates = (await signUpCandidates(ctxOf(c), full.session)).map((p) => ({ id: p.id, fullName: p.fullName, position: p.position }))
    return { full, view: (s: FormState & { signUp?: FormState; outside?: FormState }) => <AttendancePage ctx={pageCtx(c)} base={base(c)} session={full.session} attendees={full.attendees} candidates={candidates} {...s} /> }
  }
  app.get('/trainings/:id/attendance', requirePermission('trainings.edit'), async (c) => render(c, (await attendancePage(c, uuidParam(c))).view({})))
  app.post('/trainings/:id/attendance', requirePermission('trainings.edit'), async (c) => {
    const { full, view } = await attendancePage(c, uuidParam(c))
    const { values } = await readForm(c)
    const L = c.get('lang')
    const errors: FormErrors = {}
    const entries = full.attendees.map((a) => {
      const raw = String(values[`s_${a.id}`] ?? a.status)
      const ok = (ATTENDANCE as readonly string[]).includes(raw)
      if (!ok) errors[`s_${a.id}`] = trainingsT(L, 'v.attendance', { name: a.name })
      return { id: a.id, status: (ok ? raw : a.status) as Attendance }
    })
    if (Object.keys(errors).length) {
      c.set('formFailed', true)
      return render(c, view({ values, errors }), 422)
    }
    try {
      await recordAttendance(ctxOf(c), full.session.id, entries)
    } catch (e) {
      const failed = formErrorsOf(e, L)
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, view({ values, errors: failed.errors }), failed.status)
    }
    flash(c, trainingsT(L, 'attendance.saved'))
    return c.redirect(`${base(c)}/${full.session.id}/attendance`, 303)
  })
  app.post('/trainings/:id/attendance/signup', requirePermission('trainings.edit'), async (c) => {
    const { full, view } = await attendancePage(c, uuidParam(c))
    const L = c.get('lang')
    return formAction(c, {
      schema: SignUpSchema,
      labels: { everyone: trainingsT(L, 'field.everyone'), personIds: trainingsT(L, 'field.personIds') },
      view: (s) => view({ signUp: s }),
      submit: async (data) => {
        const n = await signUp(ctxOf(c), full.session.id, data)
        flash(c, trainingsT(L, 'attendance.signedUp', { count: n }))
        return c.redirect(`${base(c)}/${full.session.id}/attendance`, 303)
      },
    })
  })
  app.post('/trainings/:id/attendance/outside', requirePermission('trainings.edit'), async (c) => {
    const { full, view } = await attendancePage(c, uuidParam(c))
    const L = c.get('lang')
    return formAction(c, {
      schema: OutsideSchema,
      labels: { name: trainingsT(L, 'field.name'), position: trainingsT(L, 'field.position'), organisation: trainingsT(L, 'field.organisation') },
      view: (s) => view({ outside: s }),
      submit: async (data) => {
        await addOutside(ctxOf(c), full.session.id, data)
        flash(c, trainingsT(L, 'attendance.outsideAdded', { name: data.name }))
        return c.redirect(`${base(c)}/${full.session.id}/attendance`, 303)
      },
    })
  })

  const removeConfirm = (c: StaffContext, sessionId: string, a: { id: string; name: string }, errors?: Record<string, string>) => (
    <ConfirmPage ctx={pageCtx(c)} title={trainingsT(c.get('lang'), 'remove.title', { name: a.name })} intro={trainingsT(c.get('lang'), 'remove.intro')} action={`${base(c)}/${sessionId}/attendance/${a.id}/remove`} back={`${base(c)}/${sessionId}/attendance`} errors={errors} />
  )
  app.get('/trainings/:id/attendance/:aid/remove', requirePermission('trainings.edit'), async (c) => {
    const id = uuidParam(c)
    return render(c, removeConfirm(c, id, await attendeeOf(ctxOf(c), id, uuidParam(c, 'aid'))))
  })
  app.post('/trainings/:id/attendance/:aid/remove', requirePermission('trainings.edit'), async (c) => {
    const id = uuidParam(c)
    const a = await attendeeOf(ctxOf(c), id, uuidParam(c, 'aid'))
    try {
      await removeAttendee(ctxOf(c), id, a.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, removeConfirm(c, id, a, failed.errors), failed.status)
    }
    flash(c, trainingsT(c.get('lang'), 'attendance.removed', { name: a.name }))
    return c.redirect(`${base(c)}/${id}/attendance`, 303)
  })

  app.get('/trainings/:id/checkin', requirePermission('trainings.checkin'), async (c) => {
    const session = await sessionForCheckin(ctxOf(c), uuidParam(c))
    return render(c, <CheckinPage ctx={pageCtx(c)} action={`${base(c)}/${session.id}/checkin`} session={session} done={c.req.query('done') === '1'} />)
  })
  app.post('/trainings/:id/checkin', requirePermission('trainings.checkin'), async (c) => {
    const id = uuidParam(c)
    const session = await sessionForCheckin(ctxOf(c), id)
    try {
      await selfCheckIn(ctxOf(c), id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <CheckinPage ctx={pageCtx(c)} action={`${base(c)}/${id}/checkin`} session={session} done={false} errors={failed.errors} />, failed.status)
    }
    flash(c, trainingsT(c.get('lang'), 'checkin.done'))
    return c.redirect(`${base(c)}/${id}/checkin?done=1`, 303)
  })
  return app
}
