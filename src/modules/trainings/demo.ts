import { eq } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import { orgs, units } from '../../platform/orgs/orgs.schema.js'
import { peopleFor, STAFF_KINDS } from '../../platform/people/directory.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { loadReportData } from '../measures/index.js'
import { answers, attendees, certificates, evaluations, outsideCourses, questions, sessionQuestions, sessions, type Attendee, type Question, type Session } from './trainings.schema.js'
import { ANTI_CORRUPTION_TRAINING, ANTI_QUESTIONS, COI_QUESTIONS, COI_TRAINING, COMMENTS, OUTSIDE_COURSES, REPORTER, REPORTS, SIGNER } from './demo-texts.js'
import { EVIDENCE_TYPE } from './contracts.js'
import { newCode } from './certificates.js'

type DemoTraining = typeof COI_TRAINING | typeof ANTI_CORRUPTION_TRAINING

/** The demo's scores, per attendee k (0-based, staff present, by name) of a 5-question test: pre 1–3 (COI) or 2–4 (anti), post higher. */
export const DEMO_SCORES = {
  coi: (k: number) => ({ pre: (k % 3) + 1, post: Math.min(5, (k % 3) + 3 + (k % 2)) }),
  anti: (k: number) => ({ pre: (k % 3) + 2, post: Math.min(5, (k % 3) + 3 + (k % 2)) }),
}
/** The demo's evaluation of attendee k: five ratings 1–5. */
export const demoRatings = (k: number) => [k % 3 === 2 ? 4 : 5, k % 4 === 3 ? 4 : 5, 4, 4 + (k % 2), k % 5 === 4 ? 4 : 5]

async function insertQuestions(tx: Tx, orgId: string, subject: string, list: typeof COI_QUESTIONS): Promise<Question[]> {
  // The right answer sits at a different place in each question.
  const rows = list.map((q, i) => {
    const choices = [...q.wrong] as string[]
    choices.splice(i % 4, 0, q.right)
    return { orgId, subject, text: q.text, choices, correct: i % 4 }
  })
  return tx.insert(questions).values(rows).returning()
}

/** One demo training: published, every staff member and executive signed up, attendance, the tests, evaluations, the report and certificates. */
async function insertTraining(tx: Tx, orgId: string, d: DemoTraining, qs: Question[]): Promise<Session> {
  const { key, absent, outside, ...fields } = d
  const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.nameTh, 'งานนิติการ'))
  const at = new Date(`${d.startsOn}T08:45:00+07:00`)
  const [s] = await tx
    .insert(sessions)
    .values({ orgId, ...fields, unitId: unit?.id ?? null, fiscalYear: fiscalYearOf(d.startsOn), status: 'published', publishedAt: new Date(`${d.startsOn}T09:00:00+07:00`), createdAt: at, summary: REPORTS[key].summary, benefits: REPORTS[key].benefits, reporterName: REPORTER.name, reporterPosition: REPORTER.position, reportedAt: new Date(`${d.endsOn}T16:00:00+07:00`) })
    .returning()
  const list = await peopleFor(tx, { all: true, kinds: [...STAFF_KINDS, 'executive'] }, { on: d.startsOn })
  const rows: Attendee[] = list.length
    ? await tx
        .insert(attendees)
        .values(
          list.map((p, i) => {
            const away = absent.includes(p.fullName)
            return { orgId, sessionId: s!.id, personId: p.id, kind: 'staff' as const, name: p.fullName, position: p.position ?? '', status: away ? ('absent' as const) : ('present' as const), checkedInAt: away ? null : at, via: away ? null : i % 3 === 0 ? ('self' as const) : ('sheet' as const) }
          }),
        )
        .returning()
    : []
  const others = outside.length ? await tx.insert(attendees).values(outside.map((o) => ({ orgId, sessionId: s!.id, kind: 'outside' as const, ...o, status: 'present' as const, checkedInAt: at, via: 'sheet' as const }))).returning() : []
  await tx.insert(sessionQuestions).values(qs.map((q, i) => ({ orgId, sessionId: s!.id, questionId: q.id, position: i + 1 })))
  const present = rows.filter((a) => a.status === 'present').sort((a, b) => a.name.localeCompare(b.name, 'th'))
  const hasAccount = new Set(list.filter((p) => p.userId).map((p) => p.id))
  const choicesFor = (score: number) => Object.fromEntries(qs.map((q, i) => [q.id, i < score ? q.correct : (q.correct + 1) % q.choices.length]))
  for (const [k, a] of present.entries()) {
    const sc = DEMO_SCORES[key](k)
    const via = hasAccount.has(a.personId!) ? ('self' as const) : ('link' as const)
    await tx.insert(answers).values([
      { orgId, sessionId: s!.id, attendeeId: a.id, phase: 'pre', choices: choicesFor(sc.pre), score: sc.pre, total: qs.length, via, submittedAt: new Date(`${d.startsOn}T09:05:00+07:00`) },
      { orgId, sessionId: s!.id, attendeeId: a.id, phase: 'post', choices: choicesFor(sc.post), score: sc.post, total: qs.length, via, submittedAt: new Date(`${d.endsOn}T15:30:00+07:00`) },
    ])
    await tx.insert(evaluations).values({ orgId, sessionId: s!.id, attendeeId: a.id, ratings: demoRatings(k), comment: k % 4 === 1 ? COMMENTS[(k >> 2) % COMMENTS.length]! : '', via, submittedAt: new Date(`${d.endsOn}T15:45:00+07:00`) })
  }
  const certified = [...present, ...others]
  if (certified.length) await tx.insert(certificates).values(certified.map((a) => ({ orgId, sessionId: s!.id, attendeeId: a.id, code: newCode(), name: a.name, signerName: SIGNER.name, signerPosition: SIGNER.position, issuedOn: d.endsOn })))
  return s!
}

/**
 * The demo agency's FY2566 trainings of measures 2 and 6: conflicts of interest (February) and
 * anti-corruption with community leaders (June), with attendance, pre/post tests showing improvement,
 * evaluations, reports and certificates; a few outside courses; linked as evidence to measures 2 and 6.
 */
export async function loadTrainingsDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const made = await inOrg(deps.db, org.id, async (tx) => {
    const coiQs = await insertQuestions(tx, org.id, 'ผลประโยชน์ทับซ้อน', COI_QUESTIONS)
    const antiQs = await insertQuestions(tx, org.id, 'การป้องกันการทุจริต', ANTI_QUESTIONS)
    const out = [await insertTraining(tx, org.id, COI_TRAINING, coiQs), await insertTraining(tx, org.id, ANTI_CORRUPTION_TRAINING, antiQs)]
    const people = await peopleFor(tx, { all: true })
    for (const c of OUTSIDE_COURSES) {
      const p = people.find((x) => x.fullName === c.person)
      const { person: _person, ...course } = c
      if (p) await tx.insert(outsideCourses).values({ orgId: org.id, personId: p.id, ...course, fiscalYear: fiscalYearOf(c.startsOn) })
    }
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'trainings.demo', entityType: 'training_session', details: { sessions: out.map((s) => s.id), outsideCourses: OUTSIDE_COURSES.length } })
    return out
  })

  // Measure 2 (training on conflicts of interest) and measure 6 (training on conflicts of interest and
  // corruption for stakeholders) of the seed name these trainings: both are evidence of both activities.
  const [o] = await deps.db.select().from(orgs).where(eq(orgs.id, org.id))
  if (!o) return
  const report = await loadReportData(deps.db, o, 2566, { approvedOnly: false })
  const activity = (order: number) => report.measures[order - 1]?.activities.find((a) => a.title.includes('อบรม'))?.id
  const targets = [activity(2), activity(6)].filter((x): x is string => !!x)
  await inOrg(deps.db, org.id, async (tx) => {
    for (const s of made) for (const id of targets) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: EVIDENCE_TYPE, sourceId: s.id, targetType: 'measures.activity', targetId: id, fiscalYear: 2566 }).onConflictDoNothing()
  })
}
