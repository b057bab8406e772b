import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type CheckedFile } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { uuidParam } from '../../platform/http/params.js'
import { flash } from '../../platform/ui/page-context.js'
import { itaBase } from '../assessment/index.js'
import { mt, mtAll } from './measures.i18n.js'
import { getMeasure } from './measures.service.js'
import { activityMeasureId, addActivity, addActivityEvidence, deleteActivity, updateActivity } from './activities.service.js'
import { activityLabels, activitySchema, evidenceFile, evidenceLabels, evidenceSchema, newActivitySchema } from './measures.forms.js'
import { deleteActivityPage, measurePage } from './pages.js'
import { render } from '../../platform/ui/render.js'

const asUpload = (f: CheckedFile | undefined) => (f ? { name: f.name, bytes: f.bytes } : undefined)
const evidenceTitle = (title: string, f: CheckedFile | undefined, url: string) => (title || f?.name || url).slice(0, 300)

/** Activities of a measure: add (with a first evidence), change, delete, attach evidence. */
export function activityRoutes() {
  const app = new Hono<StaffEnv>()
  const L = (c: StaffContext) => c.get('lang')
  const measureUrl = (c: StaffContext, id: string) => `${itaBase(c)}/measures/${id}`
  /** The measure an activity belongs to (404 when there is none). */
  const measureOf = async (c: StaffContext, activityId: string) => {
    const id = await activityMeasureId(ctxOf(c), activityId)
    if (!id) throw new AppError('not_found', 404)
    return id
  }

  app.post('/ita/measures/:id/activities', requirePermission('measure.edit'), async (c) => {
    const { id, fiscalYear } = await getMeasure(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: newActivitySchema(L(c)),
      labels: activityLabels(L(c)),
      // Dates outside the measure's fiscal year ask to confirm (the quick status form carries them unchanged).
      fiscalYearDates: { year: fiscalYear, fields: ['startsOn', 'endsOn'] },
      // The file is checked (size, type from the content) before anything is written.
      files: { evidenceFile },
      view: (activity) => measurePage(c, id, { activity }),
      submit: async ({ evidenceTitle: title, evidenceUrl: url, ...input }, files) => {
        const f = files.evidenceFile?.[0]
        const a = await addActivity(ctxOf(c), id, input)
        if (f || url) await addActivityEvidence(ctxOf(c), a.id, { title: evidenceTitle(title, f, url), url: f ? undefined : url, file: asUpload(f) })
        flash(c, mt(L(c), 'm.activityAdded'))
        return c.redirect(measureUrl(c, id), 303)
      },
    })
  })
  app.post('/ita/activities/:id', requirePermission('measure.edit'), async (c) => {
    const id = uuidParam(c)
    const measureId = await measureOf(c, id)
    return formAction(c, {
      schema: activitySchema(L(c)),
      labels: activityLabels(L(c)),
      view: (state) => measurePage(c, measureId, { status: { id, ...state } }),
      submit: async (input) => {
        await updateActivity(ctxOf(c), id, input)
        flash(c, mt(L(c), 'm.activityUpdated'))
        return c.redirect(measureUrl(c, measureId), 303)
      },
    })
  })
  app.get('/ita/activities/:id/delete', requirePermission('measure.edit'), async (c) => {
    const id = uuidParam(c)
    return render(c, await deleteActivityPage(c, await measureOf(c, id), id))
  })
  app.post('/ita/activities/:id/delete', requirePermission('measure.edit'), async (c) => {
    const measureId = await deleteActivity(ctxOf(c), c.req.param('id'))
    if (!measureId) throw new AppError('not_found', 404)
    flash(c, mt(L(c), 'm.activityDeleted'))
    return c.redirect(measureUrl(c, measureId), 303)
  })
  app.post('/ita/activities/:id/evidence', requirePermission('measure.edit'), async (c) => {
    const id = uuidParam(c)
    const measureId = await measureOf(c, id)
    return formAction(c, {
      schema: evidenceSchema(L(c)),
      labels: evidenceLabels(L(c)),
      files: { file: evidenceFile },
      view: (state) => measurePage(c, measureId, { evidence: { id, ...state } }),
      submit: async ({ title, url }, files) => {
        const f = files.file?.[0]
        if (!f === !url) throw new InputError({ [f ? 'url' : 'file']: mtAll('m.evidenceOne') })
        await addActivityEvidence(ctxOf(c), id, { title: evidenceTitle(title, f, url), url: f ? undefined : url, file: asUpload(f) })
        flash(c, mt(L(c), 'm.evidenceAttached'))
        return c.redirect(measureUrl(c, measureId), 303)
      },
    })
  })
  return app
}
