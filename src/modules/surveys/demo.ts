import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { loadReportData } from '../measures/index.js'
import { surveyPoints, surveyQuestions, surveyResponses, surveys, type Answers } from './surveys.schema.js'
import { templateOf } from './templates.js'

// The demo agency's FY2566 satisfaction survey: the standard form at three service points, opened
// in April 2566 (the seed: indicator 8 is "in progress" because the form had only just started),
// with a few hundred answer sheets to the end of the year — some on paper — linked as evidence to
// measures 3 and 6 and indicator 8.

export const DEMO_POINTS = ['งานทะเบียนราษฎร สำนักปลัด', 'กองคลัง งานจัดเก็บรายได้ (ภาษี)', 'กองช่าง (ขออนุญาตก่อสร้าง)'] as const
/** Sheets per point and month, April–September 2023. */
const PER_MONTH = [
  [14, 18, 17, 19, 16, 21],
  [9, 22, 12, 10, 11, 15],
  [6, 7, 8, 9, 7, 10],
] as const
const COMMENTS = [
  'เจ้าหน้าที่ให้บริการดีมาก รวดเร็ว',
  'อยากให้มีที่จอดรถเพิ่มขึ้น',
  'ควรมีป้ายบอกขั้นตอนการยื่นเอกสารให้ชัดเจนกว่านี้',
  'ชำระภาษีผ่าน QR Code สะดวกมาก ขอบคุณครับ',
  'รอคิวนานในช่วงเช้า อยากให้เพิ่มเจ้าหน้าที่',
  'เจ้าหน้าที่อธิบายเรื่องแบบแปลนได้เข้าใจง่าย',
]

/** A small deterministic generator, so the demo's figures are the same on every machine. */
function generator(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648
    return x / 2147483648
  }
}

/** Levels leaning to 4 and 5, a little lower at the building-permit counter (waiting times). */
const level = (r: number, point: number) => {
  const shift = point === 2 ? 0.12 : 0
  return r < 0.03 + shift / 3 ? 2 : r < 0.18 + shift ? 3 : r < 0.62 + shift ? 4 : 5
}

export async function loadSurveysDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const t = templateOf('service-satisfaction')!
  const surveyId = await inOrg(deps.db, org.id, async (tx) => {
    const [s] = await tx
      .insert(surveys)
      .values({ orgId: org.id, title: 'แบบประเมินความพึงพอใจต่อการให้บริการของเทศบาลตำบลพนมรุ้ง ประจำปีงบประมาณ 2566', intro: t.intro.th, fiscalYear: 2566, access: 'open', status: 'closed', closesOn: '2023-09-30' })
      .returning()
    const questions = await tx
      .insert(surveyQuestions)
      .values(t.questions.map((q, i) => ({ orgId: org.id, surveyId: s!.id, position: i + 1, section: q.section, kind: q.kind, textTh: q.th, textEn: q.en, choices: q.choices ?? [], required: q.required ?? true })))
      .returning()
    const points = await tx
      .insert(surveyPoints)
      .values(DEMO_POINTS.map((name, i) => ({ orgId: org.id, surveyId: s!.id, name, position: i + 1 })))
      .returning()
    const rnd = generator(2566)
    const sheets: (typeof surveyResponses.$inferInsert)[] = []
    PER_MONTH.forEach((months, p) =>
      months.forEach((n, m) => {
        for (let k = 0; k < n; k++) {
          const answers: Answers = {}
          for (const q of questions) {
            if (q.kind === 'likert') answers[q.id] = level(rnd(), p)
            else if (rnd() < 0.12) answers[q.id] = COMMENTS[Math.floor(rnd() * COMMENTS.length)]!
          }
          const day = 1 + Math.floor(rnd() * 28)
          sheets.push({ orgId: org.id, surveyId: s!.id, pointId: points[p]!.id, answeredOn: `2023-${String(4 + m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, via: rnd() < 0.2 ? 'paper' : 'web', answers, sealed: true })
        }
      }),
    )
    // Shuffled like the daily seal leaves them: no order of arrival.
    sheets.sort(() => rnd() - 0.5)
    for (let i = 0; i < sheets.length; i += 200) await tx.insert(surveyResponses).values(sheets.slice(i, i + 200))
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'surveys.demo', entityType: 'survey', entityId: s!.id, details: { responses: sheets.length, points: points.length } })
    return s!.id
  })

  const [o] = await deps.db.select().from(orgs).where(eq(orgs.id, org.id))
  if (!o) return
  const report = await loadReportData(deps.db, o, 2566, { approvedOnly: false })
  const activity = (order: number, words: string) => report.measures[order - 1]?.activities.find((a) => a.title.includes(words))?.id
  const plan = (n: number) => (report.plans.some((p) => p.indicator === n) ? `2566:${n}` : undefined)
  const targets = [
    { type: 'measures.activity', id: activity(3, 'ประเมิน') },
    { type: 'measures.activity', id: activity(6, 'ผู้มีส่วนได้เสีย') },
    { type: 'assessment.plan', id: plan(8) },
  ]
  await inOrg(deps.db, org.id, async (tx) => {
    for (const target of targets) if (target.id) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: 'surveys.survey', sourceId: surveyId, targetType: target.type, targetId: target.id, fiscalYear: 2566 }).onConflictDoNothing()
  })
}
