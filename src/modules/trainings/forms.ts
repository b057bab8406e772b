import { z } from 'zod'
import { f, type FormValues } from '../../platform/http/forms.js'
import { linesToList } from '../../platform/http/params.js'
import { toThaiDateText } from '../../platform/thai/index.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { trainingsT } from './trainings.i18n.js'
import type { OutsideCourse, Question, Session } from './trainings.schema.js'
import { FORMS } from './answers.js'
import { MODES, TRAINER_KINDS } from './rules.js'
import { hoursText } from './shared.js'

export const SessionSchema = z
  .object({
    topic: f.text(300),
    detail: f.optionalText(10000).transform((v) => v ?? ''),
    startsOn: f.thaiDate().transform((v) => v ?? ''),
    endsOn: f.thaiDate({ optional: true }).transform((v) => v ?? null),
    hours: f.number({ min: 0.5, max: 999, maxDecimals: 1, required: true }).transform((v) => v ?? 0),
    trainerKind: f.choice(TRAINER_KINDS),
    trainerName: f.text(300),
    trainerOrg: f.optionalText(300).transform((v) => v ?? ''),
    mode: f.choice(MODES),
    place: f.text(500),
    targetGroup: f.text(500),
    unitId: z
      .string()
      .optional()
      .transform((v) => v?.trim() ?? '')
      .pipe(z.union([z.literal(''), z.uuid()]))
      .transform((v) => v || null),
    budget: f.number({ min: 0, max: 999_999_999, maxDecimals: 2 }),
  })
  .transform((v) => ({ ...v, endsOn: v.endsOn ?? v.startsOn }))
export type SessionInput = z.infer<typeof SessionSchema>

const SESSION_FIELDS = ['topic', 'detail', 'startsOn', 'endsOn', 'hours', 'trainerKind', 'trainerName', 'trainerOrg', 'mode', 'place', 'targetGroup', 'unitId', 'budget'] as const
export const sessionLabels = (L: Lang) => Object.fromEntries(SESSION_FIELDS.map((k) => [k, trainingsT(L, `field.${k}`)]))
export const sessionValues = (s: Session): FormValues => ({
  topic: s.topic, detail: s.detail, startsOn: toThaiDateText(s.startsOn), endsOn: s.endsOn === s.startsOn ? '' : toThaiDateText(s.endsOn), hours: hoursText(s.hours),
  trainerKind: s.trainerKind, trainerName: s.trainerName, trainerOrg: s.trainerOrg, mode: s.mode, place: s.place, targetGroup: s.targetGroup, unitId: s.unitId ?? '', budget: s.budget === null ? '' : String(s.budget),
})

export const SignUpSchema = z.object({ everyone: f.checkbox(), personIds: f.list().pipe(z.array(z.uuid())) })
export const OutsideSchema = z.object({ name: f.text(200), position: f.optionalText(200).transform((v) => v ?? ''), organisation: f.optionalText(300).transform((v) => v ?? '') })

export const QuestionSchema = z.object({
  subject: f.optionalText(200).transform((v) => v ?? ''),
  text: f.text(1000),
  choices: f.text(3500).transform((v) => linesToList(v)),
  correct: f.int(1, 6).transform((n) => n - 1),
})
export const questionLabels = (L: Lang) => ({ subject: trainingsT(L, 'field.subject'), text: trainingsT(L, 'field.text'), choices: trainingsT(L, 'field.choices'), correct: trainingsT(L, 'field.correct') })
export const questionValues = (q: Question): FormValues => ({ subject: q.subject, text: q.text, choices: q.choices.join('\n'), correct: String(q.correct + 1) })

export const TestSchema = z.object({ questionIds: f.list().pipe(z.array(z.uuid())) })
export const LinksSchema = z.object({ form: f.choice(FORMS) })

export const ReportSchema = z.object({
  summary: f.optionalText(10000).transform((v) => v ?? ''),
  benefits: f.optionalText(10000).transform((v) => v ?? ''),
  reporterName: f.text(200),
  reporterPosition: f.optionalText(200).transform((v) => v ?? ''),
})
export const reportLabels = (L: Lang) => ({ summary: trainingsT(L, 'field.summary'), benefits: trainingsT(L, 'field.benefits'), reporterName: trainingsT(L, 'field.reporterName'), reporterPosition: trainingsT(L, 'field.reporterPosition') })
export const reportValues = (s: Session): FormValues => ({ summary: s.summary, benefits: s.benefits, reporterName: s.reporterName, reporterPosition: s.reporterPosition })

export const SignerSchema = z.object({ signerName: f.text(200), signerPosition: f.optionalText(200).transform((v) => v ?? '') })
export const signerLabels = (L: Lang) => ({ signerName: trainingsT(L, 'field.signerName'), signerPosition: trainingsT(L, 'field.signerPosition') })

export const CourseSchema = z
  .object({
    name: f.text(300),
    organiser: f.text(300),
    startsOn: f.thaiDate().transform((v) => v ?? ''),
    endsOn: f.thaiDate({ optional: true }).transform((v) => v ?? null),
    hours: f.number({ min: 0.5, max: 999, maxDecimals: 1, required: true }).transform((v) => v ?? 0),
  })
  .transform((v) => ({ ...v, endsOn: v.endsOn ?? v.startsOn }))
export const courseLabels = (L: Lang) => ({ name: trainingsT(L, 'field.courseName'), organiser: trainingsT(L, 'field.organiser'), startsOn: trainingsT(L, 'field.startsOn'), endsOn: trainingsT(L, 'field.endsOn'), hours: trainingsT(L, 'field.hours'), certificate: trainingsT(L, 'field.certificate') })
export const courseValues = (c: OutsideCourse): FormValues => ({ name: c.name, organiser: c.organiser, startsOn: toThaiDateText(c.startsOn), endsOn: c.endsOn === c.startsOn ? '' : toThaiDateText(c.endsOn), hours: hoursText(c.hours) })
