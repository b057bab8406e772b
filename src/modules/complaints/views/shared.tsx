import type { FC } from 'hono/jsx'
import type { PageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import { TextArea } from '../../../platform/ui/fields.js'
import { sizeText } from '../../../platform/ui/prose.js'
import { formatThaiDate, formatThaiDateTime, toThaiDigits } from '../../../platform/thai/index.js'
import { ct } from '../complaints.i18n.js'
import type { CaseMeta, FileMeta, MessageView } from '../case-data.js'

// Pieces both the reporter's and the staff's pages show: status and dates, files, the conversation.

export const digits = (ctx: PageCtx, s: string) => (ctx.org?.settings.thaiNumerals && ctx.lang === 'th' ? toThaiDigits(s) : s)
export const when = (ctx: PageCtx, d: Date | null | undefined) => (d ? digits(ctx, formatThaiDateTime(d, { lang: ctx.lang })) : '—')
export const day = (ctx: PageCtx, d: string | Date | null | undefined) => (d ? digits(ctx, formatThaiDate(d, { lang: ctx.lang, style: 'short' })) : '—')

/** Text with its line breaks kept (no CSS needed). */
export const lines = (s: string) => s.split('\n').map((line, i) => (i ? [<br />, line] : line))

export function statusText(ctx: PageCtx, m: Pick<CaseMeta, 'status' | 'outcome' | 'referredTo'>): string {
  const s = ct(ctx.lang, `status.${m.status}`)
  if (m.status === 'closed' && m.outcome) return `${s} (${ct(ctx.lang, `outcome.${m.outcome}`)})`
  if (m.status === 'referred' && m.referredTo) return `${s} (${ct(ctx.lang, `ref.${m.referredTo}`)})`
  return s
}

/** Status and dates: what the reporter and the officer both see first. */
export const CaseSummary: FC<{ ctx: PageCtx; meta: CaseMeta; staff?: boolean }> = ({ ctx, meta, staff }) => {
  const L = ctx.lang
  return (
    <dl class="summary">
      {staff && (
        <>
          <dt>{ct(L, 'case.no')}</dt>
          <dd>{digits(ctx, String(meta.caseNo))}</dd>
          <dt>{ct(L, 'case.channel')}</dt>
          <dd>{ct(L, `channel.${meta.channel}`)}</dd>
        </>
      )}
      <dt>{ct(L, 'case.category')}</dt>
      <dd>{ct(L, `cat.${meta.category}`)}</dd>
      <dt>{ct(L, 'case.status')}</dt>
      <dd>
        <strong>{statusText(ctx, meta)}</strong>
      </dd>
      <dt>{ct(L, 'case.received')}</dt>
      <dd>{when(ctx, meta.receivedAt)}</dd>
      <dt>{ct(L, 'case.acknowledged')}</dt>
      <dd>{when(ctx, meta.acknowledgedAt)}</dd>
      <dt>{ct(L, 'case.ackDue')}</dt>
      <dd>{day(ctx, meta.ackDueOn)}</dd>
      <dt>{ct(L, 'case.closeDue')}</dt>
      <dd>{day(ctx, meta.closeDueOn)}</dd>
      <dt>{ct(L, 'case.closed')}</dt>
      <dd>{day(ctx, meta.closedAt)}</dd>
    </dl>
  )
}

export const FileList: FC<{ ctx: PageCtx; files: FileMeta[]; href: (f: FileMeta) => string }> = ({ ctx, files, href }) =>
  files.length ? (
    <ul class="item-list">
      {files.map((f) => (
        <li>
          <a href={href(f)}>{f.name}</a> <span class="muted">({sizeText(f.size)}{f.kind !== 'message' ? `, ${ct(ctx.lang, `case.kind.${f.kind}`)}` : ''})</span>
        </li>
      ))}
    </ul>
  ) : null

export const Messages: FC<{ ctx: PageCtx; messages: MessageView[]; fileHref: (f: FileMeta) => string; staffView?: boolean }> = ({ ctx, messages, fileHref, staffView }) => {
  const L = ctx.lang
  if (!messages.length) return <p>{ct(L, 'case.noMessages')}</p>
  return (
    <ol class="item-list messages">
      {messages.map((m) => (
        <li>
          <p>
            <strong>{m.author === 'reporter' ? ct(L, 'case.reporter') : staffView && m.authorName ? m.authorName : ct(L, 'case.staff')}</strong> <span class="muted">{when(ctx, m.createdAt)}</span>
          </p>
          <p>{lines(m.body)}</p>
          <FileList ctx={ctx} files={m.files} href={fileHref} />
        </li>
      ))}
    </ol>
  )
}

/** The attachments input of a form (JPEG/PNG/PDF), with its error when a file was refused. */
export const FilesInput: FC<{ ctx: PageCtx; id: string; name: string; label: string; error?: string | undefined; multiple?: boolean; hint?: boolean }> = (p) => {
  const hint = p.hint ?? true
  const described = [hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      {hint && (
        <span class="hint" id={`${p.id}-hint`}>
          {ct(p.ctx.lang, 'f.files.hint')}
        </span>
      )}
      {p.error && (
        <span class="error" id={`${p.id}-error`}>
          {p.error}
        </span>
      )}
      <input id={p.id} name={p.name} type="file" multiple={p.multiple ?? true} accept="image/jpeg,image/png,application/pdf" aria-invalid={p.error ? 'true' : undefined} aria-describedby={described} />
    </div>
  )
}

/**
 * A message form with optional attachments (multipart; works without JavaScript). The attachments
 * input's id is `files` so that the error summary's link (#files) reaches it.
 */
export const MessageForm: FC<FormState & { ctx: PageCtx; action: string; bodyRequired?: boolean }> = ({ ctx, action, values, errors, bodyRequired }) => (
  <form method="post" action={action} enctype="multipart/form-data" novalidate>
    <CsrfField ctx={ctx} />
    <TextArea name="body" label={ct(ctx.lang, 'f.message')} rows={4} required={bodyRequired ?? true} values={values} errors={errors} />
    <FilesInput ctx={ctx} id="files" name="files" label={ct(ctx.lang, 'f.attachments')} error={errors?.files} />
    <button type="submit">{ct(ctx.lang, 'case.send')}</button>
  </form>
)
