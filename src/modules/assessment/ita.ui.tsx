import type { FC, PropsWithChildren } from 'hono/jsx'
import type { AppContext } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { Layout, CsrfField, type NavItem } from '../../platform/ui/layout.js'
import type { PageCtx } from '../../platform/ui/page-context.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { modules } from '../index.js'
import { at } from './assessment.i18n.js'
import type { EvidenceItem } from './assessment.service.js'

/** The whole staff menu (every module's items), read at request time. */
export const staffMenu = (ctx: PageCtx): NavItem[] => modules.flatMap((m) => m.staffNav?.(ctx) ?? [])

export const StaffPage: FC<PropsWithChildren<{ ctx: PageCtx; title: string }>> = ({ ctx, title, children }) => (
  <Layout ctx={ctx} title={title} area="staff" nav={staffMenu(ctx)}>
    {children}
  </Layout>
)

export const itaBase = (c: AppContext | PageCtx): string => `/o/${'req' in c ? c.get('org')!.slug : c.org!.slug}/admin/ita`

/** The :fy route parameter as a B.E. fiscal year, else 404. */
export function yearParam(c: AppContext): number {
  const raw = c.req.param('fy') ?? ''
  const y = /^\d{4}$/.test(raw) ? Number(raw) : NaN
  if (!(y >= 2500 && y <= 2700)) throw new AppError('not_found', 404)
  return y
}

export const fmtScore = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : n.toFixed(2))
export const fmtChange = (n: number | null): string => (n === null ? '–' : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(2)}`)

/** Lines of a textarea → ordered items. */
export const linesToList = (s: string | undefined): string[] =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

const kb = (n: number | null) => (n === null ? '' : n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`)

export const EvidenceList: FC<{ ctx: PageCtx; items: EvidenceItem[]; canDelete: boolean }> = ({ ctx, items, canDelete }) => {
  const base = itaBase(ctx)
  if (!items.length) return <p class="muted">{at(ctx.lang, 'evidence.none')}</p>
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
                {at(ctx.lang, 'evidence.delete')}
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
      <legend>{legend ?? at(ctx.lang, 'evidence.add')}</legend>
      <div class="field">
        <label for={`${id}-title`}>{at(ctx.lang, 'evidence.name')}</label>
        <input id={`${id}-title`} name="title" type="text" required maxlength={300} />
      </div>
      <div class="field">
        <label for={`${id}-file`}>{at(ctx.lang, 'evidence.file')}</label>
        <input id={`${id}-file`} name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx" />
      </div>
      <div class="field">
        <label for={`${id}-url`}>{at(ctx.lang, 'evidence.url')}</label>
        <input id={`${id}-url`} name="url" type="url" />
      </div>
      <button type="submit" class="secondary">
        {at(ctx.lang, 'evidence.add')}
      </button>
    </fieldset>
  </form>
)

export const statusLabel = (lang: Lang, s: string | null): string => at(lang, s === 'done' || s === 'in_progress' || s === 'not_started' ? `status.${s}` : 'status.none')
