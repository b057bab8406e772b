import { randomBytes } from 'node:crypto'
import { inOrg, type Db } from '../../../db/client.js'
import { surveyPoints, surveyQuestions, surveys, type Question, type ServicePoint, type Survey } from '../surveys.schema.js'

/** A survey in an agency (an open, open-access survey of fiscal year 2566 unless told otherwise). */
export async function buildSurvey(db: Db, orgId: string, overrides: Partial<typeof surveys.$inferInsert> = {}): Promise<Survey> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx.insert(surveys).values({ orgId, title: `แบบสำรวจทดสอบ ${randomBytes(3).toString('hex')}`, fiscalYear: 2566, status: 'open', access: 'open', ...overrides }).returning()
    return row!
  })
}

/** Questions of every kind: a Likert, a single choice, a multiple choice, an optional long text. */
export async function buildQuestions(db: Db, orgId: string, surveyId: string): Promise<Question[]> {
  return inOrg(db, orgId, (tx) =>
    tx
      .insert(surveyQuestions)
      .values([
        { orgId, surveyId, position: 1, section: 'ด้านเจ้าหน้าที่', kind: 'likert' as const, textTh: 'เจ้าหน้าที่สุภาพ เต็มใจให้บริการ' },
        { orgId, surveyId, position: 2, section: 'ด้านเจ้าหน้าที่', kind: 'single' as const, textTh: 'มาติดต่อเรื่องใด', choices: [{ th: 'ภาษี', en: 'Tax' }, { th: 'ทะเบียน', en: 'Registry' }] },
        { orgId, surveyId, position: 3, section: 'ด้านสิ่งอำนวยความสะดวก', kind: 'multi' as const, textTh: 'สิ่งที่ควรปรับปรุง', choices: [{ th: 'ที่จอดรถ', en: 'Parking' }, { th: 'ป้ายบอกทาง', en: 'Signs' }, { th: 'ที่นั่งรอ', en: 'Seats' }], required: false },
        { orgId, surveyId, position: 4, section: 'ข้อเสนอแนะ', kind: 'long' as const, textTh: 'ข้อเสนอแนะ', required: false },
      ])
      .returning(),
  )
}

export async function buildPoint(db: Db, orgId: string, surveyId: string, name = `จุดบริการ ${randomBytes(2).toString('hex')}`): Promise<ServicePoint> {
  return inOrg(db, orgId, async (tx) => (await tx.insert(surveyPoints).values({ orgId, surveyId, name, position: 1 }).returning())[0]!)
}
