import { z } from 'zod'
import { f, type FileRule } from '../../platform/http/forms.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { parseThaiDate, toIsoDate } from '../../platform/thai/index.js'
import { ct } from './complaints.i18n.js'
import { ASSIGN_ROLES, CATEGORIES, CHANNELS, OUTCOMES, REFERRALS, STATUSES } from './complaints.schema.js'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachments.js'

// The schemas, labels and file rules of every complaints form (read by formAction in the routes).
// Schemas that carry their own messages take the language, so a message is never a raw key.

/** JPEG, PNG or PDF, checked from the content by parseForm (the use case checks again and strips metadata). */
export const attachmentRule = (max: number = MAX_ATTACHMENTS, required = false): FileRule => ({
  maxBytes: MAX_ATTACHMENT_BYTES,
  max,
  required,
  types: { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' },
})

/**
 * The use case re-checks attachments (count, total size, content) and throws a 413/415/422 AppError;
 * that refusal belongs to the form's file field, answered like every other bad input: 422.
 */
export async function fileErrorsOn<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof AppError && e.detail && (e.status === 413 || e.status === 415 || e.status === 422)) throw new InputError({ [field]: e.detail }, 422)
    throw e
  }
}

/** A Buddhist-era date typed as d/m/yyyy → ISO date. */
function thaiDate(L: Lang, optional: boolean) {
  return z
    .string()
    .optional()
    .transform((v, c) => {
      if (!v?.trim()) {
        if (!optional) c.addIssue({ code: 'custom', message: 'v.required' })
        return undefined
      }
      const r = parseThaiDate(v)
      if (!r.ok) {
        c.addIssue({ code: 'custom', message: ct(L, 'v.date') })
        return undefined
      }
      return toIsoDate(r.date)
    })
}

/** A person chosen from a list (a user id). */
const person = () => z.string().trim().min(1).pipe(z.uuid())

const reportFields = {
  category: f.choice(CATEGORIES),
  subject: f.text(200),
  details: f.text(10_000),
  whenWhere: f.optionalText(1000),
  who: f.optionalText(1000),
  contactName: f.optionalText(200),
  contactPhone: f.optionalText(50),
  contactEmail: z.union([z.literal(''), f.email()]).optional().transform((v) => v || undefined),
}
export const reportLabels = (L: Lang) => ({
  category: ct(L, 'f.category'),
  subject: ct(L, 'f.subject'),
  details: ct(L, 'f.details'),
  whenWhere: ct(L, 'f.whenWhere'),
  who: ct(L, 'f.who'),
  contactName: ct(L, 'f.contactName'),
  contactPhone: ct(L, 'f.contactPhone'),
  contactEmail: ct(L, 'f.contactEmail'),
  consent: ct(L, 'f.consent'),
  files: ct(L, 'f.files.label'),
})

type ReportFieldsData = z.infer<z.ZodObject<typeof reportFields>>
/** The submitted report fields and files as the use case takes them. */
export const reportOf = (d: ReportFieldsData, files: { name: string; bytes: Uint8Array }[] = []) => ({
  category: d.category,
  subject: d.subject,
  details: d.details,
  whenWhere: d.whenWhere,
  who: d.who,
  contact: { name: d.contactName, phone: d.contactPhone, email: d.contactEmail },
  files,
})

/** The public report form. */
export const reportSchema = (L: Lang) =>
  z.object({
    ...reportFields,
    consent: f.checkbox().refine((v) => v, { message: ct(L, 'v.consent') }),
    nonce: z.string().regex(/^[\w-]{16,64}$/).optional(),
  })

export const INTAKE_CHANNELS = CHANNELS.filter((x) => x !== 'web') as unknown as readonly ['paper', 'phone', 'in_person', 'email']
/** Staff intake: the report fields, how it came in and on which day. */
export const intakeSchema = (L: Lang) => z.object({ ...reportFields, channel: f.choice(INTAKE_CHANNELS), receivedOn: thaiDate(L, true) })
export const intakeLabels = (L: Lang) => ({ ...reportLabels(L), channel: ct(L, 'f.channel'), receivedOn: ct(L, 'f.receivedOn') })

/** The tracking code: read as typed (spaces, Thai digits); the route decides what a wrong code is. */
export const trackSchema = z.object({ code: z.string().optional() })
export const trackLabels = (L: Lang) => ({ code: ct(L, 'track.code') })

/** A message: the officer must write; the reporter may send only files. */
export const staffMessageSchema = z.object({ body: f.text(10_000) })
export const reporterMessageSchema = z.object({ body: f.optionalText(10_000) })
export const messageLabels = (L: Lang) => ({ body: ct(L, 'f.message'), files: ct(L, 'f.attachments.label') })

export const statusSchema = (L: Lang) =>
  z.object({
    to: f.choice(STATUSES),
    outcome: z.union([z.literal(''), f.choice(OUTCOMES)]).optional(),
    referredTo: z.union([z.literal(''), f.choice(REFERRALS)]).optional(),
    reason: f.text(5000),
    decidedOn: thaiDate(L, true),
  })
export const statusLabels = (L: Lang) => ({ to: ct(L, 'case.to'), outcome: ct(L, 'case.outcome'), referredTo: ct(L, 'case.referredTo'), reason: ct(L, 'case.reason'), decidedOn: ct(L, 'case.decidedOn') })

export const assignSchema = z.object({ userId: person(), role: f.choice(ASSIGN_ROLES) })
export const assignLabels = (L: Lang) => ({ userId: ct(L, 'case.assignUser'), role: ct(L, 'case.assignRole') })
export const unassignSchema = z.object({ userId: z.uuid() })
export const namedSchema = z.object({ namedUserId: person() })
export const namedLabels = (L: Lang) => ({ namedUserId: ct(L, 'case.markNamed') })

export const committeeSchema = (L: Lang) => z.object({ members: f.list(), deadline: thaiDate(L, false) })
export const committeeLabels = (L: Lang) => ({ members: ct(L, 'case.committeeMembers'), deadline: ct(L, 'case.committeeDeadline') })

export const caseFileSchema = z.object({ kind: f.choice(['minutes', 'findings']) })
export const caseFileLabels = (L: Lang) => ({ kind: ct(L, 'case.fileKind'), file: ct(L, 'case.file') })

export const settingsSchema = z.object(
  Object.fromEntries(CATEGORIES.flatMap((c) => [[`ack_${c}`, f.int(1, 365)], [`close_${c}`, f.int(1, 730)]]).concat([['retentionYears', f.int(1, 50)]])) as Record<string, ReturnType<typeof f.int>>,
)
export const settingsLabels = (L: Lang): Record<string, string> =>
  Object.fromEntries([
    ...CATEGORIES.flatMap((k) => [
      [`ack_${k}`, ct(L, 'settings.ack', { cat: ct(L, `cat.${k}`) })],
      [`close_${k}`, ct(L, 'settings.close', { cat: ct(L, `cat.${k}`) })],
    ]),
    ['retentionYears', ct(L, 'settings.retention')],
  ])
