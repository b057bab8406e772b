import type { FC } from 'hono/jsx'
import type { FormState } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import { DateField, SelectField, TextArea } from '../../../platform/ui/fields.js'
import { toThaiDateText } from '../../../platform/thai/index.js'
import { ct } from '../complaints.i18n.js'
import { ASSIGN_ROLES, OUTCOMES, REFERRALS, type Status } from '../complaints.schema.js'
import type { CaseView } from '../cases.js'
import { day, FilesInput, when } from './shared.js'

// The forms of the case page. Each gets only its own values and errors (several share the page),
// and every field id is unique on the page so the error summary's links reach the right field.

type Staff = CaseView['staff']
type FormProps = FormState & { ctx: StaffPageCtx; action: string }

export const StatusForm: FC<FormProps & { next: readonly Status[] }> = ({ ctx, action, next, values, errors }) => {
  const L = ctx.lang
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{ct(L, 'case.changeStatus')}</h2>
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField name="to" label={ct(L, 'case.to')} values={values} errors={errors} required options={next.map((s) => ({ value: s, label: ct(L, `status.${s}`) }))} />
        <SelectField name="outcome" label={ct(L, 'case.outcome')} values={values} errors={errors} placeholder="—" options={OUTCOMES.map((o) => ({ value: o, label: ct(L, `outcome.${o}`) }))} />
        <SelectField name="referredTo" label={ct(L, 'case.referredTo')} values={values} errors={errors} placeholder="—" options={REFERRALS.map((r) => ({ value: r, label: ct(L, `ref.${r}`) }))} />
        <TextArea name="reason" label={ct(L, 'case.reason')} values={values} errors={errors} required rows={3} />
        <DateField name="decidedOn" ctx={ctx} label={ct(L, 'case.decidedOn')} hint={ct(L, 'case.decidedOn.hint')} values={values} errors={errors} />
        <button type="submit">{ct(L, 'case.save')}</button>
      </form>
    </section>
  )
}

export const AssignForm: FC<FormProps & { assignable: Staff }> = ({ ctx, action, assignable, values, errors }) => {
  const L = ctx.lang
  return (
    <form method="post" action={action} novalidate>
      <CsrfField ctx={ctx} />
      <SelectField name="userId" label={ct(L, 'case.assignUser')} values={values} errors={errors} required placeholder="" options={assignable.map((s) => ({ value: s.id, label: s.displayName }))} />
      <SelectField name="role" label={ct(L, 'case.assignRole')} values={values} errors={errors} required options={ASSIGN_ROLES.map((r) => ({ value: r, label: ct(L, `role.${r}`) }))} />
      <button type="submit">{ct(L, 'case.assign')}</button>
    </form>
  )
}

/** One "cancel" button per assignment (the person's id is a hidden field). */
export const UnassignButton: FC<{ ctx: StaffPageCtx; action: string; userId: string; name: string }> = ({ ctx, action, userId, name }) => (
  <form method="post" action={action} class="inline-form">
    <CsrfField ctx={ctx} />
    <input type="hidden" name="userId" value={userId} />
    <button type="submit" class="link">
      {ct(ctx.lang, 'case.unassign')}
      <span class="visually-hidden"> {name}</span>
    </button>
  </form>
)

export const CommitteeForm: FC<FormProps & { v: CaseView; assignable: Staff }> = ({ ctx, action, v, assignable, values, errors }) => {
  const L = ctx.lang
  const raw = values?.members
  const chosen = values ? new Set(Array.isArray(raw) ? raw : raw ? [raw] : []) : new Set(v.assignments.filter((a) => a.role === 'committee').map((a) => a.userId))
  const deadline = values ?? (v.meta.committeeDeadline ? { deadline: toThaiDateText(v.meta.committeeDeadline) } : undefined)
  return (
    <form method="post" action={action} novalidate>
      <CsrfField ctx={ctx} />
      <fieldset class="field" aria-describedby={errors?.members ? 'members-error' : undefined}>
        <legend>{ct(L, 'case.committeeMembers')}</legend>
        {errors?.members && (
          <span class="error" id="members-error">
            {errors.members}
          </span>
        )}
        {assignable.map((s, i) => {
          // The first box has the id the error summary links to (#members).
          const id = i === 0 ? 'members' : `members-${i}`
          return (
            <div class="checkbox">
              <input id={id} type="checkbox" name="members" value={s.id} checked={chosen.has(s.id)} aria-invalid={errors?.members ? 'true' : undefined} />
              <label for={id}>{s.displayName}</label>
            </div>
          )
        })}
      </fieldset>
      <DateField name="deadline" ctx={ctx} label={ct(L, 'case.committeeDeadline')} values={deadline} errors={errors} />
      <button type="submit">{ct(L, 'case.appoint')}</button>
    </form>
  )
}

export const CommitteeSummary: FC<{ ctx: StaffPageCtx; v: CaseView }> = ({ ctx, v }) =>
  v.meta.committeeAppointedAt ? (
    <p>
      {when(ctx, v.meta.committeeAppointedAt)} · {ct(ctx.lang, 'case.committeeDeadline')}: {day(ctx, v.meta.committeeDeadline)}
    </p>
  ) : null

/** Minutes or findings of the committee (one file). */
export const CaseFileForm: FC<FormProps> = ({ ctx, action, values, errors }) => {
  const L = ctx.lang
  return (
    <form method="post" action={action} enctype="multipart/form-data" novalidate>
      <CsrfField ctx={ctx} />
      <SelectField name="kind" label={ct(L, 'case.fileKind')} values={values} errors={errors} options={[{ value: 'minutes', label: ct(L, 'case.kind.minutes') }, { value: 'findings', label: ct(L, 'case.kind.findings') }]} />
      <FilesInput ctx={ctx} id="file" name="file" label={ct(L, 'case.file')} error={errors?.file} multiple={false} hint={false} />
      <button type="submit">{ct(L, 'case.upload')}</button>
    </form>
  )
}

export const NamedForm: FC<FormProps & { v: CaseView }> = ({ ctx, action, v, values, errors }) => {
  const L = ctx.lang
  return (
    <section aria-labelledby="named-title">
      <h2 id="named-title">{ct(L, 'case.named')}</h2>
      <p>{v.excludedNames.length ? v.excludedNames.join(', ') : '—'}</p>
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField name="namedUserId" label={ct(L, 'case.markNamed')} values={values} errors={errors} placeholder="" options={v.staff.filter((s) => !v.meta.excludedUserIds.includes(s.id)).map((s) => ({ value: s.id, label: s.displayName }))} />
        <button type="submit">{ct(L, 'case.save')}</button>
      </form>
    </section>
  )
}
