import { z } from 'zod'
import type { AppContext } from './context.js'
import { CSRF_FIELD } from './middleware.js'
import { t } from '../i18n/messages.js'
import type { Lang } from '../i18n/i18n.js'

export type FormValues = Record<string, string | string[]>
export type FormErrors = Record<string, string>
export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FormErrors; values: FormValues }

// Field builders: HTML forms send '' for an empty field, so optional fields map '' to undefined.
export const f = {
  text: (max = 200, min = 1) => z.string().trim().min(min).max(max),
  optionalText: (max = 2000) =>
    z.string().trim().max(max).optional().transform((v) => (v ? v : undefined)),
  email: () => z.string().trim().toLowerCase().min(1).max(254).pipe(z.email()),
  choice: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  int: (min = 0, max = 1_000_000) => z.coerce.number({ error: 'v.number' }).int().min(min).max(max),
  checkbox: () => z.union([z.literal('on'), z.literal('true'), z.literal('1')]).optional().transform((v) => !!v),
  list: () => z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean)),
}

function messageFor(issue: z.core.$ZodIssue, label: string, lang: Lang): string {
  const custom = issue.message
  if (custom && t.has(custom)) return t(lang, custom, { field: label })
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t(lang, 'v.required', { field: label }) : t(lang, 'v.tooShort', { field: label, min: Number(issue.minimum) })
    case 'too_big':
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
): FormResult<z.infer<S>> {
  const r = schema.safeParse(values)
  if (r.success) return { ok: true, data: r.data, values }
  const errors: FormErrors = {}
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '_form')
    if (errors[field]) continue
    errors[field] = messageFor(issue, opts.labels[field] ?? field, opts.lang)
  }
  return { ok: false, errors, values }
}

/** Reads a urlencoded or multipart body into strings (files are returned separately). */
export async function readForm(c: AppContext): Promise<{ values: FormValues; files: Record<string, File[]> }> {
  const body = await c.req.parseBody({ all: true })
  const values: FormValues = {}
  const files: Record<string, File[]> = {}
  for (const [k, v] of Object.entries(body)) {
    if (k === CSRF_FIELD) continue
    const arr = Array.isArray(v) ? v : [v]
    // PostgreSQL text cannot hold NUL; it is never meaningful in a form, so it is dropped here
    // once for every module rather than surfacing as a database error.
    const strings = arr.filter((x): x is string => typeof x === 'string').map((x) => x.replaceAll('\u0000', ''))
    const fs = arr.filter((x): x is File => typeof x === 'object' && x !== null && 'arrayBuffer' in x && (x as File).size > 0)
    if (fs.length) files[k] = fs
    if (strings.length) values[k] = strings.length === 1 && !k.endsWith('[]') ? strings[0]! : strings
  }
  return { values, files }
}

export async function parseForm<S extends z.ZodType>(c: AppContext, schema: S, labels: Record<string, string>): Promise<FormResult<z.infer<S>>> {
  const { values } = await readForm(c)
  return validate(schema, values, { lang: c.get('lang'), labels })
}
