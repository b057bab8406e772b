import { randomBytes } from 'node:crypto'
import { inOrg, type Db } from '../../../db/client.js'
import { fiscalYearOf } from '../../../platform/thai/index.js'
import { people } from '../../../platform/people/people.schema.js'
import { attendees, certificates, outsideCourses, questions, sessions, type Attendee, type Certificate, type OutsideCourse, type Question, type Session } from '../trainings.schema.js'

/** A session in an agency (a one-day draft on 2023-03-15, FY2566, unless told otherwise). */
export async function buildSession(db: Db, orgId: string, overrides: Partial<typeof sessions.$inferInsert> = {}): Promise<Session> {
  return inOrg(db, orgId, async (tx) => {
    const startsOn = overrides.startsOn ?? '2023-03-15'
    const [row] = await tx
      .insert(sessions)
      .values({ orgId, topic: `การอบรมทดสอบ ${randomBytes(3).toString('hex')}`, startsOn, endsOn: startsOn, fiscalYear: fiscalYearOf(startsOn), hours: 3, trainerKind: 'inside', trainerName: 'นายวิทยากร ทดสอบ', mode: 'onsite', place: 'ห้องประชุมทดสอบ', targetGroup: 'บุคลากรทุกคน', ...overrides })
      .returning()
    return row!
  })
}

export async function buildAttendee(db: Db, orgId: string, sessionId: string, overrides: Partial<typeof attendees.$inferInsert> = {}): Promise<Attendee> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx.insert(attendees).values({ orgId, sessionId, kind: 'outside', name: `ผู้เข้าอบรม ${randomBytes(3).toString('hex')}`, ...overrides }).returning()
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

/** A question of the agency's bank (four choices, the second correct, unless told otherwise). */
export async function buildQuestion(db: Db, orgId: string, overrides: Partial<typeof questions.$inferInsert> = {}): Promise<Question> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx.insert(questions).values({ orgId, text: `คำถามทดสอบ ${randomBytes(3).toString('hex')}`, choices: ['ก', 'ข', 'ค', 'ง'], correct: 1, ...overrides }).returning()
    return row!
  })
}

/** An outside course of a person (FY2566, 6 hours, unless told otherwise). */
export async function buildCourse(db: Db, orgId: string, personId: string, overrides: Partial<typeof outsideCourses.$inferInsert> = {}): Promise<OutsideCourse> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx.insert(outsideCourses).values({ orgId, personId, name: `หลักสูตรภายนอก ${randomBytes(3).toString('hex')}`, organiser: 'สถาบันพัฒนาบุคลากรท้องถิ่น', startsOn: '2023-05-10', endsOn: '2023-05-10', fiscalYear: 2566, hours: 6, ...overrides }).returning()
    return row!
  })
}

/** A certificate of an attendee (code made up unless told). */
export async function buildCertificate(db: Db, orgId: string, sessionId: string, attendeeId: string): Promise<Certificate> {
  return inOrg(db, orgId, async (tx) => {
    const hex = randomBytes(6).toString('hex').toUpperCase()
    const [row] = await tx.insert(certificates).values({ orgId, sessionId, attendeeId, code: `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`, name: 'ผู้รับทดสอบ', signerName: 'นายผู้ลงนาม ทดสอบ', issuedOn: '2023-03-15' }).returning()
    return row!
  })
}

/** A 1 × 1 PNG (a photo for tests). */
export const TINY_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'))
