import { z } from 'zod'
import { f, type FormValues } from '../../platform/http/forms.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { toThaiDateText } from '../../platform/thai/index.js'
import { announcementsT } from './announcements.i18n.js'
import { ACK_SCOPES, ANNOUNCEMENT_KINDS, AUDIENCES, type Announcement } from './announcements.schema.js'

// The module's form schemas and their labels (the one bad-input path reads them).

export const announcementSchema = z.object({
  kind: f.choice(ANNOUNCEMENT_KINDS),
  subject: f.text(300),
  body: f.optionalText(20_000).transform((v) => v ?? ''),
  signedOn: f.thaiDate().pipe(z.string()),
  signerName: f.optionalText(200).transform((v) => v ?? ''),
  signerPosition: f.optionalText(200).transform((v) => v ?? ''),
  audience: f.choice(AUDIENCES),
  effectiveOn: f.thaiDate({ optional: true }).transform((v) => v ?? null),
  ackScope: f.choice(ACK_SCOPES),
  ackUnitIds: f.list(),
  ackDueOn: f.thaiDate({ optional: true }).transform((v) => v ?? null),
})
export const announcementLabels = (L: Lang): Record<string, string> =>
  Object.fromEntries(
    (['kind', 'subject', 'body', 'signedOn', 'signerName', 'signerPosition', 'audience', 'effectiveOn', 'ackScope', 'ackUnitIds', 'ackDueOn', 'scan'] as const).map((k) => [k, announcementsT(L, `field.${k}`)]),
  )
export const announcementValues = (a: Announcement): FormValues => ({
  kind: a.kind,
  subject: a.subject,
  body: a.body,
  signedOn: toThaiDateText(a.signedOn),
  signerName: a.signerName,
  signerPosition: a.signerPosition,
  audience: a.audience,
  effectiveOn: a.effectiveOn ? toThaiDateText(a.effectiveOn) : '',
  ackScope: a.ackScope,
  ackUnitIds: a.ackUnitIds,
  ackDueOn: a.ackDueOn ? toThaiDateText(a.ackDueOn) : '',
})

export const revisionSchema = z.object({ subject: f.text(300), body: f.optionalText(20_000).transform((v) => v ?? ''), changeNote: f.text(500) })
export const revisionLabels = (L: Lang) => ({ subject: announcementsT(L, 'field.subject'), body: announcementsT(L, 'field.body'), changeNote: announcementsT(L, 'field.changeNote'), scan: announcementsT(L, 'field.scan') })

export const withdrawSchema = z.object({ reason: f.text(1000) })
export const withdrawLabels = (L: Lang) => ({ reason: announcementsT(L, 'field.reason') })

export const paperSchema = z.object({ personIds: f.list().pipe(z.array(z.uuid()).min(1)) })
export const paperLabels = (L: Lang) => ({ personIds: announcementsT(L, 'paper.field') })
