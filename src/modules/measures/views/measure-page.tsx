import type { FormState } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { formatThaiDateTime } from '../../../platform/thai/index.js'
import { statusLabel } from '../../assessment/index.js'
import { mt } from '../measures.i18n.js'
import { ACTIVITY_STATUSES } from '../measures.schema.js'
import { periodLabel, responsibleLabel, type MeasureView } from '../measures.service.js'
import { approveValues, LIMITS, NEW_ACTIVITY } from '../measures.forms.js'
import { ActivityCard, EVIDENCE_ACCEPT } from './activity.js'
import { FileField } from '../../../platform/ui/fields.js'
import type { LinkedEvidence } from '../../../platform/evidence/evidence.service.js'
import type { PageLink } from '../../../platform/ui/prev-next.js'
import { pt } from '../progress.i18n.js'
import { MeasureNav, ReviewPanel, type ReviewState } from './review.js'
import type { Responsible } from '../activities.service.js'
import { personOption } from './activity.js'

/** Which form of the measure page is shown again with its values and errors. */
export type MeasureForms = { activity?: FormState; approve?: FormState; status?: FormState & { id: string }; evidence?: FormState & { id: string }; sendBack?: FormState; resubmit?: FormState }

/** One measure: its state, approval, activities with evidence, and the forms that change them. */
export const MeasurePage = ({ ctx, ita, measure: m, linked, people = [], forms = {}, review = { open: null }, nav }: { ctx: StaffPageCtx; ita: string; measure: MeasureView; linked?: Map<string, LinkedEvidence[]>; people?: Responsible[]; forms?: MeasureForms; review?: ReviewState; nav?: { prev: PageLink | null; next: PageLink | null } }) => {
  const L = ctx.lang
  const base = `${ita}/measures/${m.id}`
  const canEdit = ctx.can('measure.edit')
  const approved = m.status === 'approved'
  return (
    <StaffLayout ctx={ctx} title={m.title}>
      <p>
        <a href={`${ita}/${m.fiscalYear}/measures`}>{mt(L, 'm.title', { year: m.fiscalYear })}</a>
      </p>
      <h1>{m.title}</h1>
      {nav && <MeasureNav ctx={ctx} prev={nav.prev} next={nav.next} />}
      <p>
        {mt(L, 'm.status')}: <strong id="measure-status">{approved ? mt(L, 'm.approved') : review.open ? pt(L, 'p.returned') : mt(L, 'm.draft')}</strong>
        {m.approvedAt && <span class="muted"> ({mt(L, 'm.approvedBy', { at: formatThaiDateTime(m.approvedAt, { lang: L }) })})</span>} · {mt(L, 'm.progress')}: {m.progress === null ? '–' : `${m.progress}%`}
      </p>
      <dl>
        <dt>{mt(L, 'm.periodKind')}</dt>
        <dd>{periodLabel(m)}</dd>
        <dt>{mt(L, 'm.responsibleText')}</dt>
        <dd>{responsibleLabel(m, m.unitNames)}</dd>
      </dl>
      {ctx.can('measure.approve') && (
        <>
          <ErrorSummary ctx={ctx} errors={forms.approve?.errors} />
          <form method="post" action={`${base}/${approved ? 'unapprove' : 'approve'}`}>
            <CsrfField ctx={ctx} />
            {/* Always the current version: after a refusal the executive approves what the page now shows. */}
            {!approved && <input type="hidden" name="version" value={String(approveValues(m).version)} />}
            <button type="submit" class={approved ? 'secondary' : ''}>
              {mt(L, approved ? 'm.unapprove' : 'm.approve')}
            </button>
          </form>
        </>
      )}
      <ReviewPanel ctx={ctx} base={base} approved={approved} review={review} />

      <h2>{mt(L, 'm.activities')}</h2>
      {m.activities.length === 0 && <p class="muted">{mt(L, 'm.noActivities')}</p>}
      {m.activities.map((a) => (
        <ActivityCard
          ctx={ctx}
          ita={ita}
          a={a}
          canEdit={canEdit}
          people={people}
          linked={linked?.get(`measures.activity:${a.id}`) ?? []}
          back={base}
          status={forms.status?.id === a.id ? forms.status : undefined}
          evidence={forms.evidence?.id === a.id ? forms.evidence : undefined}
        />
      ))}
      {canEdit && (
        <>
          <NewActivityForm ctx={ctx} action={`${base}/activities`} year={m.fiscalYear} people={people} state={forms.activity} />
          <h2 id="edit">{mt(L, 'm.edit')}</h2>
          <p>
            <a href={`${base}/edit`}>{mt(L, 'm.editLink')}</a>
          </p>
          <p>
            <a href={`${base}/delete`}>{mt(L, 'm.delete')}</a>
          </p>
        </>
      )}
    </StaffLayout>
  )
}

const NewActivityForm = ({ ctx, action, year, people, state }: { ctx: StaffPageCtx; action: string; year: number; people: Responsible[]; state: FormState | undefined }) => {
  const L = ctx.lang
  const v = state?.values ?? NEW_ACTIVITY
  const e = state?.errors
  return (
    <>
      <ErrorSummary ctx={ctx} errors={e} />
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <fieldset class="field">
          <legend>{mt(L, 'm.activityAdd')}</legend>
          <TextField name="title" label={mt(L, 'm.activityTitle')} values={v} errors={e} required lang={L} max={LIMITS.title} />
          <DateField name="startsOn" ctx={ctx} fiscalYear={year} label={mt(L, 'm.startsOn')} values={v} errors={e} />
          <DateField name="endsOn" ctx={ctx} fiscalYear={year} label={mt(L, 'm.endsOn')} values={v} errors={e} />
          <SelectField name="responsibleUserId" label={mt(L, 'm.responsibleUser')} hint={mt(L, 'm.responsibleHintActivity')} placeholder={mt(L, 'm.responsibleDefault')} options={people.map(personOption)} values={v} errors={e} />
          <SelectField name="status" label={mt(L, 'm.status')} options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: statusLabel(L, s) }))} values={v} errors={e} />
          <TextArea name="note" label={mt(L, 'm.note')} rows={3} values={v} errors={e} lang={L} max={LIMITS.note} />
          <TextField name="evidenceTitle" label={mt(L, 'm.evidenceTitle')} values={v} errors={e} lang={L} max={LIMITS.evidenceTitle} />
          <FileField id="evidenceFile" name="evidenceFile" label={mt(L, 'm.evidenceFile')} hint={mt(L, 'm.evidenceFilePublic')} accept={EVIDENCE_ACCEPT} error={e?.evidenceFile} />
          <TextField name="evidenceUrl" type="url" label={mt(L, 'm.evidenceUrl')} values={v} errors={e} />
          <button type="submit">{mt(L, 'm.activityAdd')}</button>
        </fieldset>
      </form>
    </>
  )
}
