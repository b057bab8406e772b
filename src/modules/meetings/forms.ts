import { z } from 'zod'
import { f, type FormValues } from '../../platform/http/forms.js'
import { fromThaiDigits, toThaiDateText } from '../../platform/thai/index.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { meetingsT } from './meetings.i18n.js'
import type { AgendaItem, Meeting } from './meetings.schema.js'
import { AGENDA_SECTIONS, MEETING_KINDS, type AgendaSection } from './rules.js'

/** A time of day as typed: 09:00, 9.00, ๐๙.๓๐ → "09:00". */
const time = () =>
  z
    .string()
    .transform((v) => fromThaiDigits(v).trim().replace('.', ':'))
    .pipe(z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/))
    .transform((v) => v.padStart(5, '0'))
const optionalTime = () =>
  z
    .string()
    .optional()
    .transform((v) => fromThaiDigits(v ?? '').trim().replace('.', ':'))
    .pipe(z.union([z.literal(''), z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/)]))
    .transform((v) => (v ? v.padStart(5, '0') : null))
const uuidOrNull = () =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? '')
    .pipe(z.union([z.literal(''), z.uuid()]))
    .transform((v) => v || null)

export const MeetingSchema = z.object({
  kind: f.choice(MEETING_KINDS),
  title: f.text(300),
  heldOn: f.thaiDate().transform((v) => v ?? ''),
  startsAt: time(),
  place: f.text(300),
  unitId: uuidOrNull(),
  chairName: f.text(200),
  chairPosition: f.optionalText(200).transform((v) => v ?? ''),
  secretaryName: f.optionalText(200).transform((v) => v ?? ''),
  secretaryPosition: f.optionalText(200).transform((v) => v ?? ''),
  quorum: f.number({ min: 1, max: 10000, maxDecimals: 0 }),
  isPublic: f.checkbox(),
})
export const meetingLabels = (L: Lang) =>
  Object.fromEntries(['kind', 'title', 'heldOn', 'startsAt', 'place', 'unitId', 'chairName', 'chairPosition', 'secretaryName', 'secretaryPosition', 'quorum', 'isPublic'].map((k) => [k, meetingsT(L, `field.${k}` as 'field.kind')]))
export const meetingValues = (m: Meeting): FormValues => ({
  kind: m.kind, title: m.title, heldOn: toThaiDateText(m.heldOn), startsAt: m.startsAt, place: m.place, unitId: m.unitId ?? '', chairName: m.chairName, chairPosition: m.chairPosition,
  secretaryName: m.secretaryName, secretaryPosition: m.secretaryPosition, quorum: m.quorum ? String(m.quorum) : '', isPublic: m.isPublic ? 'on' : '',
})

export const ItemSchema = z.object({
  section: z.enum(AGENDA_SECTIONS.map(String) as [string, ...string[]]).transform((v) => Number(v) as AgendaSection),
  title: f.text(500),
  detail: f.optionalText(10000).transform((v) => v ?? ''),
  minutes: f.optionalText(20000).transform((v) => v ?? ''),
  resolution: f.optionalText(5000).transform((v) => v ?? ''),
})
export const itemLabels = (L: Lang) => ({ section: meetingsT(L, 'field.section'), title: meetingsT(L, 'field.itemTitle'), detail: meetingsT(L, 'field.detail'), minutes: meetingsT(L, 'field.minutes'), resolution: meetingsT(L, 'field.resolution') })
export const itemValues = (i: AgendaItem): FormValues => ({ section: String(i.section), title: i.title, detail: i.detail, minutes: i.minutes, resolution: i.resolution })

export const MinutesSchema = z.object({
  startedAt: time(),
  endedAt: optionalTime(),
  opening: f.optionalText(5000).transform((v) => v ?? ''),
  minuteTakerName: f.text(200),
  minuteTakerPosition: f.optionalText(200).transform((v) => v ?? ''),
  checkerName: f.optionalText(200).transform((v) => v ?? ''),
  checkerPosition: f.optionalText(200).transform((v) => v ?? ''),
})
export const minutesLabels = (L: Lang) =>
  Object.fromEntries(['startedAt', 'endedAt', 'opening', 'minuteTakerName', 'minuteTakerPosition', 'checkerName', 'checkerPosition'].map((k) => [k, meetingsT(L, `field.${k}` as 'field.startedAt')]))
export const minutesValues = (m: Meeting): FormValues => ({
  startedAt: m.startedAt ?? m.startsAt, endedAt: m.endedAt ?? '', opening: m.opening, minuteTakerName: m.minuteTakerName || m.secretaryName, minuteTakerPosition: m.minuteTakerPosition || m.secretaryPosition, checkerName: m.checkerName, checkerPosition: m.checkerPosition,
})

export const AdoptSchema = z.object({ corrections: f.optionalText(5000).transform((v) => v ?? '') })
export const InviteSchema = z.object({ everyone: f.checkbox(), unitIds: f.list().pipe(z.array(z.uuid())), mail: f.checkbox() })
export const OutsideSchema = z.object({ name: f.text(200), position: f.optionalText(200).transform((v) => v ?? '') })
export const LinkSchema = z.object({ target: f.text(200) })
