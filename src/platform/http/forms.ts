import { z } from 'zod'
import type { Context } from 'hono'
import { AppError, InputError } from './errors.js'
import { readBody, type FormValues } from './body.js'
import { CSRF_FIELD } from './csrf.js'
import { t } from '../i18n/messages.js'
import type { Lang } from '../i18n/i18n.js'
import { checkFile, EVIDENCE_TYPES, MAX_FILE_BYTES } from '../files/files.service.js'
import { render } from '../ui/render.js'
import { fromThaiDigits, parseThaiNumber, toThaiDigits } from '../thai/numerals.js'
import { formatThaiDate, parseThaiDate, type ThaiDateErrorCode } from '../thai/dates.js'
import { toIsoDate } from '../thai/calendar.js'
import { fiscalYearRange } from '../thai/fiscal-year.js'

const DATE_ERRORS: Record<ThaiDateErrorCode, 'v.required' | 'v.dateFormat' | 'v.dateDay' | 'v.dateMonth' | 'v.dateYear' | 'v.dateLooksCe'> = {
  empty: 'v.required',
  format: 'v.dateFormat',
  day: 'v.dateDay',
  month: 'v.dateMonth',
  year_range: 'v.dateYear',
  year_looks_ce: 'v.dateLooksCe',
}

const thaiDigitsToArabic = (v: unknown) => (typeof v === 'string' ? fromThaiDigits(v.trim()) : v)
/** A typed number through the one number reader (Thai digits, thousands commas); '' stays ''. */
const typedNumber = (v: unknown) => (typeof v === 'string' && v.trim() ? (parseThaiNumber(v) ?? v) : v)

/** The suffix of the field that confirms a date outside the fiscal year (see `datesOutsideFiscalYear`). */
export const CONFIRM_DATE_SUFFIX = '_confirm'

// The one bad-input path of the app: every form is read by `parseForm` (or `formAction`, which
// wraps it). Bad input — a field, a refused file, or an InputError/AppError thrown by the use case —
// re-renders the same form with status 422 (409 for conflicts), an error summary that takes focus,
// inline errors and every value kept.

export type { FormValues }
export type FormErrors = Record<string, string>
/** A file that passed its rule: bytes, the type detected from its content, the name as sent. */
export type CheckedFile = { name: string; bytes: Uint8Array; contentType: string; size: number }
export type FileRule = { maxBytes?: number; types?: Readonly<Record<string, string>>; required?: boolean; max?: number }
export type FormResult<T> =
  | { ok: true; data: T; values: FormValues; files: Record<string, CheckedFile[]> }
  | { ok: false; errors: FormErrors; values: FormValues }
/** What a form view needs to show itself again. */
export type FormState = { values?: FormValues | undefined; errors?: FormErrors | undefined }

// Field builders: HTML forms send '' for an empty field, so optional fields map '' to undefined.
export const f = {
  text: (max = 200, min = 1) => z.string().trim().min(min).max(max),
  optionalText: (max = 2000) =>
    z.string().trim().max(max).optional().transform((v) => (v ? v : undefined)),
  email: () => z.string().trim().toLowerCase().min(1).max(254).pipe(z.email()),
  choice: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  /** A whole number; Thai digits (๐–๙) are read like 0–9 (the one reader: `parseThaiNumber`). */
  int: (min = 0, max = 1_000_000) => z.preprocess(typedNumber, z.coerce.number({ error: 'v.number' }).int().min(min).max(max)),
  /**
   * A number as people type it and as CSV files carry it (`parseThaiNumber`: ๙๐.๕, 90.50, 1,234.5);
   * '' is `null` unless required. Messages state the range and the decimals allowed.
   */
  number: (opts: { min: number; max: number; maxDecimals?: number; required?: boolean }) =>
    z
      .string()
      .optional()
      .transform((v, ctx): number | null => {
        if (!v?.trim()) {
          if (opts.required) ctx.addIssue({ code: 'custom', message: 'v.required' })
          return null
        }
        const n = parseThaiNumber(v)
        if (n === null || n < opts.min || n > opts.max) {
          ctx.addIssue({ code: 'custom', message: 'v.numberRange', params: { min: opts.min, max: opts.max } })
          return null
        }
        if (opts.maxDecimals !== undefined && parseThaiNumber(v, { maxDecimals: opts.maxDecimals }) === null) {
          ctx.addIssue({ code: 'custom', message: 'v.numberDecimals', params: { max: opts.maxDecimals } })
          return null
        }
        return n
      }),
  /**
   * A date as Thai staff type it (15/03/2567, ๑๕/๐๓/๒๕๖๗, 15 มี.ค. 67, 2567-03-15) → ISO C.E.
   * "2024-03-15"; a Gregorian year is refused with a message that says so. Use with DateField.
   */
  thaiDate: (opts: { optional?: boolean; minYearBe?: number; maxYearBe?: number } = {}) =>
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v?.trim()) {
          if (!opts.optional) ctx.addIssue({ code: 'custom', message: 'v.required' })
          return undefined
        }
        const r = parseThaiDate(v, opts)
        if (r.ok) return toIsoDate(r.date)
        if (r.error === 'year_looks_ce' && r.suggestion) ctx.addIssue({ code: 'custom', message: 'v.dateLooksCeSuggest', params: { year: /\d{4}/.exec(fromThaiDigits(v))?.[0] ?? '', suggestion: r.suggestion } })
        else ctx.addIssue({ code: 'custom', message: DATE_ERRORS[r.error] })
        return undefined
      }),
  /** A fiscal year in the Buddhist era as staff type it (2566 or ๒๕๖๖); a Gregorian year is refused. */
  fiscalYear: () =>
    z.preprocess(
      thaiDigitsToArabic,
      z.string({ error: 'v.fiscalYear' }).regex(/^\d{4}$/, { message: 'v.fiscalYear' }).transform(Number).pipe(z.number().min(2500, { message: 'v.fiscalYear' }).max(2700, { message: 'v.fiscalYear' })),
    ),
  checkbox: () => z.union([z.literal('on'), z.literal('true'), z.literal('1')]).optional().transform((v) => !!v),
  list: () => z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean)),
}

function messageFor(issue: z.core.$ZodIssue, label: string, lang: Lang, value: unknown): string {
  const custom = issue.message
  if (custom && t.has(custom)) return t(lang, custom, { ...(issue.code === 'custom' ? (issue.params as Record<string, string | number> | undefined) : undefined), field: label })
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t(lang, 'v.required', { field: label }) : t(lang, 'v.tooShort', { field: label, min: Number(issue.minimum) })
    case 'too_big':
      // A text over its limit: say the limit and how long it is; the text is kept in the field.
      if (issue.origin === 'string' && typeof value === 'string') return t(lang, 'v.tooLongKept', { field: label, max: Number(issue.maximum).toLocaleString('en-US'), count: value.trim().length.toLocaleString('en-US') })
      return t(lang, 'v.tooLong', { field: label, max: Number(issue.maximum) })
    case 'invalid_format':
      return issue.format === 'email' ? t(lang, 'v.email') : t(lang, 'v.invalid', { field: label })
    case 'invalid_value':
      return t(lang, 'v.choice', { field: label })
    case 'invalid_type':
      return issue.input === undefined ? t(lang, 'v.required', { field: label }) : t(lang, 'v.invalid', { field: label })
    default:
      return custom && !custom.startsWith('Invalid') ? custom : t(lang, 'v.invalid', { field: label })
  }
}

/** Validates submitted values; every field error at once, in the user's language. Pure. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: FormValues,
  opts: { lang: Lang; labels: Record<string, string> },
): { ok: true; data: z.infer<S>; values: FormValues } | { ok: false; errors: FormErrors; values: FormValues } {
  const r = schema.safeParse(values)
  if (r.success) return { ok: true, data: r.data, values }
  const errors: FormErrors = {}
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '_form')
    if (errors[field]) continue
    const raw = values[field]
    errors[field] = messageFor(issue, opts.labels[field] ?? field, opts.lang, Array.isArray(raw) ? raw[0] : raw)
  }
  return { ok: false, errors, values }
}

/** Which dates of a form must fall in the fiscal year being worked on (else they ask to confirm). */
export type FiscalYearDates = { year: number; fields: readonly string[]; /** Only when this holds (e.g. the dates are in use). */ when?: (values: FormValues) => boolean }

/**
 * Dates outside the fiscal year being worked on ask first: each such field gets an error saying
 * so, and `DateField` (given the same `fiscalYear`) shows a "confirm this date" checkbox named
 * `<field>_confirm` whose value is the date itself, so a confirmation never carries over to another
 * date typed later. Dates that do not parse are left to the schema. Pure.
 */
export function datesOutsideFiscalYear(values: FormValues, check: FiscalYearDates, opts: { lang: Lang; labels: Record<string, string>; thaiDigits?: boolean }): FormErrors {
  const errors: FormErrors = {}
  if (check.when && !check.when(values)) return errors
  const range = fiscalYearRange(check.year)
  const show = (iso: string) => formatThaiDate(iso, { lang: opts.lang, thaiDigits: !!opts.thaiDigits && opts.lang === 'th' })
  for (const field of check.fields) {
    const raw = values[field]
    const text = Array.isArray(raw) ? raw[0] : raw
    if (!text?.trim()) continue
    const r = parseThaiDate(text)
    if (!r.ok) continue
    const iso = toIsoDate(r.date)
    if (iso >= range.start && iso <= range.end) continue
    const confirmed = values[field + CONFIRM_DATE_SUFFIX]
    if ((Array.isArray(confirmed) ? confirmed : [confirmed]).includes(iso)) continue
    const year = opts.thaiDigits && opts.lang === 'th' ? toThaiDigits(String(check.year)) : String(check.year)
    errors[field] = t(opts.lang, 'v.dateOutsideFy', { field: opts.labels[field] ?? field, date: show(iso), year, start: show(range.start), end: show(range.end) })
  }
  return errors
}

/** The submitted values and (unchecked) files, without the CSRF token. */
export async function readForm(c: Context): Promise<{ values: FormValues; files: Record<string, File[]> }> {
  const body = await readBody(c)
  const { [CSRF_FIELD]: _token, ...values } = body.values
  return { values, files: body.files }
}

async function checkFiles(c: Context, rules: Record<string, FileRule>, labels: Record<string, string>, errors: FormErrors): Promise<Record<string, CheckedFile[]>> {
  const lang = c.get('lang') as Lang
  const body = await readBody(c)
  const out: Record<string, CheckedFile[]> = {}
  for (const r of body.refused) {
    const max = Math.round((rules[r.field]?.maxBytes ?? MAX_FILE_BYTES) / 1024 / 1024)
    errors[r.field] ??= t(lang, 'v.fileTooLarge', { name: r.name, max })
  }
  for (const [field, rule] of Object.entries(rules)) {
    const list = body.files[field] ?? []
    if (rule.required && !list.length && !errors[field]) errors[field] = t(lang, 'v.fileRequired', { field: labels[field] ?? field })
    if (rule.max !== undefined && list.length > rule.max) errors[field] ??= t(lang, 'v.fileTooMany', { field: labels[field] ?? field, max: rule.max })
    for (const file of list) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      try {
        const contentType = await checkFile({ name: file.name, bytes, allowed: rule.types ?? EVIDENCE_TYPES, maxBytes: rule.maxBytes ?? MAX_FILE_BYTES })
        ;(out[field] ??= []).push({ name: file.name, bytes, contentType, size: bytes.byteLength })
      } catch (e) {
        if (!(e instanceof AppError) || !e.detail) throw e
        errors[field] ??= e.detail[lang]
      }
    }
  }
  return out
}

/**
 * Reads and validates a submitted form: text fields against the schema, files against their rules
 * (size, type detected from the content). Every problem at once, Thai messages, values kept.
 */
export async function parseForm<S extends z.ZodType>(c: Context, schema: S, labels: Record<string, string>, fileRules: Record<string, FileRule> = {}): Promise<FormResult<z.infer<S>>> {
  const { values } = await readForm(c)
  const lang = c.get('lang') as Lang
  const r = validate(schema, values, { lang, labels })
  const errors: FormErrors = r.ok ? {} : { ...r.errors }
  const files = await checkFiles(c, fileRules, labels, errors)
  if (!r.ok || Object.keys(errors).length) {
    c.set('formFailed', true)
    return { ok: false, errors, values }
  }
  return { ok: true, data: r.data, values, files }
}

/** Use-case errors as form errors in the user's language (`_form` when not about one field). */
export function formErrorsOf(e: unknown, lang: Lang): { errors: FormErrors; status: 409 | 413 | 415 | 422 } | null {
  if (e instanceof InputError) return { errors: Object.fromEntries(Object.entries(e.errors).map(([k, v]) => [k, v[lang]])), status: e.status }
  if (e instanceof AppError && e.detail && (e.status === 409 || e.status === 413 || e.status === 415 || e.status === 422)) return { errors: { _form: e.detail[lang] }, status: e.status }
  return null
}

type Renderable = { toString(): string | Promise<string> }

/**
 * The whole bad-input path of a form POST: parse and validate, then `submit`; when either finds a
 * problem, `view` renders the same form with its values and errors (422, or the status the use
 * case chose, e.g. 409). `view` is the same function the GET route renders the form with.
 */
export async function formAction<S extends z.ZodType>(
  c: Context,
  opts: {
    schema: S
    labels: Record<string, string>
    files?: Record<string, FileRule>
    view: (state: FormState) => Renderable | Promise<Renderable>
    /** Dates that must fall in this fiscal year or be confirmed (see `datesOutsideFiscalYear`). */
    fiscalYearDates?: FiscalYearDates
    submit: (data: z.infer<S>, files: Record<string, CheckedFile[]>, values: FormValues) => Promise<Response>
  },
): Promise<Response> {
  const form = await parseForm(c, opts.schema, opts.labels, opts.files)
  const lang = c.get('lang') as Lang
  const outside = opts.fiscalYearDates
    ? datesOutsideFiscalYear(form.values, opts.fiscalYearDates, { lang, labels: opts.labels, thaiDigits: !!(c.get('org') as { settings?: { thaiNumerals?: boolean } } | undefined)?.settings?.thaiNumerals })
    : {}
  if (!form.ok || Object.keys(outside).length) {
    c.set('formFailed', true)
    return render(c, await opts.view({ values: form.values, errors: { ...outside, ...(form.ok ? {} : form.errors) } }), 422)
  }
  try {
    return await opts.submit(form.data, form.files, form.values)
  } catch (e) {
    const failed = formErrorsOf(e, c.get('lang') as Lang)
    if (!failed) throw e
    c.set('formFailed', true)
    return render(c, await opts.view({ values: form.values, errors: failed.errors }), failed.status)
  }
}
