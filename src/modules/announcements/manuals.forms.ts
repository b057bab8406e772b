import { z } from 'zod'
import { f, type FormValues } from '../../platform/http/forms.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { toThaiDateText } from '../../platform/thai/index.js'
import { manualsT } from './manuals.i18n.js'
import { MANUAL_AUDIENCES, MANUAL_KINDS } from './manuals.schema.js'
import type { ManualDetail } from './manuals.js'

// The manuals' form schemas and labels (the one bad-input path reads them).

/** A manual as a PDF of at most 20 MB (the type is checked from the content). */
export const MANUAL_FILE_RULE = { maxBytes: 20 * 1024 * 1024, types: { 'application/pdf': 'PDF' } } as const

export const manualSchema = z.object({
  kind: f.choice(MANUAL_KINDS),
  unitId: f.text(36),
  title: f.text(300),
  audience: f.choice(MANUAL_AUDIENCES),
  ackRequired: f.checkbox(),
  body: f.optionalText(50_000).transform((v) => v ?? ''),
  effectiveOn: f.thaiDate().pipe(z.string()),
  nextReviewOn: f.thaiDate().pipe(z.string()),
})
const keys = ['kind', 'unitId', 'title', 'audience', 'ackRequired', 'body', 'effectiveOn', 'nextReviewOn', 'file', 'changeNote'] as const
export const manualLabels = (L: Lang): Record<string, string> => Object.fromEntries(keys.map((k) => [k, manualsT(L, `field.${k}`)]))

export const manualValues = (d: ManualDetail): FormValues => {
  const v = d.draft ?? d.current!
  return {
    kind: d.m.kind,
    unitId: d.m.unitId,
    title: d.m.title,
    audience: d.m.audience,
    ackRequired: d.m.ackRequired ? 'on' : '',
    body: v.body,
    effectiveOn: toThaiDateText(v.effectiveOn),
    nextReviewOn: toThaiDateText(v.nextReviewOn),
  }
}

export const manualRevisionSchema = z.object({
  body: f.optionalText(50_000).transform((v) => v ?? ''),
  effectiveOn: f.thaiDate().pipe(z.string()),
  nextReviewOn: f.thaiDate().pipe(z.string()),
  changeNote: f.text(1000),
})
