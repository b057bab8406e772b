import { randomBytes } from 'node:crypto'
import { inOrg, type Db } from '../../../db/client.js'
import { fiscalYearOf } from '../../../platform/thai/index.js'
import { people } from '../../../platform/people/people.schema.js'
import { putFile } from '../../../platform/files/files.service.js'
import { agendaItems, attendees, meetingPhotos, meetings, type AgendaItem, type Attendee, type Meeting, type MeetingPhoto } from '../meetings.schema.js'

// A counter, not a random number: three random meetings in one year collided on (kind, year, number).
let nextNumber = 50

/** A meeting in an agency (a planned monthly meeting on 2023-03-28 unless told otherwise). */
export async function buildMeeting(db: Db, orgId: string, overrides: Partial<typeof meetings.$inferInsert> = {}): Promise<Meeting> {
  return inOrg(db, orgId, async (tx) => {
    const heldOn = overrides.heldOn ?? '2023-03-28'
    const [row] = await tx
      .insert(meetings)
      .values({ orgId, kind: 'monthly', title: `การประชุมทดสอบ ${randomBytes(3).toString('hex')}`, number: nextNumber++, fiscalYear: fiscalYearOf(heldOn), heldOn, startsAt: '09:00', place: 'ห้องประชุมทดสอบ', chairName: 'นายประธาน ทดสอบ', ...overrides })
      .returning()
    return row!
  })
}

export async function buildItem(db: Db, orgId: string, meetingId: string, overrides: Partial<typeof agendaItems.$inferInsert> = {}): Promise<AgendaItem> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx.insert(agendaItems).values({ orgId, meetingId, section: 4, position: 1, title: 'เรื่องทดสอบ', ...overrides }).returning()
    return row!
  })
}

export async function buildAttendee(db: Db, orgId: string, meetingId: string, overrides: Partial<typeof attendees.$inferInsert> = {}): Promise<Attendee> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx.insert(attendees).values({ orgId, meetingId, name: `ผู้ทดสอบ ${randomBytes(3).toString('hex')}`, ...overrides }).returning()
    return row!
  })
}

/** A person of the agency's directory (a local official unless told otherwise). */
export async function buildPerson(db: Db, orgId: string, overrides: Partial<typeof people.$inferInsert> = {}): Promise<{ id: string; fullName: string }> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx.insert(people).values({ orgId, fullName: `นายบุคลากร ${randomBytes(3).toString('hex')}`, position: 'นักจัดการงานทั่วไป', kind: 'local_official', ...overrides }).returning({ id: people.id, fullName: people.fullName })
    return row!
  })
}

/** The smallest valid PNG (1×1, transparent): a photo the files service accepts by its content. */
export const TINY_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'))

/** A photo of a meeting, its bytes stored through the platform files service (TINY_PNG unless told otherwise). */
export async function buildPhoto(db: Db, orgId: string, meetingId: string, overrides: Partial<typeof meetingPhotos.$inferInsert> & { bytes?: Uint8Array } = {}): Promise<MeetingPhoto> {
  const { bytes = TINY_PNG, ...row } = overrides
  return inOrg(db, orgId, async (tx) => {
    const file = await putFile(tx, orgId, { name: 'photo.png', bytes, isPublic: false })
    const [photo] = await tx.insert(meetingPhotos).values({ orgId, meetingId, fileId: file.id, caption: 'ภาพการประชุมทดสอบ', position: 1, ...row }).returning()
    return photo!
  })
}
