import type { FC } from 'hono/jsx'
import type { FormState } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { ct } from '../complaints.i18n.js'
import { nextStatuses, type Status } from '../complaints.schema.js'
import type { CaseView } from '../cases.js'
import { CaseFileForm, CommitteeForm, CommitteeSummary, AssignForm, NamedForm, StatusForm, UnassignButton } from './case-forms.js'
import { adminBase, StaffPage } from './staff.js'
import { CaseSummary, digits, FileList, lines, MessageForm, Messages, when } from './shared.js'

/** The forms of the case page; a failed one comes back with its values and errors. */
export type CaseForm = 'status' | 'message' | 'assign' | 'unassign' | 'committee' | 'named' | 'file'
export type CaseFailure = FormState & { form: CaseForm }

/** One case for an officer (everything, with the forms) or an assigned person (what their role needs). */
export const CasePage: FC<{ ctx: StaffPageCtx; v: CaseView; failed?: CaseFailure | undefined }> = ({ ctx, v, failed }) => {
  const L = ctx.lang
  const b = `${adminBase(ctx)}/${v.meta.id}`
  const fileHref = (f: { id: string }) => `${b}/files/${f.id}`
  const manage = v.access === 'manage'
  const title = `${ct(L, 'case.no')} ${digits(ctx, String(v.meta.caseNo))}${v.content ? ` — ${v.content.subject}` : ''}`
  const next = nextStatuses(v.meta.status)
  const assignable = v.staff.filter((s) => !v.meta.excludedUserIds.includes(s.id) && s.role !== 'agency_admin' && s.role !== 'viewer')
  const committeeFiles = v.files.filter((f) => f.kind === 'minutes' || f.kind === 'findings')
  const state = (form: CaseForm): FormState => (failed?.form === form ? { values: failed.values, errors: failed.errors } : {})
  return (
    <StaffPage ctx={ctx} title={title} back>
      <ErrorSummary ctx={ctx} errors={failed?.errors} />
      <CaseSummary ctx={ctx} meta={v.meta} staff />
      <h2>{ct(L, 'case.content')}</h2>
      {v.content ? (
        <dl>
          <dt>{ct(L, 'f.subject')}</dt>
          <dd>{v.content.subject}</dd>
          <dt>{ct(L, 'f.details')}</dt>
          <dd>{lines(v.content.details)}</dd>
          <dt>{ct(L, 'f.whenWhere')}</dt>
          <dd>{v.content.whenWhere ?? '—'}</dd>
          <dt>{ct(L, 'f.who')}</dt>
          <dd>{v.content.who ?? '—'}</dd>
        </dl>
      ) : (
        <p>{ct(L, 'case.purged')}</p>
      )}
      <h2>{ct(L, 'case.contact')}</h2>
      {v.contact ? (
        <dl>
          <dt>{ct(L, 'f.contactName')}</dt>
          <dd>{v.contact.name ?? '—'}</dd>
          <dt>{ct(L, 'f.contactPhone')}</dt>
          <dd>{v.contact.phone ?? '—'}</dd>
          <dt>{ct(L, 'f.contactEmail')}</dt>
          <dd>{v.contact.email ?? '—'}</dd>
        </dl>
      ) : (
        <p>{ct(L, v.contactWithheld ? 'case.contactWithheld' : 'case.noContact')}</p>
      )}
      <h2>{ct(L, 'case.evidence')}</h2>
      <FileList ctx={ctx} files={v.files.filter((f) => f.kind === 'evidence')} href={fileHref} />
      {manage && (
        <p>
          <a href={`${b}/export.pdf`}>{ct(L, 'case.export')}</a> · <a href={`${b}/export.html`}>{ct(L, 'case.exportHtml')}</a>
        </p>
      )}

      <h2>{ct(L, 'case.messages')}</h2>
      <Messages ctx={ctx} messages={v.messages} fileHref={fileHref} staffView />
      {manage && v.content && <MessageForm ctx={ctx} action={`${b}/messages`} {...state('message')} />}

      {manage && next.length > 0 && <StatusForm ctx={ctx} action={`${b}/status`} next={next} {...state('status')} />}

      <h2>{ct(L, 'case.assignments')}</h2>
      {v.assignments.length ? (
        <ul class="item-list">
          {v.assignments.map((a) => (
            <li>
              {a.name} <span class="muted">({ct(L, `role.${a.role}`)})</span>
              {manage && <UnassignButton ctx={ctx} action={`${b}/unassign`} userId={a.userId} name={a.name} />}
            </li>
          ))}
        </ul>
      ) : (
        <p>—</p>
      )}
      {manage && <AssignForm ctx={ctx} action={`${b}/assign`} assignable={assignable} {...state('assign')} />}

      <section aria-labelledby="committee-title">
        <h2 id="committee-title">{ct(L, 'case.committee')}</h2>
        <CommitteeSummary ctx={ctx} v={v} />
        {manage && <CommitteeForm ctx={ctx} action={`${b}/committee`} v={v} assignable={assignable} {...state('committee')} />}
        <h3>{ct(L, 'case.committeeFiles')}</h3>
        <FileList ctx={ctx} files={committeeFiles} href={fileHref} />
        {(manage || v.access === 'committee') && <CaseFileForm ctx={ctx} action={`${b}/files`} {...state('file')} />}
      </section>

      {manage && <NamedForm ctx={ctx} action={`${b}/named`} v={v} {...state('named')} />}

      <h2>{ct(L, 'case.history')}</h2>
      <ol class="item-list">
        {v.events.map((e) => (
          <li>
            {when(ctx, e.at)} — {ct(L, `event.${e.kind as 'received'}`)}
            {e.toStatus && ` → ${ct(L, `status.${e.toStatus as Status}`)}`}
            {e.actorName && ` (${e.actorName})`}
            {e.note && (
              <>
                : <span>{e.note}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </StaffPage>
  )
}
