import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, readForm } from '../../platform/http/forms.js'
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

/** The scores of a year: the page, the form, the XLSX/CSV import and its templates. */
export function scoresRoutes() {
  const app = new Hono<StaffEnv>()

  const page = (c: StaffContext, view: AssessmentView, forms: Pick<ScoresPageProps, 'scoresForm' | 'importForm'> = {}) => {
    const answers = view.assessment?.oitAnswers ?? {}
    const fromAnswers = Object.keys(answers).length ? scoresFromOitAnswers(view.framework.framework, answers) : {}
    return <ScoresPage ctx={pageCtx(c)} view={view} ita={itaBase(c)} fromAnswers={fromAnswers} {...forms} />
  }
  const done = (c: StaffContext, year: number, message: string) => {
    flash(c, message)
    return c.redirect(`${itaBase(c)}/${year}/scores`, 303)
  }

  app.get('/ita/:fy/scores', requirePermission('assessment.read'), async (c) => render(c, page(c, await getAssessment(ctxOf(c), yearParam(c)))))

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
        const input = { scores: r.data.scores, ...(Object.keys(r.data.oitAnswers).length ? { oitAnswers: { ...(view.assessment?.oitAnswers ?? {}), ...r.data.oitAnswers } } : {}) }
        await saveScores(ctxOf(c), year, input, 'import')
        return done(c, year, at(lang, 'scores.imported'))
      },
    })
  })

  // A refused import is shown at its POST address; a GET there (the language link) returns to the scores.
  app.get('/ita/:fy/scores/import', requirePermission('assessment.read'), (c) => c.redirect(`${itaBase(c)}/${yearParam(c)}/scores`, 303))

  app.get('/ita/:fy/scores/template.xlsx', requirePermission('assessment.read'), async (c) => {
    const view = await getAssessment(ctxOf(c), yearParam(c))
    const buf = await scoreTemplateXlsx(view.framework.framework, view.scores)
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="ita-scores-${view.fiscalYear}.xlsx"`,
    })
  })
  app.get('/ita/:fy/scores/template.csv', requirePermission('assessment.read'), async (c) => {
    const view = await getAssessment(ctxOf(c), yearParam(c))
    return c.body(scoreTemplateCsv(view.framework.framework, view.scores), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="ita-scores-${view.fiscalYear}.csv"` })
  })

  return app
}
