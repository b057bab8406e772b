import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam, yearParam } from '../../platform/http/params.js'
import { flash } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { itaBase } from '../assessment/index.js'
import { mt } from './measures.i18n.js'
import { approveMeasure, createMeasure, deleteMeasure, getMeasure, moveMeasure, saveReportSettings, updateMeasure } from './measures.service.js'
import { copyYear } from './copy-year.js'
import { approveSchema, emptySchema, measureLabels, measureSchema, moveLabels, moveSchema, settingsLabels, settingsSchema } from './measures.forms.js'
import { deleteMeasurePage, editPage, measurePage, yearPage } from './pages.js'
import { activityRoutes } from './activities.routes.js'
import { importRoutes } from './import.routes.js'
import { progressRoutes } from './progress.routes.js'
import { reviewRoutes } from './review.routes.js'

/** Staff pages of the measures: a year's list, one measure, its edit page, the importer. */
export function measuresStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const L = (c: StaffContext) => c.get('lang')
  const measureUrl = (c: StaffContext, id: string) => `${itaBase(c)}/measures/${id}`
  const yearUrl = (c: StaffContext, year: number) => `${itaBase(c)}/${year}/measures`

  app.get('/ita/:fy{[0-9]{4}}/measures', requirePermission('measure.read'), async (c) => render(c, await yearPage(c, yearParam(c))))
  app.post('/ita/:fy{[0-9]{4}}/measures', requirePermission('measure.edit'), async (c) => {
    const year = yearParam(c)
    return formAction(c, {
      schema: measureSchema(L(c)),
      labels: measureLabels(L(c)),
      fiscalYearDates: { year, fields: ['periodStart', 'periodEnd'], when: (v) => v.periodKind === 'range' },
      view: (create) => yearPage(c, year, { create }),
      submit: async (input) => {
        const m = await createMeasure(ctxOf(c), year, input)
        flash(c, mt(L(c), 'm.created'))
        return c.redirect(measureUrl(c, m.id), 303)
      },
    })
  })
  app.post('/ita/:fy{[0-9]{4}}/copy', requirePermission('measure.edit'), async (c) => {
    const year = yearParam(c)
    return formAction(c, {
      schema: emptySchema,
      labels: {},
      view: (copy) => yearPage(c, year, { copy }),
      submit: async () => {
        const r = await copyYear(ctxOf(c), year, year + 1)
        flash(c, mt(L(c), 'm.copied', { measures: r.measures, plans: r.plans, to: year + 1 }) + (r.droppedOit.length ? mt(L(c), 'm.copiedDropped', { list: r.droppedOit.join(', ') }) : ''))
        return c.redirect(yearUrl(c, year + 1), 303)
      },
    })
  })
  app.post('/ita/:fy{[0-9]{4}}/report-settings', requirePermission('report.generate'), async (c) => {
    const year = yearParam(c)
    return formAction(c, {
      schema: settingsSchema,
      labels: settingsLabels(L(c)),
      view: (settings) => yearPage(c, year, { settings }),
      submit: async (input) => {
        await saveReportSettings(ctxOf(c), year, input)
        flash(c, mt(L(c), 'm.reportSaved'))
        return c.redirect(yearUrl(c, year), 303)
      },
    })
  })

  app.get('/ita/measures/:id', requirePermission('measure.read'), async (c) => render(c, await measurePage(c, uuidParam(c))))
  app.get('/ita/measures/:id/edit', requirePermission('measure.edit'), async (c) => render(c, await editPage(c, await getMeasure(ctxOf(c), uuidParam(c)))))
  app.post('/ita/measures/:id', requirePermission('measure.edit'), async (c) => {
    const m = await getMeasure(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: measureSchema(L(c)),
      labels: measureLabels(L(c)),
      fiscalYearDates: { year: m.fiscalYear, fields: ['periodStart', 'periodEnd'], when: (v) => v.periodKind === 'range' },
      view: (state) => editPage(c, m, state),
      submit: async (input) => {
        await updateMeasure(ctxOf(c), m.id, input)
        flash(c, mt(L(c), 'm.updated'))
        return c.redirect(measureUrl(c, m.id), 303)
      },
    })
  })
  app.get('/ita/measures/:id/delete', requirePermission('measure.edit'), async (c) => render(c, await deleteMeasurePage(c, uuidParam(c))))
  app.post('/ita/measures/:id/delete', requirePermission('measure.edit'), async (c) => {
    const m = await getMeasure(ctxOf(c), uuidParam(c))
    await deleteMeasure(ctxOf(c), m.id)
    flash(c, mt(L(c), 'm.deleted'))
    return c.redirect(yearUrl(c, m.fiscalYear), 303)
  })
  app.post('/ita/measures/:id/move', requirePermission('measure.edit'), async (c) => {
    const m = await getMeasure(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: moveSchema,
      labels: moveLabels(L(c)),
      view: (move) => yearPage(c, m.fiscalYear, { move }),
      submit: async ({ direction }) => {
        await moveMeasure(ctxOf(c), m.id, direction)
        return c.redirect(yearUrl(c, m.fiscalYear), 303)
      },
    })
  })
  for (const [path, approve] of [['approve', true], ['unapprove', false]] as const) {
    app.post(`/ita/measures/:id/${path}`, requirePermission('measure.approve'), async (c) => {
      const id = uuidParam(c)
      return formAction(c, {
        schema: approveSchema,
        labels: {},
        // The page is loaded again: after a refusal it shows the measure as it is now.
        view: (state) => measurePage(c, id, { approve: state }),
        submit: async ({ version }) => {
          await approveMeasure(ctxOf(c), id, approve, version)
          flash(c, mt(L(c), approve ? 'm.approvedMsg' : 'm.unapprovedMsg'))
          return c.redirect(measureUrl(c, id), 303)
        },
      })
    })
  }
  app.route('/', activityRoutes())
  app.route('/', importRoutes())
  app.route('/', progressRoutes())
  app.route('/', reviewRoutes())
  return app
}
