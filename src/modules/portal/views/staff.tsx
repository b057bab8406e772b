import type { PropsWithChildren } from 'hono/jsx'
import type { FormErrors, FormValues } from '../../../platform/http/forms.js'
import type { Lang } from '../../../platform/i18n/i18n.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { pt } from '../portal.i18n.js'

// Pieces every staff page of the portal editor shares.

/** The editor's home: /o/<slug>/admin/portal. */
export const editorBase = (ctx: { org: { slug: string } }) => `${orgBase(ctx.org.slug)}/admin/portal`

/** A staff page with a link back to the editor's home. */
export const EditorPage = (p: PropsWithChildren<{ ctx: StaffPageCtx; title: string }>) => (
  <StaffLayout ctx={p.ctx} title={p.title}>
    <p class="muted">
      <a href={editorBase(p.ctx)}>{pt(p.ctx.lang, 'admin.title')}</a>
    </p>
    <h1>{p.title}</h1>
    {p.children}
  </StaffLayout>
)

/** Edit and delete links of a list row; the hidden title tells screen-reader users which row. */
export const RowActions = (p: { lang: Lang; href: string; title: string; edit?: boolean }) => (
  <td>
    {p.edit !== false && (
      <>
        <a href={`${p.href}/edit`}>{pt(p.lang, 'admin.edit')}<span class="visually-hidden"> {p.title}</span></a> ·{' '}
      </>
    )}
    <a href={`${p.href}/delete`}>{pt(p.lang, 'admin.delete')}<span class="visually-hidden"> {p.title}</span></a>
  </td>
)

/** Draft, scheduled (published with a time still ahead) or live. */
export const StatusBadge = (p: { lang: Lang; record: { status: string; publishAt?: Date; publishedAt?: Date } }) => {
  const at = p.record.publishAt ?? p.record.publishedAt
  if (p.record.status === 'draft') return <span class="badge warn">{pt(p.lang, 'admin.draft')}</span>
  if (at && at.getTime() > Date.now()) return <span class="badge warn">{pt(p.lang, 'admin.scheduled')}</span>
  return <span class="badge ok">{pt(p.lang, 'admin.live')}</span>
}

type FieldProps = { name: string; label: string; hint: string; values?: FormValues | undefined; errors?: FormErrors | undefined }

const described = (name: string, err: string | undefined) => (err ? `${name}-hint ${name}-error` : `${name}-hint`)

export const DateTimeField = (p: FieldProps) => {
  const err = p.errors?.[p.name]
  const v = p.values?.[p.name]
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      <span class="hint" id={`${p.name}-hint`}>{p.hint}</span>
      {err && <span class="error" id={`${p.name}-error`}>{err}</span>}
      <input id={p.name} name={p.name} type="datetime-local" value={typeof v === 'string' ? v : ''} aria-invalid={err ? 'true' : undefined} aria-describedby={described(p.name, err)} />
    </div>
  )
}

/** A file input (a browser cannot be given a file back: after an error the user picks it again). */
export const FileField = (p: Omit<FieldProps, 'values'> & { multiple?: boolean; accept?: string }) => {
  const err = p.errors?.[p.name]
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      <span class="hint" id={`${p.name}-hint`}>{p.hint}</span>
      {err && <span class="error" id={`${p.name}-error`}>{err}</span>}
      <input id={p.name} name={p.name} type="file" multiple={p.multiple} accept={p.accept ?? '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.webp'} aria-invalid={err ? 'true' : undefined} aria-describedby={described(p.name, err)} />
    </div>
  )
}
