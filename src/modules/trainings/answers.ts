import { and, asc, count, eq, inArray } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import type { FormValues } from '../../platform/http/forms.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { fromThaiDigits } from '../../platform/thai/index.js'
import { personById, personOfUser } from '../../platform/people/directory.js'
import { issuePersonLinks, openPersonLink, redeemPersonLink, type PersonLinkPurpose } from '../../platform/people/person-links.js'
import { trainingsT } from './trainings.i18n.js'
import { answers, attendees, evaluations, questions, sessionQuestions, type Answer, type AnswerVia, type Attendee, type Evaluation, type Question, type Session } from './trainings.schema.js'
import { EVALUATION_ITEMS, LINK_DAYS, TEST_QUESTIONS, type Phase } from './rules.js'
import { reportFigures, type ReportFigures } from './figures.js'
import { audit, both, conflict, isOpen, lockSession, notFound, sessionIn } from './shared.js'

// A session's test (questions drawn from the bank, the same before and after), the answers to it
// and the evaluation: answered by the signed-in person on a phone, or through a single-use link
// (platform person_links) by people without an account. Scored when submitted.

export const FORMS = ['pre', 'post', 'eval'] as const
export type AnswerForm = (typeof FORMS)[number]
export const purposeOf = (form: AnswerForm): PersonLinkPurpose => `trainings.${form}`

export async function testQuestions(tx: Tx, sessionId: string): Promise<Question[]> {
  const rows = await tx.select({ q: questions }).from(sessionQuestions).innerJoin(questions, and(eq(questions.orgId, sessionQuestions.orgId), eq(questions.id, sessionQuestions.questionId))).where(eq(sessionQuestions.sessionId, sessionId)).orderBy(asc(sessionQuestions.position))
  return rows.map((r) => r.q)
}

export type SessionResults = { session: Session; attendees: Attendee[]; questions: Question[]; answers: Answer[]; evaluations: Evaluation[]; figures: ReportFigures }

/** Everything the results page and the report need: attendance, the test, every answer and evaluation, and the figures. */
export async function sessionResults(ctx: OrgUseCaseCtx, id: string): Promise<SessionResults> {
  assertCan(ctx.actor, 'trainings.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => resultsIn(tx, id))
}

export async function resultsIn(tx: Tx, id: string): Promise<SessionResults> {
  const session = await sessionIn(tx, id)
  if (!session) throw notFound()
  const list = await tx.select().from(attendees).where(eq(attendees.sessionId, id)).orderBy(attendees.kind, attendees.name)
  const qs = await testQuestions(tx, id)
  const as = await tx.select().from(answers).where(eq(answers.sessionId, id)).orderBy(answers.submittedAt)
  const es = await tx.select().from(evaluations).where(eq(evaluations.sessionId, id)).orderBy(evaluations.submittedAt)
  return { session, attendees: list, questions: qs, answers: as, evaluations: es, figures: reportFigures(list, as, es) }
}

/** Sets a session's test from the bank (in the order given); refused once anyone has answered it. */
export async function setTest(ctx: OrgUseCaseCtx, sessionId: string, questionIds: string[]): Promise<number> {
  assertCan(ctx.actor, 'trainings.edit')
  const ids = [...new Set(questionIds)]
  if (ids.length < TEST_QUESTIONS.min || ids.length > TEST_QUESTIONS.max) throw new InputError({ questionIds: both('v.testSize', { min: TEST_QUESTIONS.min, max: TEST_QUESTIONS.max }) })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await lockSession(tx, sessionId)
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(answers).where(eq(answers.sessionId, sessionId))
    if (n > 0) throw conflict('test.answered')
    const found = await tx.select({ id: questions.id }).from(questions).where(inArray(questions.id, ids))
    if (found.length !== ids.length) throw new InputError({ questionIds: both('v.question') })
    await tx.delete(sessionQuestions).where(eq(sessionQuestions.sessionId, sessionId))
    await tx.insert(sessionQuestions).values(ids.map((questionId, i) => ({ orgId: ctx.orgId, sessionId, questionId, position: i + 1 })))
    await audit(tx, ctx, 'test.set', 'training_session', sessionId, { questions: ids.length })
    return ids.length
  })
}

// ---- answering ----

export type Answering = { session: Session; attendee: Attendee; form: AnswerForm; questions: Question[] }

/** Whether an attendee may answer a form now: the session published, a test set, not answered before, the pre-test not after the post-test. */
async function mayAnswer(tx: Tx, session: Session, attendee: Attendee, form: AnswerForm): Promise<Answering> {
  if (!isOpen(session)) throw conflict('closed')
  const qs = form === 'eval' ? [] : await testQuestions(tx, session.id)
  if (form !== 'eval' && qs.length === 0) throw conflict('answer.noTest')
  if (form === 'eval') {
    const [done] = await tx.select({ id: evaluations.id }).from(evaluations).where(and(eq(evaluations.sessionId, session.id), eq(evaluations.attendeeId, attendee.id)))
    if (done) throw conflict('answer.done')
  } else {
    const mine = await tx.select({ phase: answers.phase }).from(answers).where(and(eq(answers.sessionId, session.id), eq(answers.attendeeId, attendee.id)))
    if (mine.some((a) => a.phase === form)) throw conflict('answer.done')
    if (form === 'pre' && mine.some((a) => a.phase === 'post')) throw conflict('answer.preAfterPost')
  }
  return { session, attendee, form, questions: qs }
}

export type ParsedAnswer = { kind: 'test'; choices: Record<string, number> } | { kind: 'eval'; ratings: number[]; comment: string }

/** Reads an answer form: every question answered with one of its choices, every statement rated 1–5. Field errors keyed `q_<id>` / `r_<item>`. */
export function parseAnswer(a: Pick<Answering, 'form' | 'questions'>, values: FormValues, lang: Lang): { ok: true; answer: ParsedAnswer } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const one = (k: string) => {
    const v = values[k]
    return fromThaiDigits(String(Array.isArray(v) ? (v[0] ?? '') : (v ?? ''))).trim()
  }
  if (a.form === 'eval') {
    const ratings = EVALUATION_ITEMS.map((item, i) => {
      const n = Number(one(`r_${item}`))
      if (!Number.isInteger(n) || n < 1 || n > 5 || !one(`r_${item}`)) errors[`r_${item}`] = trainingsT(lang, 'v.rating', { n: i + 1 })
      return n
    })
    const comment = one('comment')
    if (comment.length > 2000) errors.comment = trainingsT(lang, 'v.comment')
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answer: { kind: 'eval', ratings, comment } }
  }
  const choices: Record<string, number> = {}
  a.questions.forEach((q, i) => {
    const raw = one(`q_${q.id}`)
    const n = Number(raw)
    if (!raw || !Number.isInteger(n) || n < 0 || n >= q.choices.length) errors[`q_${q.id}`] = trainingsT(lang, 'v.answer', { n: i + 1 })
    else choices[q.id] = n
  })
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answer: { kind: 'test', choices } }
}

export type Submitted = { form: AnswerForm; score: number | null; total: number | null }

async function record(tx: Tx, a: Answering, answer: ParsedAnswer, via: AnswerVia, actor: { orgId: string; requestId: string | null; actor: { userId: string; email: string } | null; label?: string }): Promise<Submitted> {
  if (answer.kind === 'eval') {
    await tx.insert(evaluations).values({ orgId: a.session.orgId, sessionId: a.session.id, attendeeId: a.attendee.id, ratings: answer.ratings, comment: answer.comment, via })
    await audit(tx, actor, 'evaluate', 'training_attendee', a.attendee.id, { sessionId: a.session.id, via }, actor.label)
    return { form: 'eval', score: null, total: null }
  }
  const score = a.questions.filter((q) => answer.choices[q.id] === q.correct).length
  await tx.insert(answers).values({ orgId: a.session.orgId, sessionId: a.session.id, attendeeId: a.attendee.id, phase: a.form as Phase, choices: answer.choices, score, total: a.questions.length, via })
  await audit(tx, actor, `test.${a.form}`, 'training_attendee', a.attendee.id, { sessionId: a.session.id, score, total: a.questions.length, via }, actor.label)
  return { form: a.form, score, total: a.questions.length }
}

// ---- signed in ----

async function mineIn(tx: Tx, userId: string, sessionId: string): Promise<{ session: Session; attendee: Attendee }> {
  const session = await sessionIn(tx, sessionId)
  if (!session) throw notFound()
  const person = await personOfUser(tx, userId)
  if (!person) throw conflict('checkin.noPerson')
  const [attendee] = await tx.select().from(attendees).where(and(eq(attendees.sessionId, sessionId), eq(attendees.personId, person.id)))
  if (!attendee) throw conflict('answer.notSignedUp')
  return { session, attendee }
}

/** The form the signed-in person would answer (409 with the reason when they may not). */
export async function myAnswering(ctx: OrgUseCaseCtx, sessionId: string, form: AnswerForm): Promise<Answering> {
  assertCan(ctx.actor, 'trainings.checkin')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const { session, attendee } = await mineIn(tx, actor.userId, sessionId)
    return mayAnswer(tx, session, attendee, form)
  })
}

export async function submitMine(ctx: OrgUseCaseCtx, sessionId: string, form: AnswerForm, values: FormValues): Promise<Submitted> {
  assertCan(ctx.actor, 'trainings.checkin')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const session = await lockSession(tx, sessionId)
    const { attendee } = await mineIn(tx, actor.userId, session.id)
    const a = await mayAnswer(tx, session, attendee, form)
    const parsed = parseAnswer(a, values, ctx.lang)
    if (!parsed.ok) throw new InputError(Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, { th: v, en: v }])))
    return record(tx, a, parsed.answer, 'self', { orgId: ctx.orgId, requestId: ctx.requestId, actor })
  })
}

// ---- single-use links ----

export type IssuedAnswerLink = { attendee: Attendee; token: string; expiresAt: Date }

/** Issues each staff attendee without an account a single-use link for one form of the session (re-issuing replaces unused ones). */
export async function issueAnswerLinks(ctx: OrgUseCaseCtx, sessionId: string, form: AnswerForm): Promise<IssuedAnswerLink[]> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const session = await lockSession(tx, sessionId)
    if (!isOpen(session)) throw conflict('closed')
    if (form !== 'eval' && (await testQuestions(tx, sessionId)).length === 0) throw conflict('answer.noTest')
    const list = await tx.select().from(attendees).where(and(eq(attendees.sessionId, sessionId), eq(attendees.kind, 'staff'))).orderBy(attendees.name)
    const withoutAccount: Attendee[] = []
    for (const a of list) {
      const p = a.personId ? await personById(tx, a.personId) : null
      if (p && !p.userId) withoutAccount.push(a)
    }
    const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000)
    const issued = await issuePersonLinks(tx, { orgId: ctx.orgId, purpose: purposeOf(form), ref: sessionId, personIds: withoutAccount.map((a) => a.personId!), expiresAt })
    // A link already used stays used (its answer is on record): only the open ones are handed out.
    const open: IssuedAnswerLink[] = []
    for (const l of issued) if (await openPersonLink(tx, l.token, purposeOf(form))) open.push({ attendee: withoutAccount.find((a) => a.personId === l.personId)!, token: l.token, expiresAt })
    await audit(tx, ctx, 'link.issue', 'training_session', sessionId, { form, people: open.length, expiresAt: expiresAt.toISOString() })
    return open
  })
}

async function linkIn(tx: Tx, token: string): Promise<{ form: AnswerForm; session: Session; attendee: Attendee } | null> {
  for (const form of FORMS) {
    const link = await openPersonLink(tx, token, purposeOf(form))
    if (!link) continue
    const session = await sessionIn(tx, link.ref)
    const [attendee] = session ? await tx.select().from(attendees).where(and(eq(attendees.sessionId, session.id), eq(attendees.personId, link.personId))) : []
    return session && attendee ? { form, session, attendee } : null
  }
  return null
}

/** What a link opens (without using it); null when used, expired, replaced or unknown; 409 when the form cannot be answered now. */
export async function openAnswerLink(db: Db, orgId: string, token: string): Promise<Answering | null> {
  return inOrg(db, orgId, async (tx) => {
    const l = await linkIn(tx, token)
    return l ? mayAnswer(tx, l.session, l.attendee, l.form) : null
  })
}

/** Records the answer a link is for and uses the link in the same transaction; null when the link is spent (a racing submit too). */
export async function submitByLink(db: Db, orgId: string, token: string, values: FormValues, lang: Lang, requestId: string | null): Promise<Submitted | null> {
  return inOrg(db, orgId, async (tx) => {
    const l = await linkIn(tx, token)
    if (!l) return null
    const session = await lockSession(tx, l.session.id)
    const a = await mayAnswer(tx, session, l.attendee, l.form)
    const parsed = parseAnswer(a, values, lang)
    if (!parsed.ok) throw new InputError(Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, { th: v, en: v }])))
    const used = await redeemPersonLink(tx, token, purposeOf(l.form))
    if (!used) return null
    return record(tx, a, parsed.answer, 'link', { orgId, requestId, actor: null, label: `person-link:${used.id}` })
  })
}

// ---- typed in from paper by staff ----

async function attendeeIn(tx: Tx, sessionId: string, attendeeId: string): Promise<Attendee> {
  if (!isUuid(attendeeId)) throw notFound()
  const [a] = await tx.select().from(attendees).where(and(eq(attendees.sessionId, sessionId), eq(attendees.id, attendeeId)))
  if (!a) throw notFound()
  return a
}

/** The form staff type a paper answer into, for any attendee (outside attendees too); 409 with the reason when it cannot be. */
export async function paperAnswering(ctx: OrgUseCaseCtx, sessionId: string, attendeeId: string, form: AnswerForm): Promise<Answering> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const session = await sessionIn(tx, sessionId)
    if (!session) throw notFound()
    return mayAnswer(tx, session, await attendeeIn(tx, sessionId, attendeeId), form)
  })
}

export async function submitPaper(ctx: OrgUseCaseCtx, sessionId: string, attendeeId: string, form: AnswerForm, values: FormValues): Promise<Submitted> {
  assertCan(ctx.actor, 'trainings.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const session = await lockSession(tx, sessionId)
    const a = await mayAnswer(tx, session, await attendeeIn(tx, sessionId, attendeeId), form)
    const parsed = parseAnswer(a, values, ctx.lang)
    if (!parsed.ok) throw new InputError(Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, { th: v, en: v }])))
    return record(tx, a, parsed.answer, 'paper', { orgId: ctx.orgId, requestId: ctx.requestId, actor })
  })
}
