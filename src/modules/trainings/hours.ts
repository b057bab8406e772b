import { and, desc, eq, sql } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import type { CheckedFile } from '../../platform/http/forms.js'
import { deleteFile, getFile, putFile, type FileMeta } from '../../platform/files/files.service.js'
import { personById, personOfUser, type Person } from '../../platform/people/directory.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { attendees, certificates, outsideCourses, sessions, type OutsideCourse } from './trainings.schema.js'
import { audit, both, notFound } from './shared.js'

// The training record of a person: the agency's own trainings they were present at and the outside
// courses they attended (name, organiser, dates, hours, certificate file), with hours per fiscal year.

export const CERTIFICATE_FILE = { types: { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }, maxBytes: 10 * 1024 * 1024, max: 1 } as const

export type HoursRow = { personId: string; fullName: string; position: string | null; sessions: number; sessionHours: number; courses: number; courseHours: number; total: number }

/** Hours per person in a fiscal year, from both sources (everyone with at least one), most hours first. */
export async function hoursByPerson(ctx: OrgUseCaseCtx, fiscalYear: number): Promise<HoursRow[]> {
  assertCan(ctx.actor, 'trainings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const rows = await tx.execute<{ person_id: string; full_name: string; position: string | null; sessions: number; session_hours: string; courses: number; course_hours: string }>(sql`
      WITH own AS (
        SELECT a.person_id, count(*)::int AS n, sum(s.hours) AS h FROM trainings_attendees a JOIN trainings_sessions s ON s.org_id = a.org_id AND s.id = a.session_id
        WHERE a.status = 'present' AND a.person_id IS NOT NULL AND s.fiscal_year = ${fiscalYear} GROUP BY a.person_id),
      outside AS (SELECT person_id, count(*)::int AS n, sum(hours) AS h FROM trainings_outside_courses WHERE fiscal_year = ${fiscalYear} GROUP BY person_id)
      SELECT p.id AS person_id, p.full_name, p.position, coalesce(own.n, 0) AS sessions, coalesce(own.h, 0) AS session_hours, coalesce(outside.n, 0) AS courses, coalesce(outside.h, 0) AS course_hours
      FROM people p LEFT JOIN own ON own.person_id = p.id LEFT JOIN outside ON outside.person_id = p.id
      WHERE own.person_id IS NOT NULL OR outside.person_id IS NOT NULL`)
    return rows.rows
      .map((r) => ({ personId: r.person_id, fullName: r.full_name, position: r.position, sessions: r.sessions, sessionHours: Number(r.session_hours), courses: r.courses, courseHours: Number(r.course_hours), total: Number(r.session_hours) + Number(r.course_hours) }))
      .sort((a, b) => b.total - a.total || a.fullName.localeCompare(b.fullName, 'th'))
  })
}

export type RecordEntry = { kind: 'session' | 'course'; id: string; name: string; organiser: string; startsOn: string; endsOn: string; fiscalYear: number; hours: number; certificate: string | null; fileId: string | null }
export type PersonRecord = { person: Person; entries: RecordEntry[]; years: { fiscalYear: number; hours: number }[] }

/** A person's training record, newest first, with the hours of each fiscal year. */
export async function personRecord(ctx: OrgUseCaseCtx, personId: string, orgName: string): Promise<PersonRecord> {
  assertCan(ctx.actor, 'trainings.read')
  if (!isUuid(personId)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const person = await personById(tx, personId)
    if (!person) throw notFound()
    return recordIn(tx, person, orgName)
  })
}

export type MyRecord = PersonRecord & { open: { id: string; topic: string; startsOn: string; status: string }[] }

/** The signed-in person's own record, and the published trainings they are signed up for (to check in and answer); null without a person. */
export async function myRecord(ctx: OrgUseCaseCtx, orgName: string): Promise<MyRecord | null> {
  assertCan(ctx.actor, 'trainings.checkin')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const person = await personOfUser(tx, actor.userId)
    if (!person) return null
    const open = await tx
      .select({ id: sessions.id, topic: sessions.topic, startsOn: sessions.startsOn, status: attendees.status })
      .from(attendees)
      .innerJoin(sessions, and(eq(sessions.orgId, attendees.orgId), eq(sessions.id, attendees.sessionId)))
      .where(and(eq(attendees.personId, person.id), eq(sessions.status, 'published')))
      .orderBy(desc(sessions.startsOn))
    return { ...(await recordIn(tx, person, orgName)), open }
  })
}

async function recordIn(tx: Tx, person: Person, orgName: string): Promise<PersonRecord> {
  const own = await tx
    .select({ s: sessions, code: certificates.code })
    .from(attendees)
    .innerJoin(sessions, and(eq(sessions.orgId, attendees.orgId), eq(sessions.id, attendees.sessionId)))
    .leftJoin(certificates, and(eq(certificates.orgId, attendees.orgId), eq(certificates.attendeeId, attendees.id)))
    .where(and(eq(attendees.personId, person.id), eq(attendees.status, 'present')))
  const courses = await tx.select().from(outsideCourses).where(eq(outsideCourses.personId, person.id))
  const entries: RecordEntry[] = [
    ...own.map(({ s, code }) => ({ kind: 'session' as const, id: s.id, name: s.topic, organiser: orgName, startsOn: s.startsOn, endsOn: s.endsOn, fiscalYear: s.fiscalYear, hours: s.hours, certificate: code, fileId: null })),
    ...courses.map((c) => ({ kind: 'course' as const, id: c.id, name: c.name, organiser: c.organiser, startsOn: c.startsOn, endsOn: c.endsOn, fiscalYear: c.fiscalYear, hours: c.hours, certificate: null, fileId: c.certificateFileId })),
  ].sort((a, b) => b.startsOn.localeCompare(a.startsOn))
  const byYear = new Map<number, number>()
  for (const e of entries) byYear.set(e.fiscalYear, (byYear.get(e.fiscalYear) ?? 0) + e.hours)
  return { person, entries, years: [...byYear].map(([fiscalYear, hours]) => ({ fiscalYear, hours })).sort((a, b) => b.fiscalYear - a.fiscalYear) }
}

export type CourseInput = { name: string; organiser: string; startsOn: string; endsOn: string; hours: number }

function check(input: CourseInput): void {
  if (input.endsOn < input.startsOn) throw new InputError({ endsOn: both('v.endsBeforeStart') })
}

async function storeCertificate(tx: Tx, orgId: string, userId: string, file: CheckedFile | undefined): Promise<FileMeta | null> {
  return file ? putFile(tx, orgId, { name: file.name, bytes: file.bytes, isPublic: false, createdBy: userId, allowed: CERTIFICATE_FILE.types, maxBytes: CERTIFICATE_FILE.maxBytes }) : null
}

export async function addCourse(ctx: OrgUseCaseCtx, personId: string, input: CourseInput, file?: CheckedFile): Promise<OutsideCourse> {
  assertCan(ctx.actor, 'trainings.edit')
  check(input)
  const actor = ctx.actor
  if (!isUuid(personId)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    if (!(await personById(tx, personId))) throw notFound()
    const stored = await storeCertificate(tx, ctx.orgId, actor.userId, file)
    const [c] = await tx.insert(outsideCourses).values({ orgId: ctx.orgId, personId, ...input, fiscalYear: fiscalYearOf(input.startsOn), certificateFileId: stored?.id ?? null, createdBy: actor.userId }).returning()
    await audit(tx, ctx, 'course.create', 'training_outside_course', c!.id, { personId, name: c!.name, hours: c!.hours, file: !!stored })
    return c!
  })
}

export async function getCourse(ctx: OrgUseCaseCtx, id: string): Promise<OutsideCourse> {
  assertCan(ctx.actor, 'trainings.read')
  if (!isUuid(id)) throw notFound()
  const [c] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(outsideCourses).where(eq(outsideCourses.id, id)))
  if (!c) throw notFound()
  return c
}

/** Edits a course; a new certificate file replaces the old one. */
export async function updateCourse(ctx: OrgUseCaseCtx, id: string, input: CourseInput, file?: CheckedFile): Promise<OutsideCourse> {
  assertCan(ctx.actor, 'trainings.edit')
  check(input)
  const actor = ctx.actor
  if (!isUuid(id)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [before] = await tx.select().from(outsideCourses).where(eq(outsideCourses.id, id)).for('update')
    if (!before) throw notFound()
    const stored = await storeCertificate(tx, ctx.orgId, actor.userId, file)
    const [c] = await tx.update(outsideCourses).set({ ...input, fiscalYear: fiscalYearOf(input.startsOn), certificateFileId: stored?.id ?? before.certificateFileId, updatedAt: sql`now()` }).where(eq(outsideCourses.id, id)).returning()
    if (stored && before.certificateFileId) await deleteFile(tx, ctx.orgId, before.certificateFileId)
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => before[k as keyof CourseInput] !== v).map(([k, v]) => [k, { from: before[k as keyof CourseInput], to: v }]))
    await audit(tx, ctx, 'course.update', 'training_outside_course', id, { changed, file: stored ? 'replaced' : 'kept' })
    return c!
  })
}

export async function deleteCourse(ctx: OrgUseCaseCtx, id: string): Promise<OutsideCourse> {
  assertCan(ctx.actor, 'trainings.edit')
  if (!isUuid(id)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [c] = await tx.select().from(outsideCourses).where(eq(outsideCourses.id, id)).for('update')
    if (!c) throw notFound()
    await tx.delete(outsideCourses).where(eq(outsideCourses.id, id))
    if (c.certificateFileId) await deleteFile(tx, ctx.orgId, c.certificateFileId)
    await audit(tx, ctx, 'course.delete', 'training_outside_course', id, { personId: c.personId, name: c.name })
    return c
  })
}

/** A course's certificate file, for staff who may read the records. */
export async function courseFile(ctx: OrgUseCaseCtx, id: string) {
  const c = await getCourse(ctx, id)
  if (!c.certificateFileId) throw notFound()
  const f = await inOrg(ctx.db, ctx.orgId, (tx) => getFile(tx, c.certificateFileId!))
  if (!f) throw notFound()
  return f
}

export const latestYears = (rows: { fiscalYear: number }[]) => [...new Set(rows.map((r) => r.fiscalYear))].sort((a, b) => b - a)
