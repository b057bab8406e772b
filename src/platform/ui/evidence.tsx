import type { Context } from 'hono'
import type { FC, PropsWithChildren } from 'hono/jsx'
import type { PageCtx } from './page-context.js'
import { CsrfField } from './layout.js'
import { t } from '../i18n/messages.js'
import { AppError } from '../http/errors.js'
import { readForm, type FormErrors, type FormState, type FormValues } from '../http/forms.js'
import { ErrorSummary } from './fields.js'

// A list of evidence (files or links) and the form that adds one, used wherever a record keeps
// its own evidence (plans, progress entries, activities). `base` is where the record's module
// serves the files: `${base}/evidence/<id>` to download, `…/delete` to remove.

export type EvidenceEntry = { id: string; title: string; url: string | null; fileName: string | null; size: number | null }

const kb = (n: number | null) => (n === null ? '' : n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`)

export const EvidenceList: FC<{ ctx: PageCtx; items: EvidenceEntry[]; canDelete: boolean; base: string }> = ({ ctx, items, canDelete, base }) => {
  if (!items.length) return <p class="muted">{t(ctx.lang, 'evidence.none')}</p>
  return (
    <ul>
      {items.map((e) => (
        <li>
          {e.url ? (
            <a href={e.url} rel="noopener noreferrer">
              {e.title}
            </a>
          ) : (
            <a href={`${base}/evidence/${e.id}`}>
              {e.title} <span class="muted">({e.fileName}, {kb(e.size)})</span>
            </a>
          )}
          {canDelete && (
            <form method="post" action={`${base}/evidence/${e.id}/delete`} class="inline-form">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="back" value={ctx.path} />
              <button type="submit" class="link">
                {t(ctx.lang, 'evidence.delete')}
                <span class="visually-hidden"> {e.title}</span>
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  )
}

const str = (values: FormValues | undefined, k: string): string => {
  const v = values?.[k]
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

const Field = ({ id, name, label, error, children }: PropsWithChildren<{ id: string; name: string; label: string; error?: string | undefined }>) => (
  <div class="field">
    <label for={`${id}-${name}`}>{label}</label>
    {error && (
      <span class="error" id={`${id}-${name}-error`}>
        {error}
      </span>
    )}
    {children}
  </div>
)

/**
 * The evidence upload form (a title and a file or a link). It shows itself again with its values
 * and errors (`state`); a page may hold several, so field ids carry the form's `id` as a prefix and
 * the error summary links to those ids.
 */
export const EvidenceForm: FC<{ ctx: PageCtx; action: string; id: string; hidden?: Record<string, string>; legend?: string | undefined; state?: FormState | undefined }> = (p) => {
  const { ctx, id } = p
  const lang = ctx.lang
  const errors: FormErrors = p.state?.errors ?? {}
  const values = p.state?.values
  const linked = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_form' ? k : `${id}-${k}`, v]))
  const invalid = (k: string) => (errors[k] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-${k}-error` } : {})
  return (
    <>
      <ErrorSummary ctx={ctx} errors={linked} />
      <form method="post" action={p.action} enctype="multipart/form-data" class="evidence-form">
        <CsrfField ctx={ctx} />
        {Object.entries(p.hidden ?? {}).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <fieldset class="field">
          <legend>{p.legend ?? t(lang, 'evidence.add')}</legend>
          <Field id={id} name="title" label={t(lang, 'evidence.name')} error={errors.title}>
            <input id={`${id}-title`} name="title" type="text" required maxlength={300} value={str(values, 'title')} {...invalid('title')} />
          </Field>
          <Field id={id} name="file" label={t(lang, 'evidence.file')} error={errors.file}>
            <input id={`${id}-file`} name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx" {...invalid('file')} />
          </Field>
          <Field id={id} name="url" label={t(lang, 'evidence.url')} error={errors.url}>
            <input id={`${id}-url`} name="url" type="url" value={str(values, 'url')} {...invalid('url')} />
          </Field>
          <button type="submit" class="secondary">
            {t(lang, 'evidence.add')}
          </button>
        </fieldset>
      </form>
    </>
  )
}

export type EvidenceUpload = { title: string; url?: string | undefined; file?: { name: string; bytes: Uint8Array } | undefined; values: FormValues }

/** Reads the evidence form: a title and a file or a URL. */
export async function readEvidenceForm(c: Context): Promise<EvidenceUpload> {
  const { values, files } = await readForm(c)
  const str = (k: string) => {
    const v = values[k]
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? ''
  }
  const f = files.file?.[0]
  const file = f ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : undefined
  const title = str('title') || f?.name || str('url')
  if (!title) throw new AppError('bad_request', 422, { th: 'กรุณาระบุชื่อหลักฐาน', en: 'Give the evidence a title' })
  return { title: title.slice(0, 300), url: str('url') || undefined, file, values }
}
