import type { StaffContext } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import type { FormState } from '../../platform/http/forms.js'
import { listUnits } from '../../platform/orgs/orgs.service.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { evidenceFor } from '../../platform/evidence/evidence.service.js'
import { currentFramework, itaBase } from '../assessment/index.js'
import { getMeasure, listMeasures, reportSettingsOf, type MeasureView } from './measures.service.js'
import { MeasuresPage, type YearForms } from './views/measures-page.js'
import { MeasurePage, type MeasureForms } from './views/measure-page.js'
import { MeasureEditPage } from './views/measure-edit.js'
import { ACTIVITY_TARGET } from './evidence-targets.js'
import { measureNeighbours, openReturn } from './review.js'
import { responsibleChoices } from './activities.service.js'
import { indicatorGaps } from '../reports/index.js'
import { loadReportData } from './report.js'
import { AppError } from '../../platform/http/errors.js'
import { ConfirmDeletePage } from '../../platform/ui/confirm.js'
import { mt } from './measures.i18n.js'

// The module's pages with their data loaded: the GET routes and every form's failure path render
// through these, so a form comes back on the very page it was sent from. The page context is
// taken when the page renders, after a failed form has marked the request.

export async function yearPage(c: StaffContext, year: number, forms?: YearForms) {
  const db = c.get('deps').db
  const [measures, units, fw, settings, gaps] = await Promise.all([
    listMeasures(ctxOf(c), year),
    listUnits(ctxOf(c)),
    currentFramework(db, year),
    reportSettingsOf(db, c.get('org').id, year),
    // What the public report would print as not yet recorded (a failure only hides the warning).
    loadReportData(db, c.get('org'), year).then((d) => indicatorGaps(d.report), () => []),
  ])
  return <MeasuresPage ctx={pageCtx(c)} ita={itaBase(c)} year={year} measures={measures} units={units} fw={fw?.framework} settings={settings} gaps={gaps} forms={forms} />
}

/** The measure page; `measure` is loaded again when given by id (after a change, or for a fresh version). */
export async function measurePage(c: StaffContext, measure: MeasureView | string, forms?: MeasureForms) {
  const m = typeof measure === 'string' ? await getMeasure(ctxOf(c), measure) : measure
  // Records of other modules linked to each activity through the platform picker.
  const [linked, people, open, around] = await Promise.all([
    evidenceFor(ctxOf(c), m.activities.map((a) => ({ type: ACTIVITY_TARGET, id: a.id }))),
    responsibleChoices(ctxOf(c)),
    openReturn(ctxOf(c), m.id),
    measureNeighbours(ctxOf(c), m),
  ])
  const link = (x: { id: string; title: string } | null) => (x ? { href: `${itaBase(c)}/measures/${x.id}`, label: x.title } : null)
  return <MeasurePage ctx={pageCtx(c)} ita={itaBase(c)} measure={m} linked={linked} people={people} forms={forms} review={{ open, sendBack: forms?.sendBack, resubmit: forms?.resubmit }} nav={{ prev: link(around.prev), next: link(around.next) }} />
}

export async function editPage(c: StaffContext, m: MeasureView, state: FormState = {}) {
  const [units, fw] = await Promise.all([listUnits(ctxOf(c)), currentFramework(c.get('deps').db, m.fiscalYear)])
  return <MeasureEditPage ctx={pageCtx(c)} ita={itaBase(c)} measure={m} fw={fw?.framework} units={units} {...state} />
}

/** Asks before a measure goes, naming its activities and their evidence, which go with it. */
export async function deleteMeasurePage(c: StaffContext, id: string) {
  const m = await getMeasure(ctxOf(c), id)
  const L = c.get('lang')
  const base = `${itaBase(c)}/measures/${m.id}`
  const goesWith = m.activities.flatMap((a) => [mt(L, 'm.confirmActivity', { title: a.title }), ...a.evidence.map((e) => mt(L, 'm.confirmEvidence', { title: e.title }))])
  return <ConfirmDeletePage ctx={pageCtx(c)} title={mt(L, 'm.confirmDeleteTitle', { title: m.title })} intro={mt(L, 'm.confirmDeleteIntro')} goesWith={goesWith} action={`${base}/delete`} button={mt(L, 'm.delete')} cancelHref={base} />
}

/** Asks before an activity goes, naming its evidence, which goes with it. */
export async function deleteActivityPage(c: StaffContext, measureId: string, activityId: string) {
  const m = await getMeasure(ctxOf(c), measureId)
  const a = m.activities.find((x) => x.id === activityId)
  if (!a) throw new AppError('not_found', 404)
  const L = c.get('lang')
  return (
    <ConfirmDeletePage
      ctx={pageCtx(c)}
      title={mt(L, 'm.confirmActivityTitle', { title: a.title })}
      intro={mt(L, 'm.confirmActivityIntro', { measure: m.title })}
      goesWith={a.evidence.map((e) => mt(L, 'm.confirmEvidence', { title: e.title }))}
      action={`${itaBase(c)}/activities/${a.id}/delete`}
      button={mt(L, 'm.activityDelete')}
      cancelHref={`${itaBase(c)}/measures/${m.id}#act-${a.id}`}
    />
  )
}
