import type { FC, PropsWithChildren } from 'hono/jsx'
import { CONFIRM_DATE_SUFFIX, type FormErrors, type FormValues } from '../http/forms.js'
import { formatThaiDate, parseThaiDate, toIsoDate } from '../thai/dates.js'
import { fiscalYearRange } from '../thai/fiscal-year.js'
import { toThaiDigits } from '../thai/numerals.js'
import type { PageCtx } from './page-context.js'
import { t } from '../i18n/messages.js'

type Common = {
  name: string
  label: string
  values?: FormValues | undefined
  errors?: FormErrors | undefined
  hint?: string
  required?: boolean
}

function str(values: FormValues | undefined, name: string): string {
  const v = values?.[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

const Label: FC<{ name: string; label: string; required?: boolean | undefined; lang?: string }> = ({ name, label }) => <label for={name}>{label}</label>

const Messages: FC<{ name: string; hint?: string | undefined; error?: string | undefined }> = ({ name, hint, error }) => (
  <>
    {hint && (
      <span class="hint" id={`${name}-hint`}>
        {hint}
      </span>
    )}
    {error && (
      <span class="error" id={`${name}-error`}>
        {error}
      </span>
    )}
  </>
)

export const TextField: FC<
  Common & {
    type?: 'text' | 'email' | 'password' | 'number' | 'url' | 'search' | 'date'
    autocomplete?: string
    inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'text'
    maxlength?: number
    /** The field's limit in characters, stated in its hint (the schema enforces it; input is kept). */
    max?: number
    /** The language the limit is stated in (needed with `max`). */
    lang?: 'th' | 'en'
  }
> = (p) => {
  const error = p.errors?.[p.name]
  const hint = withLimit(p.lang ?? 'th', p.hint, p.max)
  return (
    <div class="field">
      <Label name={p.name} label={p.label} />
      <Messages name={p.name} hint={hint} error={error} />
      <input
        id={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? '' : str(p.values, p.name)}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, hint, error)}
      />
    </div>
  )
}

/** The stated limit of a text field, appended to its hint ("ไม่เกิน 5,000 ตัวอักษร"). */
function withLimit(lang: 'th' | 'en', hint: string | undefined, max: number | undefined): string | undefined {
  if (max === undefined) return hint
  const limit = t(lang, 'field.maxChars', { max: max.toLocaleString('en-US') })
  return hint ? `${hint} (${limit})` : limit
}

const MONTHS_TH = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม']
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * The one date field: a text field in the Buddhist era as staff type it (15/03/2567, ๑๕/๐๓/๒๕๖๗,
 * 15 มี.ค. 67, 15 มีนาคม 2567, 2567-03-15) with the hint "วว/ดด/ปปปป พ.ศ.", so it works without
 * JavaScript and on any phone; pair it with `f.thaiDate()`. Under the field it says how the typed
 * text reads ("วันที่ที่กรอก: ๑๕ มีนาคม ๒๕๖๗", in the agency's digits). With `fiscalYear`, a date
 * outside that year shows a "confirm this date" checkbox (the form's `fiscalYearDates` asks for it).
 * Where scripts run, app.js adds a calendar in พ.ศ. (`data-date-picker`). Give `values` the typed
 * text back after an error, or `toThaiDateText(iso)` when showing a stored date.
 */
export const DateField: FC<Common & ({ ctx: PageCtx; lang?: never } | { lang: 'th' | 'en'; ctx?: never }) & { fiscalYear?: number | undefined }> = (p) => {
  const lang = p.ctx?.lang ?? p.lang ?? 'th'
  const error = p.errors?.[p.name]
  const hint = p.hint ? `${p.hint} (${t(lang, 'date.hint')})` : t(lang, 'date.hint')
  const thaiDigits = !!p.ctx?.org?.settings.thaiNumerals && lang === 'th'
  const typed = str(p.values, p.name)
  const parsed = typed.trim() ? parseThaiDate(typed) : null
  const iso = parsed?.ok ? toIsoDate(parsed.date) : null
  const reads = iso ? formatThaiDate(iso, { lang, thaiDigits }) : ''
  const range = p.fiscalYear ? fiscalYearRange(p.fiscalYear) : null
  const outside = iso && range && (iso < range.start || iso > range.end)
  const confirmName = p.name + CONFIRM_DATE_SUFFIX
  const confirmed = p.values?.[confirmName]
  return (
    <div class="field date-field">
      <Label name={p.name} label={p.label} />
      <Messages name={p.name} hint={hint} error={error} />
      <input
        id={p.name}
        name={p.name}
        type="text"
        class="date-input"
        value={typed}
        required={p.required}
        autocomplete="off"
        inputmode="text"
        spellcheck={false}
        data-date-picker=""
        data-months={(lang === 'th' ? MONTHS_TH : MONTHS_EN).join(',')}
        data-weekdays={t(lang, 'date.weekdays')}
        data-thai-digits={thaiDigits ? '1' : undefined}
        data-label-pick={t(lang, 'date.pick')}
        data-label-prev={t(lang, 'date.prevMonth')}
        data-label-next={t(lang, 'date.nextMonth')}
        data-label-close={t(lang, 'date.close')}
        data-label-reads={t(lang, 'date.reads', { date: '{date}' })}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[describedBy(p.name, hint, error), `${p.name}-reads`].join(' ')}
      />
      <span class="date-reads" id={`${p.name}-reads`} aria-live="polite">
        {reads ? t(lang, 'date.reads', { date: reads }) : ''}
      </span>
      {outside && p.fiscalYear && (
        <div class="checkbox date-confirm">
          <input id={confirmName} name={confirmName} type="checkbox" value={iso} checked={(Array.isArray(confirmed) ? confirmed : [confirmed]).includes(iso)} />
          <label for={confirmName}>{t(lang, 'date.confirmOutsideFy', { date: reads, year: thaiDigits ? toThaiDigits(String(p.fiscalYear)) : p.fiscalYear })}</label>
        </div>
      )}
    </div>
  )
}

/**
 * A long text. `max` states the field's limit in its hint; the schema enforces it with a message
 * that keeps the text (no `maxlength`, which would cut a pasted text without a word).
 */
export const TextArea: FC<Common & { rows?: number; max?: number; lang?: 'th' | 'en' }> = (p) => {
  const error = p.errors?.[p.name]
  const hint = withLimit(p.lang ?? 'th', p.hint, p.max)
  return (
    <div class="field">
      <Label name={p.name} label={p.label} />
      <Messages name={p.name} hint={hint} error={error} />
      <textarea id={p.name} name={p.name} rows={p.rows ?? 5} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(p.name, hint, error)}>
        {str(p.values, p.name)}
      </textarea>
    </div>
  )
}

export const SelectField: FC<Common & { options: { value: string; label: string }[]; placeholder?: string }> = (p) => {
  const error = p.errors?.[p.name]
  const current = str(p.values, p.name)
  return (
    <div class="field">
      <Label name={p.name} label={p.label} />
      <Messages name={p.name} hint={p.hint} error={error} />
      <select id={p.name} name={p.name} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, error)}>
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export const CheckboxField: FC<Common & { checked?: boolean }> = (p) => {
  const v = p.values ? str(p.values, p.name) : p.checked ? 'on' : ''
  return (
    <div class="field checkbox">
      <input id={p.name} name={p.name} type="checkbox" value="on" checked={!!v} />
      <label for={p.name}>{p.label}</label>
    </div>
  )
}

export const CheckboxGroup: FC<Common & { options: { value: string; label: string }[] }> = (p) => {
  const raw = p.values?.[p.name]
  const selected = new Set(Array.isArray(raw) ? raw : raw ? [raw] : [])
  const error = p.errors?.[p.name]
  return (
    <fieldset class="field" id={p.name} tabindex={-1} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, error)}>
      <legend>{p.label}</legend>
      <Messages name={p.name} hint={p.hint} error={error} />
      {p.options.map((o, i) => (
        <div class="checkbox">
          <input id={`${p.name}-${i}`} name={p.name} type="checkbox" value={o.value} checked={selected.has(o.value)} />
          <label for={`${p.name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  )
}

/** One choice of several as radio buttons in a fieldset (works without JavaScript; `inline` lays a short scale out in a row). */
export const RadioGroup: FC<Common & { options: { value: string; label: string }[]; inline?: boolean }> = (p) => {
  const raw = p.values?.[p.name]
  const chosen = Array.isArray(raw) ? raw[0] : raw
  const error = p.errors?.[p.name]
  return (
    <fieldset class={p.inline ? 'field radios inline' : 'field radios'} id={p.name} tabindex={-1} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, error)}>
      <legend>{p.label}</legend>
      <Messages name={p.name} hint={p.hint} error={error} />
      {p.options.map((o, i) => (
        <div class="checkbox">
          <input id={`${p.name}-${i}`} name={p.name} type="radio" value={o.value} checked={chosen === o.value} required={p.required} />
          <label for={`${p.name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  )
}

/**
 * A file input with its hint and inline error. A browser never sends a chosen file back, so after
 * an error the field is empty and its message says which file was refused.
 */
export const FileField: FC<Omit<Common, 'values'> & { id?: string; accept?: string; multiple?: boolean; error?: string | undefined }> = (p) => {
  const id = p.id ?? p.name
  const error = p.error ?? p.errors?.[p.name]
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <Messages name={id} hint={p.hint} error={error} />
      <input id={id} name={p.name} type="file" accept={p.accept} multiple={p.multiple} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, p.hint, error)} />
    </div>
  )
}

/**
 * Lists every error with a link to its field; announced to screen readers and focused when the page
 * opens (autofocus, so it works without JavaScript too). `_form` errors are about the whole form.
 */
export const ErrorSummary: FC<{ ctx: PageCtx; errors?: FormErrors | undefined }> = ({ ctx, errors }) => {
  const entries = Object.entries(errors ?? {})
  if (!entries.length) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">{t(ctx.lang, 'form.errorSummary', { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, msg]) => (
          <li>{field === '_form' ? msg : <a href={`#${field}`}>{msg}</a>}</li>
        ))}
      </ul>
    </div>
  )
}

export const Pager: FC<{ ctx: PageCtx; page: number; hasNext: boolean; href: (page: number) => string }> = ({ ctx, page, hasNext, href }) =>
  page > 1 || hasNext ? (
    <nav aria-label={t(ctx.lang, 'pager.page', { page })}>
      <ul class="pager">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t(ctx.lang, 'pager.prev')}
            </a>
          </li>
        )}
        <li aria-current="page">{t(ctx.lang, 'pager.page', { page })}</li>
        {hasNext && (
          <li>
            <a href={href(page + 1)} rel="next">
              {t(ctx.lang, 'pager.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  ) : null

/**
 * Wraps a table that may be wider than a phone screen: it scrolls sideways inside a labelled
 * region that keyboard users can focus (and so scroll), not the whole page.
 */
export const TableWrap: FC<PropsWithChildren<{ label: string }>> = ({ label, children }) => (
  <div class="table-wrap" role="region" aria-label={label} tabindex={0}>
    {children}
  </div>
)
