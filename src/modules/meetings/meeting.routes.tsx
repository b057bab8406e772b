import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, readForm, type FormErrors, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { evidenceUses } from '../../platform/evidence/evidence.service.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { meetingsT } from './meetings.i18n.js'
import { ATTENDANCE, type Attendance } from './meetings.schema.js'
import { adoptPrevious, meetingFull, recordMinutes } from './agenda.js'
import { addOutside, invite, meetingForCheckin, quorum, selfCheckIn, takeAttendance } from './attendance.js'
import { EVIDENCE_TYPE } from './contracts.js'
import { AdoptSchema, InviteSchema, minutesLabels, MinutesSchema, minutesValues, OutsideSchema } from './forms.js'
import { minutesDocument, minutesDocx, minutesFileName, minutesPdf } from './minutes-document.js'
import { unitsOf } from './targets.js'
import { itemRoutes } from './items.routes.js'
import { photoRoutes } from './photos.routes.js'
import { MeetingPage } from './views/detail.js'
import { NoticePage } from './views/notice.js'
import { MinutesForm } from './views/minutes-form.js'
import { InvitePage } from './views/invite.js'
import { AttendancePage } from './views/attendance.js'
import { CheckinPage } from './views/checkin.js'

export const baseOf = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/meetings`
const TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const
const RENDER = { docx: minutesDocx, pdf: minutesPdf } as const

/** One meeting's pages: the meeting, its notice and minutes documents, attendance, the invitation, adoption and QR check-in; agenda items and photos in their own files. */
export function meetingPageRoutes() {
  const app = new Hono<StaffEnv>()
  const base = baseOf

  const detail = async (c: StaffContext, id: string) => {
    const full = await meetingFull(ctxOf(c), id)
    const uses = new Map(await Promise.all(full.items.map(async (i) => [i.id, await evidenceUses(ctxOf(c), { type: EVIDENCE_TYPE, id: i.id })] as const)))
    const checkinUrl = `${publicOrigin(c)}${base(c)}/${id}/checkin`
    const qrSvg = await linkQrSvg(checkinUrl)
    return (s: FormState) => <MeetingPage ctx={pageCtx(c)} base={base(c)} full={full} quorum={quorum(full.meeting, full.attendees)} uses={uses} qrSvg={qrSvg} checkinUrl={checkinUrl} {...s} />
  }
  app.get('/meetings/:id', requirePermission('meetings.read'), async (c) => render(c, (await detail(c, uuidParam(c)))({})))

  app.get('/meetings/:id/notice', requirePermission('meetings.read'), async (c) => render(c, <NoticePage ctx={pageCtx(c)} base={base(c)} full={await meetingFull(ctxOf(c), uuidParam(c))} orgName={c.get('org').nameTh} />))
  for (const ext of ['docx', 'pdf'] as const) {
    app.get(`/meetings/:id/minutes.${ext}`, requirePermission('meetings.read'), async (c) => {
      const full = await meetingFull(ctxOf(c), uuidParam(c))
      const buf = await RENDER[ext](minutesDocument(full))
      return c.body(new Uint8Array(buf), 200, { 'Content-Type': TYPES[ext], 'Content-Disposition': `attachment; filename="${minutesFileName(full.meeting, c.get('org').slug, ext)}"`, 'Cache-Control': 'no-store' })
    })
  }

  app.post('/meetings/:id/adopt', requirePermission('meetings.edit'), async (c) => {
    const id = uuidParam(c)
    const view = await detail(c, id)
    return formAction(c, {
      schema: AdoptSchema,
      labels: { corrections: meetingsT(c.get('lang'), 'field.corrections') },
      view,
      submit: async (data) => {
        const prev = await adoptPrevious(ctxOf(c), id, data)
        flash(c, meetingsT(c.get('lang'), 'adopted', { title: prev.title }))
        return c.redirect(`${base(c)}/${id}#section-2`, 303)
      },
    })
  })

  const minutesForm = async (c: StaffContext, id: string) => {
    const { meeting } = await meetingFull(ctxOf(c), id)
    return { meeting, view: (s: FormState) => <MinutesForm ctx={pageCtx(c)} base={base(c)} meeting={meeting} {...s} /> }
  }
  app.get('/meetings/:id/minutes', requirePermission('meetings.edit'), async (c) => {
    const { meeting, view } = await minutesForm(c, uuidParam(c))
    return render(c, view({ values: minutesValues(meeting) }))
  })
  app.post('/meetings/:id/minutes', requirePermission('meetings.edit'), async (c) => {
    const { meeting, view } = await minutesForm(c, uuidParam(c))
    return formAction(c, {
      schema: MinutesSchema,
      labels: minutesLabels(c.get('lang')),
      view,
      submit: async (data) => {
        await recordMinutes(ctxOf(c), meeting.id, data)
        flash(c, meetingsT(c.get('lang'), 'minutes.saved'))
        return c.redirect(`${base(c)}/${meeting.id}`, 303)
      },
    })
  })

  const invitePage = async (c: StaffContext, id: string) => {
    const full = await meetingFull(ctxOf(c), id)
    const units = await unitsOf(ctxOf(c))
    return { full, view: (s: FormState) => <InvitePage ctx={pageCtx(c)} base={base(c)} meeting={full.meeting} units={units} invited={full.attendees.length} {...s} /> }
  }
  app.get('/meetings/:id/invite', requirePermission('meetings.edit'), async (c) => render(c, (await invitePage(c, uuidParam(c))).view({ values: { everyone: 'on', mail: 'on' } })))
  app.post('/meetings/:id/invite', requirePermission('meetings.edit'), async (c) => {
    const { full, view } = await invitePage(c, uuidParam(c))
    return formAction(c, {
      schema: InviteSchema,
      labels: { everyone: meetingsT(c.get('lang'), 'field.everyone'), unitIds: meetingsT(c.get('lang'), 'field.unitIds'), mail: meetingsT(c.get('lang'), 'field.mail') },
      view,
      submit: async (data) => {
        const r = await invite(ctxOf(c), full.meeting.id, data, `${publicOrigin(c)}${base(c)}/${full.meeting.id}/notice`)
        flash(c, meetingsT(c.get('lang'), 'invite.done', { invited: r.invited, mailed: r.mailed }))
        return c.redirect(`${base(c)}/${full.meeting.id}`, 303)
      },
    })
  })

  const attendancePage = async (c: StaffContext, id: string) => {
    const full = await meetingFull(ctxOf(c), id)
    return { full, view: (s: FormState & { outside?: FormState }) => <AttendancePage ctx={pageCtx(c)} base={base(c)} meeting={full.meeting} attendees={full.attendees} quorum={quorum(full.meeting, full.attendees)} {...s} /> }
  }
  app.get('/meetings/:id/attendance', requirePermission('meetings.edit'), async (c) => render(c, (await attendancePage(c, uuidParam(c))).view({})))
  app.post('/meetings/:id/attendance', requirePermission('meetings.edit'), async (c) => {
    const { full, view } = await attendancePage(c, uuidParam(c))
    const { values } = await readForm(c)
    const L = c.get('lang')
    const errors: FormErrors = {}
    const entries = full.attendees
      .filter((a) => a.kind === 'member')
      .map((a) => {
        const raw = values[`s_${a.id}`]
        const status = (ATTENDANCE as readonly string[]).includes(String(raw ?? a.status)) ? (String(raw ?? a.status) as Attendance) : null
        const reason = String(values[`r_${a.id}`] ?? a.reason).trim()
        if (!status) errors[`r_${a.id}`] = meetingsT(L, 'v.attendance', { name: a.name })
        else if (reason.length > 500) errors[`r_${a.id}`] = meetingsT(L, 'v.reason', { name: a.name })
        return { id: a.id, status: status ?? a.status, reason }
      })
    if (Object.keys(errors).length) {
      c.set('formFailed', true)
      return render(c, view({ values, errors }), 422)
    }
    try {
      await takeAttendance(ctxOf(c), full.meeting.id, entries)
    } catch (e) {
      const failed = formErrorsOf(e, L)
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, view({ values, errors: failed.errors }), failed.status)
    }
    flash(c, meetingsT(L, 'attendance.saved'))
    return c.redirect(`${base(c)}/${full.meeting.id}/attendance`, 303)
  })
  app.post('/meetings/:id/attendance/outside', requirePermission('meetings.edit'), async (c) => {
    const { full, view } = await attendancePage(c, uuidParam(c))
    return formAction(c, {
      schema: OutsideSchema,
      labels: { name: meetingsT(c.get('lang'), 'field.outsideName'), position: meetingsT(c.get('lang'), 'field.outsidePosition') },
      view: (s) => view({ outside: s }),
      submit: async (data) => {
        await addOutside(ctxOf(c), full.meeting.id, data)
        flash(c, meetingsT(c.get('lang'), 'attendance.outsideAdded', { name: data.name }))
        return c.redirect(`${base(c)}/${full.meeting.id}/attendance`, 303)
      },
    })
  })

  app.get('/meetings/:id/checkin', requirePermission('meetings.checkin'), async (c) => {
    const meeting = await meetingForCheckin(ctxOf(c), uuidParam(c))
    return render(c, <CheckinPage ctx={pageCtx(c)} action={`${base(c)}/${meeting.id}/checkin`} meeting={meeting} done={c.req.query('done') === '1'} />)
  })
  app.post('/meetings/:id/checkin', requirePermission('meetings.checkin'), async (c) => {
    const id = uuidParam(c)
    try {
      await selfCheckIn(ctxOf(c), id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      const meeting = await meetingForCheckin(ctxOf(c), id)
      c.set('formFailed', true)
      return render(c, <CheckinPage ctx={pageCtx(c)} action={`${base(c)}/${id}/checkin`} meeting={meeting} done={false} errors={failed.errors} />, failed.status)
    }
    flash(c, meetingsT(c.get('lang'), 'checkin.done'))
    return c.redirect(`${base(c)}/${id}/checkin?done=1`, 303)
  })

  app.route('/', itemRoutes())
  app.route('/', photoRoutes())
  return app
}
