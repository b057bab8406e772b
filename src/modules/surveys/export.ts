import ExcelJS from 'exceljs'
import type { Lang } from '../../platform/i18n/i18n.js'
import { surveysT } from './surveys.i18n.js'
import type { SurveyResults } from './results.js'

const LIKERT = [1, 2, 3, 4, 5] as const

/** The results as XLSX: one row per question (answered, mean, each level or choice), then free texts when allowed. */
export async function resultsXlsx(r: SurveyResults, L: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Prongsai'
  const ws = wb.addWorksheet(surveysT(L, 'xlsx.summary'))
  ws.addRow([r.s.title])
  ws.addRow([surveysT(L, 'xlsx.total'), r.total])
  ws.addRow([])
  const header = [surveysT(L, 'xlsx.no'), surveysT(L, 'xlsx.section'), surveysT(L, 'xlsx.question'), surveysT(L, 'xlsx.answered'), surveysT(L, 'xlsx.mean'), ...LIKERT.map((v) => surveysT(L, `likert.${v}`))]
  ws.addRow(header).font = { bold: true }
  for (const x of r.questions) {
    const text = L === 'en' && x.q.textEn ? x.q.textEn : x.q.textTh
    if (x.q.kind === 'likert') ws.addRow([x.q.position, x.q.section, text, x.answered, x.mean, ...x.dist])
    else if (x.q.kind === 'single' || x.q.kind === 'multi') {
      ws.addRow([x.q.position, x.q.section, text, x.answered])
      x.q.choices.forEach((c, i) => ws.addRow(['', '', `  ${L === 'en' && c.en ? c.en : c.th}`, x.dist[i]]))
    } else ws.addRow([x.q.position, x.q.section, text, x.answered])
  }
  ws.columns.forEach((c, i) => (c.width = i === 2 ? 60 : 14))
  const texts = r.questions.filter((x) => x.texts.length)
  if (texts.length) {
    const t = wb.addWorksheet(surveysT(L, 'xlsx.texts'))
    t.addRow([surveysT(L, 'xlsx.question'), surveysT(L, 'xlsx.text')]).font = { bold: true }
    for (const x of texts) for (const s of x.texts) t.addRow([x.q.textTh, s])
    t.columns.forEach((c) => (c.width = 60))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
