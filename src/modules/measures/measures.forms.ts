import { z } from 'zod'
import { f, type FormValues } from '../../platform/http/forms.js'
import { toThaiDateText } from '../../platform/thai/index.js'
import { linesToList } from '../../platform/http/params.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { EVIDENCE_TYPES, MAX_FILE_BYTES } from '../../platform/files/files.service.js'
import type { FileRule } from '../../platform/http/forms.js'
import { mt } from './measures.i18n.js'
import { ACTIVITY_STATUSES, type Activity, type ReportSettings } from './measures.schema.js'
import { measureVersion, type MeasureInput, type MeasureView } from './measures.service.js'

// The module's forms: schema (Thai messages), field labels, and stored record → form values.
// Dates are typed in พ.ศ. (DateField + f.thaiDate) and stored as ISO C.E.; a stored date goes back
// into its field as "15/03/2567" (toThaiDateText).

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
/** A text field that may be missing from the body ('' then). */
const text = (max: number) => z.preprocess(one, z.string().trim().max(max).optional().transform((v) => v ?? ''))
/** A required text field with the module's own Thai message when empty. */
const required = (max: number, message: string) => text(max).superRefine((v, ctx) => (v ? undefined : ctx.addIssue({ code: 'custom', message })))
const lines = (max = 20_000) => text(max).transform(linesToList)
/** An optional พ.ศ. date as staff type it → ISO C.E. or null (the platform's messages say what is wrong). */
const thaiDate = () => z.preprocess(one, f.thaiDate({ optional: true }).transform((v) => v ?? null))
/** A stored ISO date as its field shows it. */
const dateText = (iso: string | null) => (iso ? toThaiDateText(iso) : '')

/** Text limits (characters), enforced by the schemas and stated next to the fields. */
export const LIMITS = { title: 1000, list: 20_000, periodText: 500, responsibleText: 1000, note: 5000, evidenceTitle: 300, settingsName: 200 } as const
const httpUrl = (message: string) => text(2000).superRefine((v, ctx) => (!v || /^https?:\/\/[^\s]+$/i.test(v) ? undefined : ctx.addIssue({ code: 'custom', message })))

// ── Measure ───────────────────────────────────────────────────────────────────────────────────

export const measureLabels = (L: Lang) => ({
  title: mt(L, 'm.name'), indicatorNumbers: mt(L, 'm.indicators'), oitCodes: mt(L, 'm.oit'), steps: mt(L, 'm.steps'), periodKind: mt(L, 'm.periodKind'),
  periodStart: mt(L, 'm.periodStart'), periodEnd: mt(L, 'm.periodEnd'), periodText: mt(L, 'm.periodText'), unitIds: mt(L, 'm.units'),
  responsibleText: mt(L, 'm.responsibleText'), resultSummary: mt(L, 'm.resultSummary'), outcome: mt(L, 'm.outcome'),
})

export const measureSchema = (L: Lang) =>
  z
    .object({
      title: required(LIMITS.title, mt(L, 'm.titleRequired')),
      indicatorNumbers: f.list().transform((l) => l.map(Number).filter((n) => Number.isInteger(n) && n > 0)),
      // Codes are matched against the year's framework by the use case; anything else is dropped.
      oitCodes: text(2000).transform((s) => s.split(/[\s,]+/).map((c) => c.toUpperCase()).filter((c) => /^O\d+$/.test(c))),
      steps: lines(),
      periodKind: text(20).transform((v): MeasureInput['periodKind'] => (v === 'range' ? 'range' : 'fiscal_year')),
      periodStart: thaiDate(),
      periodEnd: thaiDate(),
      periodText: text(LIMITS.periodText),
      unitIds: f.list(),
      responsibleText: text(LIMITS.responsibleText),
      resultSummary: lines(),
      outcome: lines(),
    })
    .superRefine((d, ctx) => {
      if (d.periodKind === 'range' && (!d.periodStart || !d.periodEnd || d.periodStart > d.periodEnd)) ctx.addIssue({ code: 'custom', path: ['periodStart'], message: mt(L, 'm.periodInvalid') })
    })
    .transform((d): MeasureInput => ({ ...d, periodStart: d.periodKind === 'range' ? d.periodStart : null, periodEnd: d.periodKind === 'range' ? d.periodEnd : null }))

export const measureValues = (m: MeasureView): FormValues => ({
  title: m.title,
  indicatorNumbers: m.indicatorNumbers.map(String),
  oitCodes: m.oitCodes.join(', '),
  steps: m.steps.join('\n'),
  periodKind: m.periodKind,
  periodStart: dateText(m.periodStart),
  periodEnd: dateText(m.periodEnd),
  periodText: m.periodText,
  unitIds: m.unitIds,
  responsibleText: m.responsibleText,
  resultSummary: m.resultSummary.join('\n'),
  outcome: m.outcome.join('\n'),
})
export const NEW_MEASURE: FormValues = { periodKind: 'fiscal_year' }

/** Approval names the version the executive saw (see approveMeasure). */
export const approveSchema = z.object({ version: text(40) })
export const approveValues = (m: MeasureView): FormValues => ({ version: measureVersion(m) })
export const moveSchema = z.object({ direction: z.preprocess(one, f.choice(['up', 'down'])) })
export const moveLabels = (L: Lang) => ({ direction: mt(L, 'm.direction') })
/** Copying to the next year has no fields; its conflicts come from the use case. */
export const emptySchema = z.object({})

// ── Activity and evidence ─────────────────────────────────────────────────────────────────────

export const activityLabels = (L: Lang) => ({
  title: mt(L, 'm.activityTitle'), startsOn: mt(L, 'm.startsOn'), endsOn: mt(L, 'm.endsOn'), status: mt(L, 'm.status'), note: mt(L, 'm.note'), responsibleUserId: mt(L, 'm.responsibleUser'),
  evidenceTitle: mt(L, 'm.evidenceTitle'), evidenceFile: mt(L, 'm.evidenceFile'), evidenceUrl: mt(L, 'm.evidenceUrl'),
})
export const activitySchema = (L: Lang) =>
  z.object({
    title: required(LIMITS.title, mt(L, 'm.activityTitleRequired')),
    startsOn: thaiDate(),
    endsOn: thaiDate(),
    status: z.preprocess(one, f.choice(ACTIVITY_STATUSES)),
    note: text(LIMITS.note),
    // An account of the agency (checked by the use case); empty: the measure's officers.
    responsibleUserId: text(36).transform((v) => v || null),
  })
/** A new activity may bring its first evidence: a file or a link. */
export const newActivitySchema = (L: Lang) => activitySchema(L).extend({ evidenceTitle: text(LIMITS.evidenceTitle), evidenceUrl: httpUrl(mt(L, 'm.urlInvalid')) })
export const NEW_ACTIVITY: FormValues = { status: 'done' }
export const activityValues = (a: Activity): FormValues => ({ title: a.title, startsOn: dateText(a.startsOn), endsOn: dateText(a.endsOn), status: a.status, note: a.note, responsibleUserId: a.responsibleUserId ?? '' })

export const evidenceFile: FileRule = { types: EVIDENCE_TYPES, maxBytes: MAX_FILE_BYTES, max: 1 }
export const evidenceLabels = (L: Lang) => ({ title: mt(L, 'm.evidenceTitle'), file: mt(L, 'm.evidenceFile'), url: mt(L, 'm.evidenceUrl') })
export const evidenceSchema = (L: Lang) => z.object({ title: text(300), url: httpUrl(mt(L, 'm.urlInvalid')) })

// ── Report settings ───────────────────────────────────────────────────────────────────────────

export const settingsLabels = (L: Lang) => ({
  introduction: mt(L, 'm.intro'), reporterName: mt(L, 'm.reporterName'), reporterPosition: mt(L, 'm.reporterPosition'),
  executiveName: mt(L, 'm.executiveName'), executivePosition: mt(L, 'm.executivePosition'),
})
const name = () => text(LIMITS.settingsName)
export const settingsSchema = z.object({ introduction: lines(LIMITS.list), reporterName: name(), reporterPosition: name(), executiveName: name(), executivePosition: name() })
export const settingsValues = (s: ReportSettings | undefined): FormValues => ({
  introduction: (s?.introduction ?? []).join('\n'),
  reporterName: s?.reporterName ?? '',
  reporterPosition: s?.reporterPosition ?? '',
  executiveName: s?.executiveName ?? '',
  executivePosition: s?.executivePosition ?? '',
})
