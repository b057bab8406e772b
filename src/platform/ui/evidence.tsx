import type { Context } from 'hono'
import type { FC } from 'hono/jsx'
import type { PageCtx } from './page-context.js'
import { CsrfField } from './layout.js'
import { t } from '../i18n/messages.js'
import { AppError } from '../http/errors.js'
import { readForm, type FormValues } from '../http/forms.js'

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

/** Upload form for a file or a URL; `id` keeps field ids unique when a page has several. */
export const EvidenceForm: FC<{ ctx: PageCtx; action: string; id: string; hidden?: Record<string, string>; legend?: string }> = ({ ctx, action, id, hidden = {}, legend }) => (
  <form method="post" action={action} enctype="multipart/form-data" class="evidence-form">
    <CsrfField ctx={ctx} />
    {Object.entries(hidden).map(([k, v]) => (
      <input type="hidden" name={k} value={v} />
    ))}
    <fieldset class="field">
      <legend>{legend ?? t(ctx.lang, 'evidence.add')}</legend>
      <div class="field">
        <label for={`${id}-title`}>{t(ctx.lang, 'evidence.name')}</label>
        <input id={`${id}-title`} name="title" type="text" required maxlength={300} />
      </div>
      <div class="field">
        <label for={`${id}-file`}>{t(ctx.lang, 'evidence.file')}</label>
        <input id={`${id}-file`} name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx" />
      </div>
      <div class="field">
        <label for={`${id}-url`}>{t(ctx.lang, 'evidence.url')}</label>
        <input id={`${id}-url`} name="url" type="url" />
      </div>
      <button type="submit" class="secondary">
        {t(ctx.lang, 'evidence.add')}
      </button>
    </fieldset>
  </form>
)

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
