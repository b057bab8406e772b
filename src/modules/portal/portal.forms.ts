import { z } from 'zod'
import { f, type FileRule, type FormValues } from '../../platform/http/forms.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { pt, type PortalKey } from './portal.i18n.js'
import { DOC_CATEGORIES, POST_CATEGORIES, PUBLISH_STATUSES, QUESTION_STATUSES, type PortalDocument, type PortalPost, type PortalProfile } from './portal.schema.js'
import { parseSocialLinks, socialLinksText } from './profile.js'
import { MAX_PORTAL_FILE_BYTES, PHOTO_TYPES, PORTAL_FILE_TYPES } from './files.js'

// The portal's forms. Schemas are built per language: a custom issue's message is shown as it is,
// so the module's own messages (err.*) arrive already in the user's language.

const httpUrl = (L: Lang, max?: number) =>
  z
    .union([z.literal(''), (max ? z.string().trim().max(max) : z.string().trim()).refine((v) => /^https?:\/\/\S+$/.test(v), { message: pt(L, 'err.url') })])
    .optional()
    .transform((v) => v || null)

const oitCodes = (L: Lang) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(/[\s,]+/).map((x) => x.trim().toUpperCase()).filter(Boolean))
    .refine((list) => list.every((c) => /^O\d{1,3}$/.test(c)), { message: pt(L, 'err.oitCodes') })

/** "2566-10-01T09:00" as typed in Bangkok (UTC+7); empty → undefined. */
const localDateTime = (L: Lang) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return undefined
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/.exec(v.trim())
      const d = m ? new Date(`${m[1]}T${m[2] ?? '00:00'}:00+07:00`) : new Date(NaN)
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: pt(L, 'err.date') })
        return z.NEVER
      }
      return d
    })

const optionalFiscalYear = z
  .union([z.literal(''), z.coerce.number().int().min(2500).max(2700)])
  .optional()
  .transform((v) => (v === '' || v === undefined ? undefined : v))

export const postForm = (L: Lang) =>
  z.object({
    category: f.choice(POST_CATEGORIES),
    title: f.text(300),
    bodyMd: z.string().max(50000).default(''),
    status: f.choice(PUBLISH_STATUSES),
    publishAt: localDateTime(L),
    fiscalYear: optionalFiscalYear,
    oitCodes: oitCodes(L),
  })

export const documentForm = (L: Lang) =>
  z.object({
    category: f.choice(DOC_CATEGORIES),
    title: f.text(300),
    descriptionMd: z.string().max(20000).default(''),
    fiscalYear: z.coerce.number({ error: 'v.number' }).int().min(2500).max(2700),
    url: httpUrl(L, 2000),
    status: f.choice(PUBLISH_STATUSES),
    oitCodes: oitCodes(L),
  })

export const PROFILE_TEXTS = ['history', 'vision', 'duties', 'accessibility', 'privacy', 'cookies'] as const
const markdown = z.string().max(50000).default('')

export const profileForm = (L: Lang) =>
  z.object({
    historyMd: markdown,
    visionMd: markdown,
    dutiesMd: markdown,
    accessibilityMd: markdown,
    privacyMd: markdown,
    cookiesMd: markdown,
    mapUrl: httpUrl(L),
    surveyUrl: httpUrl(L),
    social: z
      .string()
      .max(5000)
      .default('')
      .transform((v, ctx) => {
        const links = parseSocialLinks(v)
        if (links) return links
        ctx.addIssue({ code: 'custom', message: pt(L, 'err.social') })
        return z.NEVER
      }),
  })

export const EXECUTIVE_BRANCHES = ['political', 'permanent'] as const
export const executiveForm = () =>
  z.object({
    name: f.text(200),
    position: f.text(200),
    branch: f.choice(EXECUTIVE_BRANCHES),
    phone: f.optionalText(50).transform((v) => v ?? null),
    email: z.union([z.literal(''), f.email()]).optional().transform((v) => v || null),
    sortOrder: f.int(0, 999).default(0),
  })

export const moderateForm = () => z.object({ answerMd: f.optionalText(20000).transform((v) => v ?? null), status: f.choice(QUESTION_STATUSES) })

/** The public Q&A form; `website` is a hidden field only bots fill in. */
export const questionForm = () => z.object({ askerName: f.text(100), question: f.text(4000, 5), website: f.optionalText(200) })

/** Delete confirmations have no fields (the CSRF token is checked before). */
export const confirmForm = () => z.object({})

const attachment: FileRule = { maxBytes: MAX_PORTAL_FILE_BYTES, types: PORTAL_FILE_TYPES }
export const POST_FILES: Record<string, FileRule> = { files: attachment }
export const DOCUMENT_FILES: Record<string, FileRule> = { file: { ...attachment, max: 1 } }
export const EXECUTIVE_FILES: Record<string, FileRule> = { photo: { maxBytes: MAX_PORTAL_FILE_BYTES, types: PHOTO_TYPES, max: 1 } }

const LABELS: Record<string, PortalKey> = {
  category: 'f.category',
  title: 'f.title',
  bodyMd: 'f.body',
  status: 'f.status',
  publishAt: 'f.publishAt',
  fiscalYear: 'f.fiscalYear',
  oitCodes: 'f.oitCodes',
  descriptionMd: 'f.description',
  url: 'f.url',
  file: 'f.file',
  files: 'f.files',
  historyMd: 'f.history',
  visionMd: 'f.vision',
  dutiesMd: 'f.duties',
  accessibilityMd: 'f.accessibility',
  privacyMd: 'f.privacy',
  cookiesMd: 'f.cookies',
  mapUrl: 'f.mapUrl',
  surveyUrl: 'f.surveyUrl',
  social: 'f.social',
  name: 'f.name',
  position: 'f.position',
  branch: 'f.branch',
  phone: 'f.phone',
  email: 'f.email',
  sortOrder: 'f.sortOrder',
  photo: 'f.photo',
  answerMd: 'f.answer',
  askerName: 'qa.name',
  question: 'qa.question',
}
/** Every portal field's label in one language (error messages name the field). */
export const labels = (L: Lang): Record<string, string> => Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, pt(L, v)]))

// A stored record as its form shows it.
const toLocalInput = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16)
export const postValues = (p: PortalPost): FormValues => ({ category: p.category, title: p.title, bodyMd: p.bodyMd, status: p.status, publishAt: toLocalInput(p.publishAt), fiscalYear: String(p.fiscalYear), oitCodes: p.oitCodes.join(', ') })
export const documentValues = (d: PortalDocument): FormValues => ({ category: d.category, title: d.title, descriptionMd: d.descriptionMd, fiscalYear: String(d.fiscalYear), url: d.url ?? '', status: d.status, oitCodes: d.oitCodes.join(', ') })
export const profileValues = (p: PortalProfile | null): FormValues =>
  p ? { historyMd: p.historyMd, visionMd: p.visionMd, dutiesMd: p.dutiesMd, accessibilityMd: p.accessibilityMd, privacyMd: p.privacyMd, cookiesMd: p.cookiesMd, mapUrl: p.mapUrl ?? '', surveyUrl: p.surveyUrl ?? '', social: socialLinksText(p.socialLinks) } : {}
