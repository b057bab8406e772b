import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, formErrorsOf, type FormState, type FormValues } from '../../platform/http/forms.js'
import { readBody } from '../../platform/http/body.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, searchQuery, uuidParam, yearFilter } from '../../platform/http/params.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { AppError } from '../../platform/http/errors.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { toThaiDateText, todayInBangkok, toIsoDate } from '../../platform/thai/index.js'
import { evidenceUses } from '../../platform/evidence/evidence.service.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { ConfirmDeletePage } from '../../platform/ui/confirm.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { surveysT } from './surveys.i18n.js'
import { QUESTION_KINDS, SURVEY_ACCESS, SURVEY_STATUSES, type Choice, type Question, type Survey } from './surveys.schema.js'
import { addPoint, addQuestion, closeSurvey, copySurvey, createSurvey, deletePoint, deleteQuestion, deleteSurvey, getSurvey, listSurveys, moveQuestion, openSurvey, updateQuestion, updateSurvey, type SurveyDetail } from './surveys.service.js'
import { issueLinks, linkBatches, MAX_BATCH, readAnswers, recordPaperResponse } from './answering.js'
import { cleanFilter, surveyResults } from './results.js'
import { resultsXlsx } from './export.js'
import { posterPdf } from './poster.js'
import { TEMPLATE_KEYS } from './templates.js'
import { ListPage } from './views/list.js'
import { SurveyForm, type UnitOption } from './views/form.js'
import { QuestionForm } from './views/question-form.js'
import { SurveyPage, type AnswerLink } from './views/detail.js'
import { PaperPage } from './views/answer.js'
import { StaffResultsPage } from './views/results.js'
import { SlipsPage } from './views/links.js'

const SurveySchema = z.object({
  title: f.text(300),
  intro: f.optionalText(5000).transform((v) => v ?? ''),
  fiscalYear: f.fiscalYear(),
  unitId: f.optionalText(40).pipe(z.uuid().optional()).transform((v) => v ?? null),
  access: f.choice(SURVEY_ACCESS),
  closesOn: f.thaiDate({ optional: true }).transform((v) => v ?? null),
})
const NewSurveySchema = SurveySchema.extend({ template: f.choice(TEMPLATE_KEYS) })
const surveyLabels = (L: Lang) => ({ title: surveysT(L, 'field.title'), intro: surveysT(L, 'field.intro'), fiscalYear: surveysT(L, 'field.fiscalYear'), unitId: surveysT(L, 'field.unit'), access: surveysT(L, 'field.access'), closesOn: surveysT(L, 'field.closesOn'), template: surveysT(L, 'field.template') })
const surveyValues = (s: Survey): FormValues => ({ title: s.title, intro: s.intro, fiscalYear: String(s.fiscalYear), unitId: s.unitId ?? '', access: s.access, closesOn: s.closesOn ? toThaiDateText(s.closesOn) : '' })

/** "ไทย | English" per line → choices; at least two for a choice question, none for the others. */
const choicesOf = (text: string | undefined): Choice[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [th, en] = l.split('|').map((x) => x.trim())
      return { th: th!.slice(0, 200), en: (en ?? '').slice(0, 200) }
    })
const questionSchema = (L: Lang) =>
  z
  .object({
    section: f.optionalText(200).transform((v) => v ?? ''),
    kind: f.choice(QUESTION_KINDS),
    textTh: f.text(500),
    textEn: f.optionalText(500).transform((v) => v ?? ''),
    choices: f.optionalText(5000).transform(choicesOf),
    required: f.checkbox(),
  })
  .superRefine((q, ctx) => {
    const needs = q.kind === 'single' || q.kind === 'multi'
    if (needs && (q.choices.length < 2 || q.choices.length > 20)) ctx.addIssue({ code: 'custom', path: ['choices'], message: surveysT(L, 'v.choices') })
  })
  .transform((q) => ({ ...q, choices: q.kind === 'single' || q.kind === 'multi' ? q.choices : [] }))
const questionLabels = (L: Lang) => ({ section: surveysT(L, 'question.section'), kind: surveysT(L, 'question.kind'), textTh: surveysT(L, 'question.textTh'), textEn: surveysT(L, 'question.textEn'), choices: surveysT(L, 'question.choices'), required: surveysT(L, 'question.required') })
const questionValues = (q: Question): FormValues => ({ section: q.section, kind: q.kind, textTh: q.textTh, textEn: q.textEn, choices: q.choices.map((c) => (c.en ? `${c.th} | ${c.en}` : c.th)).join('\n'), required: q.required ? 'on' : '' })
const PointSchema = z.object({ name: f.text(200) })
const BatchSchema = z.object({ label: f.text(200), count: f.int(1, MAX_BATCH), format: f.optionalText(10) })
const PaperSchema = z.object({ answeredOn: f.thaiDate().pipe(z.string()), pointId: f.optionalText(40).pipe(z.uuid().optional()).transform((v) => v ?? null) })

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const download = (type: string, name: string) => ({ 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })

/** The public address a respondent opens (per service point with `?p=`). */
export const answerUrl = (origin: string, slug: string, surveyId: string, pointId?: string | null) => `${origin}/o/${slug}/surveys/r/${surveyId}${pointId ? `?p=${pointId}` : ''}`

/** Staff pages: list, build (settings, questions, service points), run (open, close, links, paper), results. */
export function surveysStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/surveys`
  const L = (c: StaffContext) => c.get('lang')
  const units = async (c: StaffContext): Promise<UnitOption[]> => (await listUnitsOf(c.get('deps').db, c.get('org').id)).map((u) => ({ id: u.id, nameTh: u.nameTh }))

  const page = async (c: StaffContext, id: string, extra: { point?: FormState; batch?: FormState; errors?: FormState['errors'] } = {}) => {
    const d = await getSurvey(ctxOf(c), id)
    const origin = publicOrigin(c)
    const slug = c.get('org').slug
    const counts = new Map(d.pointCounts.map((b) => [b.pointId, b.n]))
    const links: AnswerLink[] = await Promise.all(
      [{ id: null as string | null, name: surveysT(L(c), 'detail.general') }, ...d.points.map((p) => ({ id: p.id as string | null, name: p.name }))].map(async (p) => {
        const url = answerUrl(origin, slug, d.s.id, p.id)
        return { pointId: p.id, name: p.name, url, qrSvg: await linkQrSvg(url), responses: counts.get(p.id) ?? 0 }
      }),
    )
    const batches = d.s.access === 'link' ? await linkBatches(ctxOf(c), d.s.id) : []
    return <SurveyPage ctx={pageCtx(c)} base={base(c)} d={d} links={links} batches={batches} uses={await evidenceUses(ctxOf(c), { type: 'surveys.survey', id: d.s.id })} {...extra} />
  }
  /** A refusal (409) shows the survey's page again with the message. */
  const act = async (c: StaffContext, id: string, run: () => Promise<{ msg: string; to?: string }>) => {
    try {
      const r = await run()
      flash(c, r.msg)
      return c.redirect(r.to ?? `${base(c)}/${id}`, 303)
    } catch (e) {
      const failed = formErrorsOf(e, L(c))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await page(c, id, { errors: failed.errors }), failed.status)
    }
  }

  app.get('/surveys', requirePermission('surveys.read'), async (c) => {
    const filter = { q: searchQuery(c), fiscalYear: yearFilter(c, 'fy'), status: SURVEY_STATUSES.find((s) => s === c.req.query('status')), unitId: c.req.query('unit') || undefined, page: intQuery(c, 'page', 1, 10_000) }
    return render(c, <ListPage ctx={pageCtx(c)} base={base(c)} filter={filter} data={await listSurveys(ctxOf(c), filter)} units={await units(c)} />)
  })

  const newForm = (c: StaffContext, u: UnitOption[]) => (s: FormState) => <SurveyForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} editing={false} units={u} cancel={base(c)} {...s} />
  app.get('/surveys/new', requirePermission('surveys.edit'), async (c) => render(c, newForm(c, await units(c))({ values: { template: 'service-satisfaction', access: 'open', fiscalYear: '' } })))
  app.post('/surveys/new', requirePermission('surveys.edit'), async (c) =>
    formAction(c, {
      schema: NewSurveySchema,
      labels: surveyLabels(L(c)),
      view: newForm(c, await units(c)),
      submit: async ({ template, ...data }) => {
        const s = await createSurvey(ctxOf(c), data, template)
        flash(c, surveysT(L(c), 'created', { title: s.title }))
        return c.redirect(`${base(c)}/${s.id}`, 303)
      },
    }),
  )

  app.get('/surveys/:id', requirePermission('surveys.read'), async (c) => render(c, await page(c, uuidParam(c))))

  const editForm = (c: StaffContext, id: string, u: UnitOption[]) => (s: FormState) => <SurveyForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/${id}/edit`} editing units={u} cancel={`${base(c)}/${id}`} {...s} />
  app.get('/surveys/:id/edit', requirePermission('surveys.edit'), async (c) => {
    const d = await getSurvey(ctxOf(c), uuidParam(c))
    return render(c, editForm(c, d.s.id, await units(c))({ values: surveyValues(d.s) }))
  })
  app.post('/surveys/:id/edit', requirePermission('surveys.edit'), async (c) => {
    const { s } = await getSurvey(ctxOf(c), uuidParam(c)) // 404 before reading the form
    return formAction(c, {
      schema: SurveySchema,
      labels: surveyLabels(L(c)),
      view: editForm(c, s.id, await units(c)),
      submit: async (data) => {
        const r = await updateSurvey(ctxOf(c), s.id, data)
        flash(c, surveysT(L(c), 'updated', { title: r.title }))
        return c.redirect(`${base(c)}/${s.id}`, 303)
      },
    })
  })

  app.post('/surveys/:id/open', requirePermission('surveys.edit'), async (c) => act(c, uuidParam(c), async () => ({ msg: surveysT(L(c), 'opened', { title: (await openSurvey(ctxOf(c), uuidParam(c))).title }) })))
  app.post('/surveys/:id/close', requirePermission('surveys.edit'), async (c) => act(c, uuidParam(c), async () => ({ msg: surveysT(L(c), 'closed', { title: (await closeSurvey(ctxOf(c), uuidParam(c))).title }) })))
  app.post('/surveys/:id/copy', requirePermission('surveys.edit'), async (c) =>
    act(c, uuidParam(c), async () => {
      const s = await copySurvey(ctxOf(c), uuidParam(c))
      return { msg: surveysT(L(c), 'copied', { title: s.title, year: s.fiscalYear }), to: `${base(c)}/${s.id}` }
    }),
  )

  const confirmPage = (c: StaffContext, d: SurveyDetail) => (
    <ConfirmDeletePage ctx={pageCtx(c)} title={surveysT(L(c), 'delete.title', { title: d.s.title })} intro={surveysT(L(c), 'delete.intro')} goesWith={[surveysT(L(c), 'delete.goesWith', { questions: d.questions.length, points: d.points.length })]} action={`${base(c)}/${d.s.id}/delete`} button={surveysT(L(c), 'delete.confirm')} cancelHref={`${base(c)}/${d.s.id}`} />
  )
  app.get('/surveys/:id/delete', requirePermission('surveys.edit'), async (c) => {
    const d = await getSurvey(ctxOf(c), uuidParam(c))
    if (d.s.status !== 'draft') return c.redirect(`${base(c)}/${d.s.id}`, 303)
    return render(c, confirmPage(c, d))
  })
  app.post('/surveys/:id/delete', requirePermission('surveys.edit'), async (c) =>
    act(c, uuidParam(c), async () => {
      const s = await deleteSurvey(ctxOf(c), uuidParam(c))
      return { msg: surveysT(L(c), 'deleted', { title: s.title }), to: base(c) }
    }),
  )

  // Questions (drafts only).
  const questionForm = (c: StaffContext, s: Survey, action: string, editing: boolean) => (st: FormState) => <QuestionForm ctx={pageCtx(c)} base={base(c)} s={s} action={action} editing={editing} {...st} />
  app.get('/surveys/:id/questions/new', requirePermission('surveys.edit'), async (c) => {
    const { s } = await getSurvey(ctxOf(c), uuidParam(c))
    if (s.status !== 'draft') return c.redirect(`${base(c)}/${s.id}`, 303)
    return render(c, questionForm(c, s, `${base(c)}/${s.id}/questions/new`, false)({ values: { kind: 'likert', required: 'on' } }))
  })
  app.post('/surveys/:id/questions/new', requirePermission('surveys.edit'), async (c) => {
    const { s } = await getSurvey(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: questionSchema(L(c)),
      labels: questionLabels(L(c)),
      view: questionForm(c, s, `${base(c)}/${s.id}/questions/new`, false),
      submit: async (data) => {
        const q = await addQuestion(ctxOf(c), s.id, data)
        flash(c, surveysT(L(c), 'question.added', { q: q.position }))
        return c.redirect(`${base(c)}/${s.id}`, 303)
      },
    })
  })
  const questionOf = async (c: StaffContext) => {
    const d = await getSurvey(ctxOf(c), uuidParam(c))
    const q = d.questions.find((x) => x.id === c.req.param('qid'))
    if (!q) throw new AppError('not_found', 404)
    return { d, q }
  }
  app.get('/surveys/:id/questions/:qid/edit', requirePermission('surveys.edit'), async (c) => {
    const { d, q } = await questionOf(c)
    if (d.s.status !== 'draft') return c.redirect(`${base(c)}/${d.s.id}`, 303)
    return render(c, questionForm(c, d.s, `${base(c)}/${d.s.id}/questions/${q.id}/edit`, true)({ values: questionValues(q) }))
  })
  app.post('/surveys/:id/questions/:qid/edit', requirePermission('surveys.edit'), async (c) => {
    const { d, q } = await questionOf(c)
    return formAction(c, {
      schema: questionSchema(L(c)),
      labels: questionLabels(L(c)),
      view: questionForm(c, d.s, `${base(c)}/${d.s.id}/questions/${q.id}/edit`, true),
      submit: async (data) => {
        await updateQuestion(ctxOf(c), d.s.id, q.id, data)
        flash(c, surveysT(L(c), 'question.updated', { q: q.position }))
        return c.redirect(`${base(c)}/${d.s.id}`, 303)
      },
    })
  })
  app.get('/surveys/:id/questions/:qid/delete', requirePermission('surveys.edit'), async (c) => {
    const { d, q } = await questionOf(c)
    return render(c, <ConfirmDeletePage ctx={pageCtx(c)} title={surveysT(L(c), 'question.deleteTitle', { q: q.position })} intro={q.textTh} action={`${base(c)}/${d.s.id}/questions/${q.id}/delete`} button={surveysT(L(c), 'delete.confirm')} cancelHref={`${base(c)}/${d.s.id}`} />)
  })
  app.post('/surveys/:id/questions/:qid/delete', requirePermission('surveys.edit'), async (c) => {
    const { d, q } = await questionOf(c)
    return act(c, d.s.id, async () => {
      await deleteQuestion(ctxOf(c), d.s.id, q.id)
      return { msg: surveysT(L(c), 'question.deleted', { q: q.position }) }
    })
  })
  app.post('/surveys/:id/questions/:qid/move', requirePermission('surveys.edit'), async (c) => {
    const { d, q } = await questionOf(c)
    const dir = (await readBody(c)).values['dir'] === 'up' ? 'up' : 'down'
    return act(c, d.s.id, async () => {
      await moveQuestion(ctxOf(c), d.s.id, q.id, dir)
      return { msg: surveysT(L(c), 'question.moved', { q: q.position }) }
    })
  })

  // Service points.
  app.post('/surveys/:id/points', requirePermission('surveys.edit'), async (c) => {
    const id = (await getSurvey(ctxOf(c), uuidParam(c))).s.id
    return formAction(c, {
      schema: PointSchema,
      labels: { name: surveysT(L(c), 'point.name') },
      view: async (s) => page(c, id, { point: s }),
      submit: async (data) => {
        const p = await addPoint(ctxOf(c), id, data.name)
        flash(c, surveysT(L(c), 'point.added', { name: p.name }))
        return c.redirect(`${base(c)}/${id}`, 303)
      },
    })
  })
  const pointOf = async (c: StaffContext) => {
    const d = await getSurvey(ctxOf(c), uuidParam(c))
    const p = d.points.find((x) => x.id === c.req.param('pid'))
    if (!p) throw new AppError('not_found', 404)
    return { d, p }
  }
  app.get('/surveys/:id/points/:pid/delete', requirePermission('surveys.edit'), async (c) => {
    const { d, p } = await pointOf(c)
    return render(c, <ConfirmDeletePage ctx={pageCtx(c)} title={surveysT(L(c), 'point.deleteTitle', { name: p.name })} intro={surveysT(L(c), 'point.deleteIntro')} action={`${base(c)}/${d.s.id}/points/${p.id}/delete`} button={surveysT(L(c), 'delete.confirm')} cancelHref={`${base(c)}/${d.s.id}`} />)
  })
  app.post('/surveys/:id/points/:pid/delete', requirePermission('surveys.edit'), async (c) => {
    const { d, p } = await pointOf(c)
    return act(c, d.s.id, async () => {
      await deletePoint(ctxOf(c), d.s.id, p.id)
      return { msg: surveysT(L(c), 'point.deleted', { name: p.name }) }
    })
  })
  app.get('/surveys/:id/poster.pdf', requirePermission('surveys.read'), async (c) => {
    const d = await getSurvey(ctxOf(c), uuidParam(c))
    const pointId = c.req.query('point')
    const point = pointId ? d.points.find((x) => x.id === pointId) : undefined
    if (pointId && !point) throw new AppError('not_found', 404)
    const org = c.get('org')
    const pdf = await posterPdf({ agency: L(c) === 'en' && org.nameEn ? org.nameEn : org.nameTh, title: d.s.title, point: point?.name ?? null, url: answerUrl(publicOrigin(c), org.slug, d.s.id, point?.id) }, L(c))
    return c.body(new Uint8Array(pdf), 200, download('application/pdf', `survey-poster-${d.s.id.slice(0, 8)}${point ? `-${point.position}` : ''}.pdf`))
  })

  // Single-use links: the tokens are shown (or downloaded) once.
  app.post('/surveys/:id/links', requirePermission('surveys.edit'), async (c) => {
    const id = (await getSurvey(ctxOf(c), uuidParam(c))).s.id
    return formAction(c, {
      schema: BatchSchema,
      labels: { label: surveysT(L(c), 'batch.label'), count: surveysT(L(c), 'batch.count') },
      view: async (s) => page(c, id, { batch: s }),
      submit: async (data) => {
        const { tokens } = await issueLinks(ctxOf(c), id, data.label, data.count)
        const urls = tokens.map((t) => `${publicOrigin(c)}/o/${c.get('org').slug}/surveys/r/${id}/t/${t}`)
        c.header('Referrer-Policy', 'no-referrer')
        if (data.format === 'csv') return c.body(`\ufeffurl\r\n${urls.join('\r\n')}\r\n`, 200, download('text/csv; charset=utf-8', `survey-links-${id.slice(0, 8)}.csv`))
        const d = await getSurvey(ctxOf(c), id)
        return render(c, <SlipsPage ctx={pageCtx(c)} base={base(c)} s={d.s} label={data.label} slips={await Promise.all(urls.map(async (url) => ({ url, qrSvg: await linkQrSvg(url) })))} />)
      },
    })
  })

  // Paper answer sheets keyed in by staff.
  const paperForm = (c: StaffContext, d: SurveyDetail) => (s: FormState) => <PaperPage ctx={pageCtx(c)} base={base(c)} s={d.s} questions={d.questions} points={d.points} {...s} />
  app.get('/surveys/:id/paper', requirePermission('surveys.edit'), async (c) => {
    const d = await getSurvey(ctxOf(c), uuidParam(c))
    if (d.s.status === 'draft') return c.redirect(`${base(c)}/${d.s.id}`, 303)
    return render(c, paperForm(c, d)({ values: { answeredOn: toThaiDateText(toIsoDate(todayInBangkok())) } }))
  })
  app.post('/surveys/:id/paper', requirePermission('surveys.edit'), async (c) => {
    const d = await getSurvey(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: PaperSchema,
      labels: { answeredOn: surveysT(L(c), 'paper.answeredOn'), pointId: surveysT(L(c), 'paper.point') },
      view: paperForm(c, d),
      submit: async (data, _files, values) => {
        const read = readAnswers(d.questions, values, L(c))
        if (!read.ok) {
          c.set('formFailed', true)
          return render(c, paperForm(c, d)({ values, errors: read.errors }), 422)
        }
        await recordPaperResponse(ctxOf(c), d.s.id, { pointId: data.pointId, answers: read.answers, answeredOn: data.answeredOn })
        flash(c, surveysT(L(c), 'paper.saved'))
        // "Save and key the next": the day and the point stay, the answers are cleared.
        if (values['next'] === '1') return render(c, paperForm(c, d)({ values: { answeredOn: String(values['answeredOn'] ?? ''), pointId: String(values['pointId'] ?? '') } }))
        return c.redirect(`${base(c)}/${d.s.id}`, 303)
      },
    })
  })

  // Results.
  const filterOf = (c: StaffContext) => cleanFilter({ pointId: c.req.query('point'), month: c.req.query('month') })
  app.get('/surveys/:id/results', requirePermission('surveys.read'), async (c) => {
    const filter = filterOf(c)
    return render(c, <StaffResultsPage ctx={pageCtx(c)} base={base(c)} r={await surveyResults(ctxOf(c), uuidParam(c), filter)} filter={filter} />)
  })
  app.get('/surveys/:id/results.xlsx', requirePermission('surveys.read'), async (c) => {
    const r = await surveyResults(ctxOf(c), uuidParam(c), filterOf(c))
    return c.body(new Uint8Array(await resultsXlsx(r, L(c))), 200, download(XLSX, `survey-results-${r.s.fiscalYear}-${r.s.id.slice(0, 8)}.xlsx`))
  })

  return app
}
