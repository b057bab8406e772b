import type { FormState, FormValues } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxGroup, DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { EvidenceForm, EvidenceList } from '../../../platform/ui/evidence.js'
import { LinkedEvidenceList } from '../../../platform/evidence/views/evidence.js'
import type { LinkedEvidence } from '../../../platform/evidence/evidence.service.js'
import { dayText } from '../../../platform/ui/prose.js'
import { PrevNext } from '../../../platform/ui/prev-next.js'
import { PLAN_LIMITS, PROGRESS_BODY_MAX } from '../forms.js'
import { fmtScore } from '../../../domain/ita/format.js'
import type { Framework } from '../../../domain/ita/framework.schema.js'
import { at } from '../assessment.i18n.js'
import { PROGRESS_STATUSES, type IndicatorPlan } from '../assessment.schema.js'
import type { AssessmentView } from '../assessment-view.js'
import type { PlanWithLog } from '../plans.service.js'
import { statusLabel } from '../ita-paths.js'

export const PlansListPage = ({ ctx, ita, view, plans }: { ctx: StaffPageCtx; ita: string; view: AssessmentView; plans: IndicatorPlan[] }) => {
  const lang = ctx.lang
  const year = view.fiscalYear
  const fw = view.framework.framework
  return (
    <StaffLayout ctx={ctx} title={at(lang, 'plans.title', { year })}>
      <p>
        <a href={`${ita}/${year}`}>{at(lang, 'ita.year', { year })}</a>
      </p>
      <h1>{at(lang, 'plans.title', { year })}</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{at(lang, 'scores.indicator')}</th>
              <th scope="col">{at(lang, 'scores.score')}</th>
              <th scope="col">{at(lang, 'plans.guidelines')}</th>
              <th scope="col">{at(lang, 'plans.status')}</th>
            </tr>
          </thead>
          <tbody>
            {fw.indicators.map((i) => {
              const p = plans.find((x) => x.indicator === i.number)
              const s = view.scores[i.number]
              return (
                <tr>
                  <th scope="row">
                    <a href={`${ita}/${year}/plans/${i.number}`}>{at(lang, 'plans.indicator', { n: i.number, name: i.nameTh })}</a>
                  </th>
                  <td>
                    {fmtScore(s)}
                    {s !== undefined && s < fw.passThreshold.score && <span class="badge"> {at(lang, 'scores.belowBadge', { threshold: fw.passThreshold.score })}</span>}
                  </td>
                  <td>{p ? p.guidelines.length : <span class="muted">{at(lang, 'plans.empty')}</span>}</td>
                  <td>{statusLabel(lang, p?.status ?? null)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  )
}

/** Which form of the plan page a failed submission belongs to: the plan, the log, or one evidence form. */
export type PlanForm = 'plan' | 'progress' | `ev-${string}`
export type PlanFailure = FormState & { form: PlanForm }

/** The evidence form of a plan (`ev-ind`) or of one progress entry (`ev-<entry id>`). */
export const evidenceFormId = (target: 'indicator' | 'progress', targetId: string): PlanForm => (target === 'progress' ? `ev-${targetId}` : 'ev-ind')

export type PlanPageProps = {
  ctx: StaffPageCtx
  ita: string
  year: number
  fw: Framework
  indicator: number
  plan: PlanWithLog | null
  units: { id: string; nameTh: string }[]
  score?: number | undefined
  /** Today as the date field shows it ("15/03/2567"), the progress form's default date. */
  today: string
  failed?: PlanFailure | undefined
  /** Records of other modules linked to this plan as evidence (platform evidence links). */
  linked: LinkedEvidence[]
  /** A finding quoted into the weaknesses (from the self-assessment's weakest items), to review and save. */
  quote?: string | undefined
}

function planValues(plan: PlanWithLog | null, year: number, quote?: string): FormValues {
  const weaknesses = plan?.weaknesses ?? ''
  return {
    indicatorName: plan?.indicatorName ?? '',
    strengths: plan?.strengths ?? '',
    weaknesses: quote && !weaknesses.includes(quote) ? [weaknesses, quote].filter(Boolean).join('\n') : weaknesses,
    guidelines: (plan?.guidelines ?? []).join('\n'),
    unitIds: plan?.unitIds ?? [],
    responsibleText: plan?.responsibleText ?? '',
    // The period goes into Thai documents, so its default is Thai whatever the page language.
    period: plan?.period ?? at('th', 'ita.year', { year }),
    progress: (plan?.progress ?? []).join('\n'),
    status: plan?.status ?? '',
  }
}

const PlanFormView = ({ ctx, action, units, state }: { ctx: StaffPageCtx; action: string; units: { id: string; nameTh: string }[]; state: Required<FormState> }) => {
  const lang = ctx.lang
  const { values, errors } = state
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="indicatorName" label={at(lang, 'plans.indicatorName')} hint={at(lang, 'plans.indicatorNameHint')} values={values} errors={errors} lang={lang} max={PLAN_LIMITS.indicatorName} />
        <TextArea name="strengths" label={at(lang, 'plans.strengths')} values={values} errors={errors} rows={3} lang={lang} max={PLAN_LIMITS.strengths} />
        <TextArea name="weaknesses" label={at(lang, 'plans.weaknesses')} values={values} errors={errors} rows={3} lang={lang} max={PLAN_LIMITS.weaknesses} />
        <TextArea name="guidelines" label={at(lang, 'plans.guidelines')} hint={at(lang, 'plans.listHint')} values={values} errors={errors} rows={6} lang={lang} max={PLAN_LIMITS.guidelines} />
        {units.length > 0 && <CheckboxGroup name="unitIds" label={at(lang, 'plans.units')} values={values} errors={errors} options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />}
        <TextField name="responsibleText" label={at(lang, 'plans.responsibleText')} hint={at(lang, 'plans.responsibleHint')} values={values} errors={errors} lang={lang} max={PLAN_LIMITS.responsibleText} />
        <TextField name="period" label={at(lang, 'plans.period')} values={values} errors={errors} lang={lang} max={PLAN_LIMITS.period} />
        <TextArea name="progress" label={at(lang, 'plans.progress')} hint={at(lang, 'plans.listHint')} values={values} errors={errors} rows={6} lang={lang} max={PLAN_LIMITS.progress} />
        <SelectField name="status" label={at(lang, 'plans.status')} values={values} errors={errors} options={[{ value: '', label: at(lang, 'status.none') }, ...PROGRESS_STATUSES.map((s) => ({ value: s, label: at(lang, `status.${s}`) }))]} />
        <button type="submit">{at(lang, 'common.save')}</button>
      </form>
    </>
  )
}

const ProgressFormView = ({ ctx, action, year, state, editing, cancelHref }: { ctx: StaffPageCtx; action: string; year: number; state: Required<FormState>; editing?: boolean; cancelHref?: string }) => {
  const lang = ctx.lang
  const label = at(lang, editing ? 'plans.logSave' : 'plans.logAdd')
  return (
    <>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <fieldset class="field">
          <legend>{editing ? at(lang, 'plans.logEdit') : label}</legend>
          <DateField name="entryDate" ctx={ctx} fiscalYear={year} label={at(lang, 'plans.logDate')} values={state.values} errors={state.errors} required />
          <TextArea name="body" label={at(lang, 'plans.logBody')} values={state.values} errors={state.errors} rows={3} required lang={lang} max={PROGRESS_BODY_MAX} />
          <div class="actions">
            <button type="submit" class={editing ? undefined : 'secondary'}>
              {label}
            </button>
            {cancelHref && <a href={cancelHref}>{at(lang, 'plans.logCancel')}</a>}
          </div>
        </fieldset>
      </form>
    </>
  )
}

/** Previous / next indicator of the year (rel=prev/next links), so the 10 analyses are one walk. */
const IndicatorNav = ({ ctx, ita, year, fw, indicator }: { ctx: StaffPageCtx; ita: string; year: number; fw: Framework; indicator: number }) => {
  const lang = ctx.lang
  const list = fw.indicators
  const i = list.findIndex((x) => x.number === indicator)
  const link = (x: (typeof list)[number] | undefined) => (x ? { href: `${ita}/${year}/plans/${x.number}`, label: at(lang, 'plans.indicator', { n: x.number, name: x.nameTh }) } : null)
  return <PrevNext label={at(lang, 'plans.nav')} prev={link(list[i - 1])} next={link(list[i + 1])} prevText={at(lang, 'plans.prev')} nextText={at(lang, 'plans.next')} />
}

export const PlanPage = (p: PlanPageProps) => {
  const { ctx, year, plan, ita } = p
  const lang = ctx.lang
  const ind = p.fw.indicators.find((i) => i.number === p.indicator)!
  const base = `${ita}/${year}/plans/${p.indicator}`
  const canEdit = ctx.can('assessment.edit')
  const title = at(lang, 'plans.indicator', { n: ind.number, name: ind.nameTh })
  const stateOf = (form: PlanForm): FormState | undefined => (p.failed?.form === form ? p.failed : undefined)
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`${ita}/${year}/plans`}>{at(lang, 'plans.title', { year })}</a>
      </p>
      <h1>{title}</h1>
      <IndicatorNav ctx={ctx} ita={ita} year={year} fw={p.fw} indicator={p.indicator} />
      {p.score !== undefined && (
        <p>
          {at(lang, 'scores.score')}: <strong>{fmtScore(p.score)}</strong>
        </p>
      )}
      {canEdit ? (
        <PlanFormView ctx={ctx} action={base} units={p.units} state={{ values: stateOf('plan')?.values ?? planValues(plan, year, p.quote), errors: stateOf('plan')?.errors ?? {} }} />
      ) : (
        <dl>
          <dt>{at(lang, 'plans.guidelines')}</dt>
          <dd>
            <ol>{(plan?.guidelines ?? []).map((g) => <li>{g}</li>)}</ol>
          </dd>
          <dt>{at(lang, 'plans.status')}</dt>
          <dd>{statusLabel(lang, plan?.status ?? null)}</dd>
        </dl>
      )}
      {plan && (
        <>
          <h2>{at(lang, 'evidence.title')}</h2>
          <EvidenceList ctx={ctx} items={plan.evidence} canDelete={canEdit} base={ita} />
          {canEdit && <EvidenceForm ctx={ctx} action={`${base}/evidence`} id="ev-ind" hidden={{ target: 'indicator', targetId: plan.id }} state={stateOf('ev-ind')} />}
        </>
      )}
      <h2>{at(lang, 'evidence.linked')}</h2>
      <LinkedEvidenceList
        ctx={ctx}
        items={p.linked}
        pickHref={canEdit ? `/o/${ctx.org.slug}/admin/evidence/pick?${new URLSearchParams({ target: `assessment.plan:${year}:${p.indicator}`, back: base })}` : null}
        unlink={canEdit ? { back: base } : null}
      />
      <h2>{at(lang, 'plans.log')}</h2>
      {plan?.log.length ? (
        <ol class="log">
          {plan.log.map((l) => (
            <li id={`log-${l.id}`}>
              <strong>{dayText(ctx, l.entryDate)}</strong>: {l.body}
              {canEdit && (
                <span class="row-actions">
                  {' '}
                  <a href={`${base}/progress/${l.id}/edit`} aria-label={at(lang, 'plans.logEditOf', { date: dayText(ctx, l.entryDate) })}>
                    {at(lang, 'plans.logEdit')}
                  </a>{' '}
                  <a href={`${base}/progress/${l.id}/delete`} aria-label={at(lang, 'plans.logDeleteOf', { date: dayText(ctx, l.entryDate) })}>
                    {at(lang, 'plans.logDelete')}
                  </a>
                </span>
              )}
              <EvidenceList ctx={ctx} items={l.evidence} canDelete={canEdit} base={ita} />
              {canEdit && (
                <EvidenceForm
                  ctx={ctx}
                  action={`${base}/evidence`}
                  id={`ev-${l.id}`}
                  hidden={{ target: 'progress', targetId: l.id }}
                  legend={`${at(lang, 'evidence.add')} (${dayText(ctx, l.entryDate)})`}
                  state={stateOf(`ev-${l.id}`)}
                />
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{at(lang, 'plans.logEmpty')}</p>
      )}
      {canEdit && <ProgressFormView ctx={ctx} action={`${base}/progress`} year={year} state={{ values: stateOf('progress')?.values ?? { entryDate: p.today, body: '' }, errors: stateOf('progress')?.errors ?? {} }} />}
    </StaffLayout>
  )
}

/** Correcting one progress entry: its own page, so a refused form comes back with its values. */
export const ProgressEditPage = (p: { ctx: StaffPageCtx; planHref: string; year: number; indicator: number; entryId: string; state: Required<FormState> }) => {
  const lang = p.ctx.lang
  const title = at(lang, 'plans.logEditTitle', { n: p.indicator, year: p.year })
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <p>
        <a href={p.planHref}>{at(lang, 'plans.backToPlan', { n: p.indicator })}</a>
      </p>
      <h1>{title}</h1>
      <ProgressFormView ctx={p.ctx} action={`${p.planHref}/progress/${p.entryId}/edit`} year={p.year} state={p.state} editing cancelHref={`${p.planHref}#log-${p.entryId}`} />
    </StaffLayout>
  )
}
