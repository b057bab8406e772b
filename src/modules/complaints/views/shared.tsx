import type { FC } from 'hono/jsx'
import type { PageCtx } from '../../platform/ui/page-context.js'
import { CsrfField } from '../../platform/ui/layout.js'
import { TextArea } from '../../platform/ui/fields.js'
import { formatThaiDate, formatThaiDateTime, toThaiDigits } from '../../platform/thai/index.js'
import { ct } from './complaints.i18n.js'
import type { CaseMeta, FileMeta, MessageView } from './complaints.service.js'

export const digits = (ctx: PageCtx, s: string) => (ctx.org?.settings.thaiNumerals && ctx.lang === 'th' ? toThaiDigits(s) : s)
export const when = (ctx: PageCtx, d: Date | null | undefined) => (d ? digits(ctx, formatThaiDateTime(d, { lang: ctx.lang })) : '—')
export const day = (ctx: PageCtx, d: string | Date | null | undefined) => (d ? digits(ctx, formatThaiDate(d, { lang: ctx.lang, style: 'short' })) : '—')
export const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)

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

/** A message form with optional attachments (multipart; works without JavaScript). */
export const MessageForm: FC<{ ctx: PageCtx; action: string; error?: string | undefined }> = ({ ctx, action, error }) => (
  <form method="post" action={action} enctype="multipart/form-data">
    <CsrfField ctx={ctx} />
    <TextArea name="body" label={ct(ctx.lang, 'f.message')} rows={4} required errors={error ? { body: error } : undefined} />
    <div class="field">
      <label for="msg-files">{ct(ctx.lang, 'f.attachments')}</label>
      <span class="hint" id="msg-files-hint">
        {ct(ctx.lang, 'f.files.hint')}
      </span>
      <input id="msg-files" name="files" type="file" multiple accept="image/jpeg,image/png,application/pdf" aria-describedby="msg-files-hint" />
    </div>
    <button type="submit">{ct(ctx.lang, 'case.send')}</button>
  </form>
)

/** Content-Disposition for a decrypted attachment: PDFs and images open inline, names are encoded. */
export function downloadHeaders(f: { name: string; contentType: string; bytes: Buffer }): Record<string, string> {
  const ascii = f.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return {
    'Content-Type': f.contentType,
    'Content-Length': String(f.bytes.length),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  }
}
