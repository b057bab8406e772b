import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { isUuid, uuidParam, yearFilter } from '../../platform/http/params.js'
import { fileHeaders } from '../../platform/files/files.service.js'
import { peopleFor } from '../../platform/people/directory.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { inOrg } from '../../db/client.js'
import { trainingsT } from './trainings.i18n.js'
import { addCourse, CERTIFICATE_FILE, courseFile, deleteCourse, getCourse, hoursByPerson, myRecord, personRecord, updateCourse } from './hours.js'
import { courseLabels, CourseSchema, courseValues } from './forms.js'
import { CourseForm, HoursPage, MinePage, RecordPage } from './views/hours.js'
import { ConfirmPage } from './views/parts.js'

/** Training hours per person and fiscal year; a person's record; outside courses (add, edit, delete after confirmation, the certificate file). */
export function hoursRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/trainings`
  const files = { certificate: CERTIFICATE_FILE }

  app.get('/trainings/hours', requirePermission('trainings.read'), async (c) => {
    const now = currentFiscalYear()
    const year = yearFilter(c) ?? now
    const people = (await inOrg(c.get('deps').db, c.get('org').id, (tx) => peopleFor(tx, { all: true }))).map((p) => ({ id: p.id, fullName: p.fullName }))
    const years = [...new Set([now, now - 1, now - 2, now - 3, year])].sort((a, b) => b - a)
    return render(c, <HoursPage ctx={pageCtx(c)} base={base(c)} year={year} years={years} rows={await hoursByPerson(ctxOf(c), year)} people={people} />)
  })
  app.get('/trainings/mine', requirePermission('trainings.checkin'), async (c) => render(c, <MinePage ctx={pageCtx(c)} base={base(c)} r={await myRecord(ctxOf(c), c.get('org').nameTh)} />))
  app.get('/trainings/people', requirePermission('trainings.read'), (c) => {
    const id = c.req.query('person') ?? ''
    return c.redirect(isUuid(id) ? `${base(c)}/people/${id}` : `${base(c)}/hours`, 303)
  })
  app.get('/trainings/people/:id', requirePermission('trainings.read'), async (c) => render(c, <RecordPage ctx={pageCtx(c)} base={base(c)} r={await personRecord(ctxOf(c), uuidParam(c), c.get('org').nameTh)} />))

  const newForm = async (c: StaffContext, personId: string) => {
    const r = await personRecord(ctxOf(c), personId, c.get('org').nameTh)
    const back = `${base(c)}/people/${r.person.id}`
    return { person: r.person, view: (s: FormState) => <CourseForm ctx={pageCtx(c)} base={base(c)} action={`${back}/courses/new`} back={back} personName={r.person.fullName} editing={false} {...s} /> }
  }
  app.get('/trainings/people/:id/courses/new', requirePermission('trainings.edit'), async (c) => render(c, (await newForm(c, uuidParam(c))).view({})))
  app.post('/trainings/people/:id/courses/new', requirePermission('trainings.edit'), async (c) => {
    const { person, view } = await newForm(c, uuidParam(c))
    return formAction(c, {
      schema: CourseSchema,
      labels: courseLabels(c.get('lang')),
      files,
      view,
      submit: async (data, uploaded) => {
        const course = await addCourse(ctxOf(c), person.id, data, uploaded.certificate?.[0])
        flash(c, trainingsT(c.get('lang'), 'course.created', { name: course.name }))
        return c.redirect(`${base(c)}/people/${person.id}`, 303)
      },
    })
  })

  const editForm = async (c: StaffContext, id: string) => {
    const course = await getCourse(ctxOf(c), id)
    const r = await personRecord(ctxOf(c), course.personId, c.get('org').nameTh)
    const back = `${base(c)}/people/${course.personId}`
    return { course, personName: r.person.fullName, back, view: (s: FormState) => <CourseForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/courses/${course.id}/edit`} back={back} personName={r.person.fullName} editing {...s} /> }
  }
  app.get('/trainings/courses/:id/edit', requirePermission('trainings.edit'), async (c) => {
    const { course, view } = await editForm(c, uuidParam(c))
    return render(c, view({ values: courseValues(course) }))
  })
  app.post('/trainings/courses/:id/edit', requirePermission('trainings.edit'), async (c) => {
    const { course, back, view } = await editForm(c, uuidParam(c))
    return formAction(c, {
      schema: CourseSchema,
      labels: courseLabels(c.get('lang')),
      files,
      view,
      submit: async (data, uploaded) => {
        const saved = await updateCourse(ctxOf(c), course.id, data, uploaded.certificate?.[0])
        flash(c, trainingsT(c.get('lang'), 'course.updated', { name: saved.name }))
        return c.redirect(back, 303)
      },
    })
  })
  app.get('/trainings/courses/:id/file', requirePermission('trainings.read'), async (c) => {
    const f = await courseFile(ctxOf(c), uuidParam(c))
    return c.body(new Uint8Array(f.data), 200, fileHeaders(f))
  })
  const confirm = (c: StaffContext, course: { id: string; name: string; personId: string }, errors?: Record<string, string>) => (
    <ConfirmPage ctx={pageCtx(c)} title={trainingsT(c.get('lang'), 'course.deleteTitle', { name: course.name })} intro={trainingsT(c.get('lang'), 'course.deleteIntro')} action={`${base(c)}/courses/${course.id}/delete`} back={`${base(c)}/people/${course.personId}`} errors={errors} />
  )
  app.get('/trainings/courses/:id/delete', requirePermission('trainings.edit'), async (c) => render(c, confirm(c, await getCourse(ctxOf(c), uuidParam(c)))))
  app.post('/trainings/courses/:id/delete', requirePermission('trainings.edit'), async (c) => {
    const course = await getCourse(ctxOf(c), uuidParam(c))
    try {
      await deleteCourse(ctxOf(c), course.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, confirm(c, course, failed.errors), failed.status)
    }
    flash(c, trainingsT(c.get('lang'), 'course.deleted', { name: course.name }))
    return c.redirect(`${base(c)}/people/${course.personId}`, 303)
  })
  return app
}
