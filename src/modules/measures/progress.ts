import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { AppError } from '../../platform/http/errors.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { evidenceFor as linkedEvidenceFor } from '../../platform/evidence/evidence.service.js'
import { assessmentView, plansOf, type AssessmentView, type IndicatorPlan } from '../assessment/index.js'
import { pt as mt } from './progress.i18n.js'
import { listMeasures, reportSettingsOf, type MeasureView } from './measures.service.js'
import type { ReportSettings } from './measures.schema.js'
import { ACTIVITY_TARGET } from './evidence-targets.js'
import { returnedIds } from './review.js'

// The year's progress (ความคืบหน้าประจำปี): the ITA cycle of one agency and fiscal year as a task
// list. Each line says what is done, links to the page where it is done, and has its status in
// words. The data comes from this module, the assessment module's read API and (for OIT) the
// disclosure module's, passed in by the route.

export type TaskStatus = 'todo' | 'doing' | 'done'
export type Task = { id: string; label: string; hint: string; href: string; status: TaskStatus }
export type TaskSection = { id: string; title: string; tasks: Task[] }
export type OitReadiness = { yes: number; total: number } | null

export type ProgressInput = {
  year: number
  lang: Lang
  /** The agency's staff ITA area (itaBase) and its staff root (/o/<slug>/admin). */
  ita: string
  admin: string
  publicBase: string
  view: AssessmentView | null
  plans: IndicatorPlan[]
  measures: (MeasureView & { returned?: boolean })[]
  /** Activity id → whether other records are linked to it as evidence (the platform picker). */
  linked: Set<string>
  settings: ReportSettings | undefined
  /** Undefined when the reader may not see the OIT map. */
  oit?: OitReadiness
}

const of = (have: number, total: number): TaskStatus => (have <= 0 ? 'todo' : have >= total ? 'done' : 'doing')

/** The task list of a year, from what each module has recorded. */
export function buildProgress(p: ProgressInput): TaskSection[] {
  const L = p.lang
  const y = p.year
  const sections: TaskSection[] = []
  const fw = p.view?.framework.framework

  const scored = fw ? fw.indicators.filter((i) => p.view!.scores[i.number] !== undefined).length : 0
  sections.push({
    id: 'scores',
    title: mt(L, 'p.sScores'),
    tasks: [{ id: 'task-scores', label: mt(L, 'p.scores'), hint: fw ? mt(L, 'p.scoresHint', { have: scored, total: fw.indicators.length }) : mt(L, 'p.noFramework'), href: `${p.ita}/${y}/scores`, status: fw ? of(scored, fw.indicators.length) : 'todo' }],
  })

  if (fw)
    sections.push({
      id: 'plans',
      title: mt(L, 'p.sPlans'),
      tasks: fw.indicators.map((i) => {
        const plan = p.plans.find((x) => x.indicator === i.number)
        const analysed = !!plan && (plan.strengths.trim() !== '' || plan.weaknesses.trim() !== '')
        const guidelines = plan?.guidelines.filter((g) => g.trim()).length ?? 0
        return {
          id: `task-plan-${i.number}`,
          label: mt(L, 'p.plan', { n: i.number, name: plan?.indicatorName || i.nameTh }),
          hint: `${mt(L, analysed ? 'p.analysed' : 'p.notAnalysed')} · ${guidelines ? mt(L, 'p.guidelines', { count: guidelines }) : mt(L, 'p.noGuidelines')}`,
          href: `${p.ita}/${y}/plans/${i.number}`,
          status: analysed && guidelines ? 'done' : analysed || guidelines ? 'doing' : 'todo',
        }
      }),
    })

  sections.push({
    id: 'measures',
    title: mt(L, 'p.sMeasures'),
    tasks: p.measures.length
      ? p.measures.map((m) => {
          const acts = m.activities.length
          const withEvidence = m.activities.filter((a) => a.evidence.length > 0 || p.linked.has(a.id)).length
          const approved = m.status === 'approved'
          const approval = mt(L, approved ? 'p.approved' : m.returned ? 'p.returned' : 'p.draft')
          return {
            id: `task-measure-${m.id}`,
            label: m.title,
            hint: mt(L, 'p.measureHint', { activities: acts, withEvidence, approval }),
            href: `${p.ita}/measures/${m.id}`,
            status: approved && acts > 0 && withEvidence === acts ? 'done' : acts > 0 || approved ? 'doing' : 'todo',
          }
        })
      : [{ id: 'task-measures', label: mt(L, 'p.noMeasures'), hint: mt(L, 'p.noMeasuresHint'), href: `${p.ita}/${y}/measures`, status: 'todo' }],
  })

  if (p.oit !== undefined)
    sections.push({
      id: 'oit',
      title: mt(L, 'p.sOit'),
      tasks: [{ id: 'task-oit', label: mt(L, 'p.oit'), hint: p.oit ? mt(L, 'p.oitHint', { yes: p.oit.yes, total: p.oit.total }) : mt(L, 'p.noFramework'), href: `${p.admin}/oit/${y}`, status: p.oit ? of(p.oit.yes, p.oit.total) : 'todo' }],
    })

  const s = p.settings
  const parts = s ? [s.introduction.some((x) => x.trim()), !!s.reporterName.trim(), !!s.executiveName.trim()].filter(Boolean).length : 0
  const approvedCount = p.measures.filter((m) => m.status === 'approved').length
  sections.push({
    id: 'report',
    title: mt(L, 'p.sReport'),
    tasks: [
      { id: 'task-report-check', label: mt(L, 'p.reportCheck'), hint: mt(L, 'p.reportCheckHint', { have: parts }), href: `${p.ita}/${y}/measures#report`, status: of(parts, 3) },
      {
        id: 'task-report-publish',
        label: mt(L, 'p.publish'),
        hint: mt(L, 'p.publishHint', { approved: approvedCount, total: p.measures.length }),
        href: `${p.publicBase}/${y}/measures-report.html`,
        status: p.measures.length ? of(approvedCount, p.measures.length) : 'todo',
      },
    ],
  })
  return sections
}

/** What the progress page needs from this module and the assessment module (the OIT part is the route's). */
export async function loadProgress(ctx: UseCaseCtx, year: number): Promise<Omit<ProgressInput, 'lang' | 'ita' | 'admin' | 'publicBase' | 'oit'>> {
  assertCan(ctx.actor, 'measure.read')
  assertCan(ctx.actor, 'assessment.read')
  const orgId = ctx.orgId!
  const [view, plans, measures, settings] = await Promise.all([
    // A year without a framework still has a progress page (its measures can be recorded).
    assessmentView(ctx.db, orgId, year).catch((e: unknown) => (e instanceof AppError && e.status === 404 ? null : Promise.reject(e))),
    plansOf(ctx.db, orgId, year),
    listMeasures(ctx, year),
    reportSettingsOf(ctx.db, orgId, year),
  ])
  const returned = await returnedIds(ctx, measures.map((m) => m.id))
  const acts = measures.flatMap((m) => m.activities)
  const links = await linkedEvidenceFor({ ...ctx, orgId }, acts.map((a) => ({ type: ACTIVITY_TARGET, id: a.id })))
  const linked = new Set(acts.filter((a) => (links.get(`${ACTIVITY_TARGET}:${a.id}`) ?? []).length > 0).map((a) => a.id))
  return { year, view, plans, measures: measures.map((m) => ({ ...m, returned: returned.has(m.id) })), linked, settings }
}
