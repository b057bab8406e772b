import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { z } from 'zod'
import { formAction, readForm, type FormState } from '../../platform/http/forms.js'
import { InputError } from '../../platform/http/errors.js'
import { requirePermission } from '../../platform/http/guards.js'
import { yearParam } from '../../platform/http/params.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { at } from './assessment.i18n.js'
import { getAssessment, scoresFromOitAnswers, type AssessmentView } from './assessment-view.js'
import { saveScores } from './scores.service.js'
import { parseScoreSheet, scoreTemplateCsv, scoreTemplateXlsx } from './scores-import.js'
import { importForm, inBoth, scoresForm } from './forms.js'
import { itaBase } from './ita-paths.js'
import { ScoresPage, type ScoresPageProps } from './views/scores.js'
import { ImportPreviewPage } from './views/score-import.js'
import { cancelImport, confirmImport, previewImport, scoreHistory, stageImport, undoImport } from './score-imports.service.js'
import { requireFramework } from './frameworks.service.js'

const confirmSchema = z.object({ seen: z.string().max(40) })

/** The scores of a year: the page, the form, the XLSX/CSV import and its templates. */
export function scoresRoutes() {
  const app = new Hono<StaffEnv>()

  const page = async (c: StaffContext, view: AssessmentView, forms: Pick<ScoresPageProps, 'scoresForm' | 'importForm' | 'undoForm'> = {}) => {
    const answers = view.assessment?.oitAnswers ?? {}
    const fromAnswers = Object.keys(answers).length ? scoresFromOitAnswers(view.framework.framework, answers) : {}
    const history = await scoreHistory(ctxOf(c), view.fiscalYear)
    return <ScoresPage ctx={pageCtx(c)} view={view} ita={itaBase(c)} fromAnswers={fromAnswers} history={history} {...forms} />
  }
  const scoresUrl = (c: StaffContext, year: number) => `${itaBase(c)}/${year}/scores`
  /** The preview of a pending import (the scores page with a message when it is gone). */
  const previewPage = async (c: StaffContext, year: number, id: string, state?: FormState) => {
    const preview = await previewImport(ctxOf(c), year, id)
    if (!preview) return null
    const fw = (await requireFramework(c.get('deps').db, year)).framework
    return <ImportPreviewPage ctx={pageCtx(c)} fw={fw} base={scoresUrl(c, year)} year={year} preview={preview} state={state} />
  }
  const done = (c: StaffContext, year: number, message: string) => {
    flash(c, message)
    return c.redirect(`${itaBase(c)}/${year}/scores`, 303)
  }

  app.get('/ita/:fy/scores', requirePermission('assessment.read'), async (c) => render(c, await page(c, await getAssessment(ctxOf(c), yearParam(c)))))

  app.post('/ita/:fy/scores', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const lang = c.get('lang')
    const view = await getAssessment(ctxOf(c), year)
    return formAction(c, {
      ...scoresForm(view.framework.framework, lang),
      view: (state) => page(c, view, { scoresForm: state }),
      submit: async (input) => {
        await saveScores(ctxOf(c), year, input)
        return done(c, year, at(lang, 'scores.saved'))
      },
    })
  })

  app.post('/ita/:fy/scores/import', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const lang = c.get('lang')
    const view = await getAssessment(ctxOf(c), year)
    let rows: string[] | undefined // the sheet's problems, listed under the file field
    return formAction(c, {
      ...importForm(lang),
      view: (state) => page(c, view, { importForm: { ...state, rows } }),
      submit: async () => {
        // The sheet is checked by parseScoreSheet, not by a file rule: CSV text has no content type
        // to detect. (A sheet over the upload limit was already refused by parseForm.)
        const f = (await readForm(c)).files.sheet?.[0]
        if (!f) throw new InputError({ sheet: inBoth('scores.importMissing') })
        const r = await parseScoreSheet(new Uint8Array(await f.arrayBuffer()), f.name, view.framework.framework)
        if (!r.ok) {
          rows = r.errors
          throw new InputError({ sheet: inBoth('scores.importFailed', { count: r.errors.length }) })
        }
        // Nothing changes yet: the sheet waits (server-side, for this account) for its preview to be confirmed.
        const id = await stageImport(ctxOf(c), year, f.name, r.data)
        return c.redirect(`${scoresUrl(c, year)}/import/${id}`, 303)
      },
    })
  })

  app.get('/ita/:fy/scores/import/:id{[0-9a-f-]{36}}', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const p = await previewPage(c, year, c.req.param('id'))
    if (!p) return done(c, year, at(c.get('lang'), 'scores.importGone'))
    return render(c, p)
  })
  // A refused confirmation is shown at its POST address; a GET there returns to the preview.
  app.get('/ita/:fy/scores/import/:id{[0-9a-f-]{36}}/:action{confirm|cancel}', requirePermission('assessment.edit'), (c) => c.redirect(`${scoresUrl(c, yearParam(c))}/import/${c.req.param('id')}`, 303))

  app.post('/ita/:fy/scores/import/:id{[0-9a-f-]{36}}/confirm', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const id = c.req.param('id')
    const lang = c.get('lang')
    return formAction(c, {
      schema: confirmSchema,
      labels: {},
      // Refused (gone, or the scores changed since the preview): the preview as it is now, else the scores page.
      view: async (state) => (await previewPage(c, year, id, state)) ?? page(c, await getAssessment(ctxOf(c), year), { importForm: state }),
      submit: async ({ seen }) => {
        const cells = await confirmImport(ctxOf(c), year, id, seen)
        return done(c, year, at(lang, 'scores.importedN', { count: cells.length }))
      },
    })
  })
  app.post('/ita/:fy/scores/import/:id{[0-9a-f-]{36}}/cancel', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    return formAction(c, {
      schema: z.object({}),
      labels: {},
      view: async () => page(c, await getAssessment(ctxOf(c), year)),
      submit: async () => {
        await cancelImport(ctxOf(c), year, c.req.param('id'))
        return done(c, year, at(c.get('lang'), 'scores.importCancelled'))
      },
    })
  })
  app.get('/ita/:fy/scores/imports/:id/undo', requirePermission('assessment.read'), (c) => c.redirect(`${scoresUrl(c, yearParam(c))}#history`, 303))
  app.post('/ita/:fy/scores/imports/:id/undo', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    return formAction(c, {
      schema: z.object({}),
      labels: {},
      view: async (undoForm) => page(c, await getAssessment(ctxOf(c), year), { undoForm }),
      submit: async () => {
        const cells = await undoImport(ctxOf(c), year, c.req.param('id'))
        return done(c, year, at(c.get('lang'), 'scores.undone', { count: cells.length }))
      },
    })
  })

  // A refused import is shown at its POST address; a GET there (the language link) returns to the scores.
  app.get('/ita/:fy/scores/import', requirePermission('assessment.read'), (c) => c.redirect(`${itaBase(c)}/${yearParam(c)}/scores`, 303))

  app.get('/ita/:fy/scores/template.xlsx', requirePermission('assessment.read'), async (c) => {
    const view = await getAssessment(ctxOf(c), yearParam(c))
    const buf = await scoreTemplateXlsx(view.framework.framework, view.scores, view.assessment?.toolScores)
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="ita-scores-${view.fiscalYear}.xlsx"`,
    })
  })
  app.get('/ita/:fy/scores/template.csv', requirePermission('assessment.read'), async (c) => {
    const view = await getAssessment(ctxOf(c), yearParam(c))
    return c.body(scoreTemplateCsv(view.framework.framework, view.scores, view.assessment?.toolScores), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="ita-scores-${view.fiscalYear}.csv"` })
  })

  return app
}
