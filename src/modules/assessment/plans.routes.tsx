import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormValues } from '../../platform/http/forms.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { requirePermission } from '../../platform/http/guards.js'
import { cleanSearchText, uuidParam, yearParam } from '../../platform/http/params.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { todayInBangkok, toThaiDateText } from '../../platform/thai/index.js'
import { listUnits } from '../../platform/orgs/orgs.service.js'
import type { Framework } from '../../domain/ita/framework.schema.js'
import { at, type AtKey } from './assessment.i18n.js'
import { getAssessment } from './assessment-view.js'
import { requireFramework } from './frameworks.service.js'
import { addProgressEntry, deleteProgressEntry, getPlan, listPlans, savePlan, updateProgressEntry } from './plans.service.js'
import { evidenceFor } from '../../platform/evidence/evidence.service.js'
import { addEvidence } from './evidence.service.js'
import { evidenceForm, inBoth, planForm, progressForm } from './forms.js'
import { itaBase } from './ita-paths.js'
import { evidenceFormId, PlanPage, PlansListPage, ProgressEditPage, type PlanFailure } from './views/plans.js'
import { ConfirmDeletePage } from '../../platform/ui/confirm.js'
import { dayText } from '../../platform/ui/prose.js'
import type { FormState } from '../../platform/http/forms.js'

function indicatorParam(c: StaffContext, fw: Framework): number {
  const n = Number(c.req.param('n'))
  if (!fw.indicators.some((i) => i.number === n)) throw new AppError('not_found', 404)
  return n
}

const first = (values: FormValues | undefined, k: string): string => {
  const v = values?.[k]
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

/** The analysis and improvement plan per indicator: its form, progress log and evidence. */
export function plansRoutes() {
  const app = new Hono<StaffEnv>()

  app.get('/ita/:fy/plans', requirePermission('assessment.read'), async (c) => {
    const year = yearParam(c)
    const [view, plans] = await Promise.all([getAssessment(ctxOf(c), year), listPlans(ctxOf(c), year)])
    return render(c, <PlansListPage ctx={pageCtx(c)} ita={itaBase(c)} view={view} plans={plans} />)
  })

  /** The plan page; `failed` is the form of it that was refused, shown again with its values. */
  const planPage = async (c: StaffContext, failed?: PlanFailure) => {
    const year = yearParam(c)
    const view = await getAssessment(ctxOf(c), year)
    const fw = view.framework.framework
    const n = indicatorParam(c, fw)
    const target = { type: 'assessment.plan', id: `${year}:${n}` }
    const [plan, units, linked] = await Promise.all([getPlan(ctxOf(c), year, n), listUnits(ctxOf(c)), evidenceFor(ctxOf(c), [target])])
    const today = toThaiDateText(todayInBangkok())
    return <PlanPage ctx={pageCtx(c)} ita={itaBase(c)} year={year} fw={fw} indicator={n} plan={plan} units={units} score={view.scores[n]} today={today} failed={failed} linked={linked.get(`assessment.plan:${year}:${n}`) ?? []} quote={cleanSearchText(c.req.query('quote'), 500) || undefined} />
  }
  /** The year and indicator of a POST (404 when the year's framework has no such indicator). */
  const target = async (c: StaffContext) => {
    const year = yearParam(c)
    return { year, n: indicatorParam(c, (await requireFramework(c.get('deps').db, year)).framework) }
  }
  const done = (c: StaffContext, year: number, n: number, message: AtKey) => {
    flash(c, at(c.get('lang'), message))
    return c.redirect(`${itaBase(c)}/${year}/plans/${n}`, 303)
  }

  app.get('/ita/:fy/plans/:n{[0-9]+}', requirePermission('assessment.read'), async (c) => render(c, await planPage(c)))
  // A refused form is shown at its POST address; a GET there (the language link, an evidence
  // delete's way back) returns to the plan.
  // (Two routes, not `:form{progress|evidence}`: that alternation is unanchored and would catch /progress/<id>/edit.)
  for (const form of ['progress', 'evidence']) app.get(`/ita/:fy/plans/:n{[0-9]+}/${form}`, requirePermission('assessment.read'), (c) => c.redirect(`${itaBase(c)}/${yearParam(c)}/plans/${c.req.param('n')}`, 303))

  app.post('/ita/:fy/plans/:n{[0-9]+}', requirePermission('assessment.edit'), async (c) => {
    const { year, n } = await target(c)
    return formAction(c, {
      ...planForm(c.get('lang')),
      view: (state) => planPage(c, { form: 'plan', ...state }),
      submit: async (input) => {
        await savePlan(ctxOf(c), year, n, input)
        return done(c, year, n, 'plans.saved')
      },
    })
  })

  app.post('/ita/:fy/plans/:n{[0-9]+}/progress', requirePermission('assessment.edit'), async (c) => {
    const { year, n } = await target(c)
    return formAction(c, {
      ...progressForm(c.get('lang')),
      // A progress entry dated outside the plan's fiscal year asks to confirm (values kept).
      fiscalYearDates: { year, fields: ['entryDate'] },
      view: (state) => planPage(c, { form: 'progress', ...state }),
      submit: async (input) => {
        await addProgressEntry(ctxOf(c), year, n, input)
        return done(c, year, n, 'plans.logAdded')
      },
    })
  })

  /** One progress entry of the plan (404 when it is not this year's and indicator's). */
  const entryOf = async (c: StaffContext) => {
    const { year, n } = await target(c)
    const id = uuidParam(c, 'entryId')
    const entry = (await getPlan(ctxOf(c), year, n))?.log.find((l) => l.id === id)
    if (!entry) throw new AppError('not_found', 404)
    return { year, n, entry, planHref: `${itaBase(c)}/${year}/plans/${n}` }
  }
  const editPage = async (c: StaffContext, state?: FormState) => {
    const { year, n, entry, planHref } = await entryOf(c)
    const values = state?.values ?? { entryDate: toThaiDateText(entry.entryDate), body: entry.body }
    return <ProgressEditPage ctx={pageCtx(c)} planHref={planHref} year={year} indicator={n} entryId={entry.id} state={{ values, errors: state?.errors ?? {} }} />
  }
  const entryPath = '/ita/:fy/plans/:n{[0-9]+}/progress/:entryId'
  app.get(`${entryPath}/edit`, requirePermission('assessment.edit'), async (c) => render(c, await editPage(c)))
  app.post(`${entryPath}/edit`, requirePermission('assessment.edit'), async (c) => {
    const { year, n, entry } = await entryOf(c)
    return formAction(c, {
      ...progressForm(c.get('lang')),
      fiscalYearDates: { year, fields: ['entryDate'] },
      view: (state) => editPage(c, state),
      submit: async (input) => {
        await updateProgressEntry(ctxOf(c), year, n, entry.id, input)
        return done(c, year, n, 'plans.logSaved')
      },
    })
  })
  app.get(`${entryPath}/delete`, requirePermission('assessment.edit'), async (c) => {
    const { n, entry, planHref } = await entryOf(c)
    const L = c.get('lang')
    const date = dayText(pageCtx(c), entry.entryDate)
    return render(
      c,
      <ConfirmDeletePage
        ctx={pageCtx(c)}
        title={at(L, 'plans.logDeleteTitle', { date })}
        intro={at(L, 'plans.logDeleteIntro', { body: entry.body.length > 120 ? `${entry.body.slice(0, 120)}…` : entry.body, n })}
        goesWith={entry.evidence.map((e) => at(L, 'plans.logDeleteEvidence', { title: e.title }))}
        action={`${planHref}/progress/${entry.id}/delete`}
        button={at(L, 'plans.logDeleteButton')}
        cancelHref={`${planHref}#log-${entry.id}`}
      />,
    )
  })
  app.post(`${entryPath}/delete`, requirePermission('assessment.edit'), async (c) => {
    const { year, n, entry } = await entryOf(c)
    await deleteProgressEntry(ctxOf(c), year, n, entry.id)
    return done(c, year, n, 'plans.logDeleted')
  })

  app.post('/ita/:fy/plans/:n{[0-9]+}/evidence', requirePermission('assessment.edit'), async (c) => {
    const { year, n } = await target(c)
    return formAction(c, {
      ...evidenceForm(c.get('lang')),
      view: (state) => planPage(c, { form: evidenceFormId(first(state.values, 'target') === 'progress' ? 'progress' : 'indicator', first(state.values, 'targetId')), ...state }),
      submit: async (d, files) => {
        const file = files.file?.[0]
        const title = (d.title || file?.name || d.url || '').slice(0, 300)
        if (!title) throw new InputError({ title: inBoth('evidence.titleMissing') })
        await addEvidence(ctxOf(c), { kind: d.target, id: d.targetId }, { title, url: d.url, file: file && { name: file.name, bytes: file.bytes } })
        return done(c, year, n, 'evidence.added')
      },
    })
  })

  return app
}
