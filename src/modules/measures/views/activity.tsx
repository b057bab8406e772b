import type { FormErrors, FormState, FormValues } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { EvidenceForm, EvidenceList } from '../../../platform/ui/evidence.js'
import { LinkedEvidenceList } from '../../../platform/evidence/views/evidence.js'
import type { LinkedEvidence } from '../../../platform/evidence/evidence.service.js'
import { dayText } from '../../../platform/ui/prose.js'
import { statusLabel } from '../../assessment/index.js'
import { mt } from '../measures.i18n.js'
import { ACTIVITY_STATUSES } from '../measures.schema.js'
import type { ActivityView } from '../measures.service.js'
import { activityValues } from '../measures.forms.js'
import type { Responsible } from '../activities.service.js'

/** An account as a choice: name and position. */
export const personOption = (p: Responsible) => ({ value: p.id, label: p.position ? `${p.displayName} (${p.position})` : p.displayName })

// One activity on its measure's page: status, dates, evidence, and (for editors) the quick status
// form and the evidence form. A page holds several of them, so their field ids carry the
// activity's id; the error summary links to those ids.

const first = (v: FormValues[string] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''

/** Errors keyed by field name → keyed by the ids on this page; errors of hidden fields go to `_form`. */
function byId(errors: FormErrors | undefined, ids: Record<string, string>): FormErrors | undefined {
  if (!errors) return undefined
  const out: FormErrors = {}
  const rest: string[] = []
  for (const [k, msg] of Object.entries(errors)) {
    const id = ids[k]
    if (id) out[id] = msg
    else rest.push(msg)
  }
  if (rest.length) out._form = rest.join(' ')
  return out
}

const InlineError = ({ id, text }: { id: string; text: string | undefined }) =>
  text ? (
    <span class="error" id={`${id}-error`}>
      {text}
    </span>
  ) : null

export const ActivityCard = (p: { ctx: StaffPageCtx; ita: string; a: ActivityView; canEdit: boolean; people?: Responsible[]; linked?: LinkedEvidence[]; back?: string; status?: FormState | undefined; evidence?: FormState | undefined }) => {
  const { ctx, ita, a } = p
  const L = ctx.lang
  const people = p.people ?? []
  const responsible = a.responsibleUserId ? people.find((u) => u.id === a.responsibleUserId) : undefined
  return (
    <section class="card" aria-labelledby={`act-${a.id}`}>
      <h3 id={`act-${a.id}`}>{a.title}</h3>
      <p>
        {statusLabel(L, a.status)}
        {a.startsOn && ` · ${dayText(ctx, a.startsOn)}`}
        {a.endsOn && ` – ${dayText(ctx, a.endsOn)}`}
      </p>
      <p>
        {mt(L, 'm.responsibleUser')}: {responsible ? personOption(responsible).label : mt(L, 'm.responsibleDefault')}
      </p>
      {a.note && <p>{a.note}</p>}
      <EvidenceList ctx={ctx} items={a.evidence} canDelete={p.canEdit} base={ita} />
      <h4>{mt(L, 'e.linked')}</h4>
      <LinkedEvidenceList ctx={ctx} items={p.linked ?? []} unlink={p.canEdit && p.back ? { back: p.back } : null} />
      {p.canEdit && ctx.org && (
        <p>
          <a href={`/o/${ctx.org.slug}/admin/evidence/pick?${new URLSearchParams({ target: `measures.activity:${a.id}`, back: p.back ?? ita })}`}>
            {mt(L, 'e.link')}
            <span class="visually-hidden"> {a.title}</span>
          </a>
        </p>
      )}
      {p.canEdit && (
        <>
          <StatusForm ctx={ctx} action={`${ita}/activities/${a.id}`} id={a.id} people={people} values={p.status?.values ?? activityValues(a)} errors={p.status?.errors} />
          <EvidenceForm ctx={ctx} action={`${ita}/activities/${a.id}/evidence`} id={`ev-${a.id}`} state={p.evidence} />
          <p>
            <a href={`${ita}/activities/${a.id}/delete`}>
              {mt(L, 'm.activityDelete')}
              <span class="visually-hidden"> {a.title}</span>
            </a>
          </p>
        </>
      )}
    </section>
  )
}

/** The quick status change: the activity's other fields travel along unchanged. */
const StatusForm = (p: { ctx: StaffPageCtx; action: string; id: string; people: Responsible[]; values: FormValues; errors?: FormErrors | undefined }) => {
  const L = p.ctx.lang
  const sel = `st-${p.id}`
  const rs = `rs-${p.id}`
  const error = p.errors?.status
  const rsError = p.errors?.responsibleUserId
  const current = first(p.values.status)
  const who = first(p.values.responsibleUserId)
  return (
    <>
      <ErrorSummary ctx={p.ctx} errors={byId(p.errors, { status: sel, responsibleUserId: rs })} />
      <form method="post" action={p.action}>
        <CsrfField ctx={p.ctx} />
        {(['title', 'startsOn', 'endsOn', 'note'] as const).map((k) => (
          <input type="hidden" name={k} value={first(p.values[k])} />
        ))}
        <div class="field">
          <label for={sel}>{mt(L, 'm.updateStatus')}</label>
          <InlineError id={sel} text={error} />
          <select id={sel} name="status" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${sel}-error` : undefined}>
            {ACTIVITY_STATUSES.map((s) => (
              <option value={s} selected={s === current}>
                {statusLabel(L, s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={rs}>{mt(L, 'm.responsibleUser')}</label>
          <InlineError id={rs} text={rsError} />
          <select id={rs} name="responsibleUserId" aria-invalid={rsError ? 'true' : undefined} aria-describedby={rsError ? `${rs}-error` : undefined}>
            <option value="">{mt(L, 'm.responsibleDefault')}</option>
            {p.people.map((u) => (
              <option value={u.id} selected={u.id === who}>
                {personOption(u).label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {mt(L, 'm.updateStatus')}
        </button>
      </form>
    </>
  )
}

export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx'
