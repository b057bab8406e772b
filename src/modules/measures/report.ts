import type { Db } from '../../db/client.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { escapeHtml } from '../../platform/documents/html.js'
import { sarabunFontFaceCss } from '../../platform/documents/fonts.js'
import { toThaiDigits } from '../../platform/thai/numerals.js'
import { inOrg } from '../../db/client.js'
import { assessmentView, evidenceFor, plansIn, type AssessmentView, type IndicatorPlan } from '../assessment/index.js'
import { MEASURES_REPORT_CSS, MeasuresReportSchema, type MeasuresReport } from '../reports/index.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { measuresIn, periodLabel, responsibleLabel, type MeasureView } from './measures.service.js'
import { reportSettings } from './measures.schema.js'
import { eq, sql } from 'drizzle-orm'
import type { AppDeps } from '../../platform/module/manifest.js'
import { evidenceFor as linkedEvidenceFor, type LinkedEvidence as LinkedEvidenceItem } from '../../platform/evidence/evidence.service.js'
import { ACTIVITY_TARGET } from './evidence-targets.js'

// Loads this module's and the assessment module's tables into the reports module's plain-data
// model; the renderers (HTML/DOCX/PDF) are the reports module's. Public documents contain
// approved measures only.

export const DEFAULT_INTRO = (name: string, year: number): string =>
  `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน ITA ของ${name}ประจำปีงบประมาณ พ.ศ. ${year} และได้กำหนดมาตรการ/กิจกรรมในการส่งเสริมคุณธรรมและความโปร่งใสของ${name} ในปีงบประมาณ พ.ศ. ${year} โดยได้มีการดำเนินการขับเคลื่อนมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ${name} ประจำปีงบประมาณ พ.ศ. ${year} ดังต่อไปนี้`

export type ReportData = {
  report: MeasuresReport
  measures: MeasureView[]
  plans: IndicatorPlan[]
  assessment: AssessmentView | null
}

// Every change to an agency's data appends to its audit chain in the same transaction, so the
// chain's head id is a cheap, exact version of everything a document is built from. Loaded data
// is memoised per (database, agency, year, head, agency name and digit setting).
const memo = new WeakMap<Db, Map<string, { key: string; data: Promise<ReportData> }>>()
const MEMO_MAX = 64

async function auditHead(db: Db, orgId: string): Promise<string> {
  const r = await inOrg(db, orgId, (tx) => tx.execute<{ id: string | null }>(sql`SELECT max(id)::text AS id FROM audit_log WHERE org_id = ${orgId}::uuid`))
  return r.rows[0]?.id ?? '0'
}

/**
 * `links`: the deployment's dependencies, to list in the appendix what other modules' records were
 * linked as evidence (platform contract) and the uploaded files at their public address. Without
 * it (staff checks, demo loaders) the appendix has the links typed on activities only.
 */
export type ReportOptions = { approvedOnly: boolean; links?: AppDeps }

export async function loadReportData(db: Db, org: Org, year: number, opts: ReportOptions = { approvedOnly: true }): Promise<ReportData> {
  let m = memo.get(db)
  if (!m) memo.set(db, (m = new Map()))
  const slot = `${org.id}:${year}:${opts.approvedOnly}:${opts.links ? opts.links.config.siteOrigin : ''}`
  const key = [await auditHead(db, org.id), org.nameTh, org.district, org.province, org.settings.thaiNumerals ?? false].join('|')
  const hit = m.get(slot)
  if (hit && hit.key === key) return hit.data
  const data = loadReportDataFresh(db, org, year, opts)
  data.catch(() => m.delete(slot))
  if (m.size >= MEMO_MAX) m.delete(m.keys().next().value!)
  m.set(slot, { key, data })
  return data
}

async function loadReportDataFresh(db: Db, org: Org, year: number, opts: ReportOptions): Promise<ReportData> {
  // Two transactions, concurrently: the assessment (scores of this and last year) and everything else.
  const [assessment, t] = await Promise.all([
    assessmentView(db, org.id, year).catch(() => null),
    inOrg(db, org.id, async (tx) => {
      const all = await measuresIn(tx, year)
      const ms = opts.approvedOnly ? all.filter((m) => m.status === 'approved') : all
      const plans = await plansIn(tx, year)
      const [settings] = await tx.select().from(reportSettings).where(eq(reportSettings.fiscalYear, year))
      const names = new Map((await tx.select({ id: units.id, nameTh: units.nameTh }).from(units)).map((u) => [u.id, u.nameTh]))
      const evidence = await evidenceFor(tx, [...ms.flatMap((m) => m.activities.map((a) => ({ kind: 'activity' as const, id: a.id }))), ...plans.map((p) => ({ kind: 'indicator' as const, id: p.id }))])
      return { ms, plans, settings, names, evidence }
    }),
  ])
  const { ms, plans, settings, names, evidence } = t
  const refersTo = (targetId: string): string | undefined => {
    const m = ms.find((x) => x.activities.some((a) => a.id === targetId))
    const p = plans.find((x) => x.id === targetId || `${year}:${x.indicator}` === targetId)
    return m ? `มาตรการที่ ${ms.indexOf(m) + 1}` : p ? `ตัวชี้วัดที่ ${p.indicator}` : undefined
  }
  const appendix = [
    ...evidence.flatMap((e) => {
      // An uploaded file is public once its measure is approved: it is listed at the report's own address.
      const url = e.url ?? (e.fileId && opts.links ? `${opts.links.config.siteOrigin}${publicEvidencePath(org.slug, year, e.id)}` : null)
      return url ? [{ title: e.title, url, refersTo: refersTo(e.targetId) }] : []
    }),
    ...(opts.links ? await linkedAppendix(opts.links, org, year, ms, plans, refersTo) : []),
  ]
  const fw = assessment?.framework.framework
  const report = MeasuresReportSchema.parse({
    agency: { name: org.nameTh, district: org.district, province: org.province, thaiNumerals: org.settings.thaiNumerals ?? false },
    fiscalYear: year,
    introduction: settings?.introduction.length ? settings.introduction : [DEFAULT_INTRO(org.nameTh, year)],
    measures: ms.map((m, i) => ({
      order: i + 1,
      title: m.title,
      steps: m.steps,
      period: periodLabel(m),
      responsible: responsibleLabel(m, m.unitNames),
      resultSummary: m.resultSummary,
      outcome: m.outcome,
    })),
    indicators: reportIndicators(plans, fw?.indicators ?? [], assessment?.scores ?? {}, names),
    signatures: {
      reporter: { name: settings?.reporterName ?? '', position: settings?.reporterPosition ?? '' },
      executive: { name: settings?.executiveName ?? '', position: settings?.executivePosition ?? '' },
    },
    evidence: appendix,
  })
  return { report, measures: ms, plans, assessment }
}

/** The public address of an uploaded evidence file of a report (measures/public.routes.ts). */
export const publicEvidencePath = (slug: string, year: number, evidenceId: string) => `/o/${slug}/ita/${year}/evidence/${evidenceId}`

/** Whether an evidence id is an uploaded file the public report of the year lists (approved measures only). */
export async function isPublicEvidenceFile(db: Db, org: Org, year: number, evidenceId: string): Promise<boolean> {
  const { measures: ms } = await loadReportData(db, org, year)
  const ids = new Set(ms.flatMap((m) => m.activities.flatMap((a) => a.evidence.filter((e) => e.fileId).map((e) => e.id))))
  return ids.has(evidenceId)
}

// Records of other modules linked to the report's activities and plans, as the public sees them:
// only those that count for the year and have a public page (an internal record has no address to print).
async function linkedAppendix(deps: AppDeps, org: Org, year: number, ms: MeasureView[], plans: IndicatorPlan[], refersTo: (targetId: string) => string | undefined) {
  const targets = [...ms.flatMap((m) => m.activities.map((a) => ({ type: ACTIVITY_TARGET, id: a.id }))), ...plans.map((p) => ({ type: 'assessment.plan', id: `${year}:${p.indicator}` }))]
  const linked = await linkedEvidenceFor({ deps, db: deps.db, orgId: org.id, actor: null, requestId: 'measures-report', lang: 'th' }, targets)
  // Under each activity or plan, the records in the order they happened (then by title): links made
  // together (a demo, an import) carry the same time, so their own order says nothing.
  const byDate = (a: LinkedEvidenceItem, b: LinkedEvidenceItem) => (a.record?.date ?? '').localeCompare(b.record?.date ?? '') || (a.record?.title ?? '').localeCompare(b.record?.title ?? '', 'th')
  return [...linked.values()].flatMap((list) => [...list].sort(byDate)).flatMap((e) =>
    e.check.ok && e.record?.publicPath ? [{ title: e.record.title, url: `${deps.config.siteOrigin}${e.record.publicPath}`, refersTo: refersTo(e.link.targetId) }] : [],
  )
}

/**
 * Every indicator of the framework that has a score or a plan, in order; one with a score and no
 * plan yet prints with its cells marked (ยังไม่ได้บันทึก) rather than being left out.
 */
function reportIndicators(plans: IndicatorPlan[], fwIndicators: { number: number; nameTh: string }[], scores: Record<number, number | undefined>, names: Map<string, string>): MeasuresReport['indicators'] {
  const numbers = new Set([...plans.map((p) => p.indicator), ...fwIndicators.map((i) => i.number).filter((n) => scores[n] !== undefined)])
  return [...numbers]
    .filter((n) => n >= 1 && n <= 10)
    .sort((a, b) => a - b)
    .map((n) => {
      const p = plans.find((x) => x.indicator === n)
      const name = p?.indicatorName ?? fwIndicators.find((i) => i.number === n)?.nameTh ?? ''
      const score = scores[n] ?? null
      if (!p) return { number: n, name, score, improvementGuidelines: [], responsible: '', period: '', progress: [], status: null }
      return {
        number: n,
        name,
        score,
        improvementGuidelines: p.guidelines,
        responsible: responsibleLabel(p, p.unitIds.map((id) => names.get(id)).filter((x): x is string => !!x)),
        period: p.period,
        progress: p.progress,
        status: p.status,
      }
    })
}

/** The report stylesheet served by the app: fonts from /static/fonts (Thai and Latin subsets). */
export function reportCss(): string {
  const fonts = sarabunFontFaceCss({ kind: 'url', prefix: '/static/fonts/' })
    .split('\n')
    .filter((l) => !l.includes('latin-ext'))
    .join('\n')
  return `${fonts}\n${MEASURES_REPORT_CSS}\n${COMPANION_CSS}`
}

const COMPANION_CSS = `
.mr .doc-links { font-size: 12pt; margin: 0 0 1em; }
.mr .below { font-weight: 700; }
@media print { .mr .doc-links { display: none; } }
`

/** A document page under the strict CSP: stylesheet by URL, no inline style or script. */
export function documentPage(opts: { title: string; cssHref: string; body: string; links?: { href: string; label: string }[] }): string {
  const links = opts.links?.length
    ? `<nav class="doc-links" aria-label="เอกสาร"><ul>${opts.links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a></li>`).join('')}</ul></nav>`
    : ''
  const body = opts.body.replace('<article class="mr">', `<article class="mr">${links}`)
  return (
    `<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(opts.title)}</title><link rel="stylesheet" href="${escapeHtml(opts.cssHref)}"></head>` +
    `<body><main>${body}</main></body></html>`
  )
}

// ── Companion documents ────────────────────────────────────────────────────────────────────────

const digits = (thai: boolean) => (s: string) => (thai ? toThaiDigits(s) : s)
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean)

/** มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน: the plan published before the year. */
export function measuresPlanTitle(d: ReportData): string {
  return `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${digits(d.report.agency.thaiNumerals)(String(d.report.fiscalYear))} ${d.report.agency.name}`
}

export function renderMeasuresPlanBody(d: ReportData): string {
  const d_ = digits(d.report.agency.thaiNumerals)
  const t = (s: string) => escapeHtml(d_(s))
  const paras = (xs: string[]) => xs.map((x) => `<p>${t(x)}</p>`).join('')
  const { agency, fiscalYear } = d.report
  const out: string[] = []
  out.push(`<article class="mr"><header><h1><span>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</span><span>${t(`ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`)}</span><span>${t(`${agency.name} อำเภอ${agency.district} จังหวัด${agency.province}`)}</span></h1></header>`)
  out.push(
    `<section class="mr-intro"><p>${t(`${agency.name} ได้นำผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) มาวิเคราะห์ และกำหนดมาตรการ/กิจกรรมเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${fiscalYear} ดังนี้`)}</p></section>`,
  )
  out.push(
    `<section class="mr-wide"><table><thead><tr>${['ลำดับ', 'มาตรการ/กิจกรรม', 'ตัวชี้วัดที่เกี่ยวข้อง', 'วิธีดำเนินการ', 'ระยะเวลาในการดำเนินการ', 'ผู้รับผิดชอบ'].map((h) => `<th scope="col">${t(h)}</th>`).join('')}</tr></thead><tbody>`,
  )
  d.measures.forEach((m, i) => {
    const related = [...m.indicatorNumbers.map((n) => `ตัวชี้วัดที่ ${n}`), ...m.oitCodes].join(', ')
    out.push(
      `<tr><td class="c-order">${t(String(i + 1))}</td><td>${paras([m.title])}</td><td>${paras(related ? [related] : [])}</td><td>${paras(m.steps)}</td>` +
        `<td>${paras(lines(periodLabel(m)))}</td><td>${paras(lines(responsibleLabel(m, m.unitNames)))}</td></tr>`,
    )
  })
  out.push(`</tbody></table></section></article>`)
  return out.join('\n')
}

export function analysisTitle(d: ReportData): string {
  return `การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${digits(d.report.agency.thaiNumerals)(String(d.report.fiscalYear))} ${d.report.agency.name}`
}

/** การวิเคราะห์ผลการประเมิน…: scores, level, rating, and per indicator the analysis and guidelines. */
export function renderAnalysisBody(d: ReportData): string {
  const d_ = digits(d.report.agency.thaiNumerals)
  const t = (s: string) => escapeHtml(d_(s))
  const paras = (xs: string[]) => xs.map((x) => `<p>${t(x)}</p>`).join('')
  const { agency, fiscalYear } = d.report
  const a = d.assessment
  const fw = a?.framework.framework
  const threshold = fw?.passThreshold.score ?? 85
  const out: string[] = []
  out.push(`<article class="mr"><header><h1><span>การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)</span><span>${t(`ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`)}</span><span>${t(`${agency.name} อำเภอ${agency.district} จังหวัด${agency.province}`)}</span></h1></header>`)
  if (a?.result) {
    out.push(
      `<section class="mr-intro"><p>${t(`ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${fiscalYear} ${agency.name} ได้คะแนนรวม ${a.result.total.toFixed(2)} คะแนน ระดับ ${a.result.level.level}${a.result.rating ? ` ผลการประเมิน "${a.result.rating.labelTh}"` : ''} (IIT ${a.result.tools.iit.toFixed(2)} EIT ${a.result.tools.eit.toFixed(2)} OIT ${a.result.tools.oit.toFixed(2)})`)}</p>` +
        (a.below.length ? `<p>${t(`ตัวชี้วัดที่ได้คะแนนต่ำกว่า ${threshold} คะแนน ได้แก่ ${a.below.map((b) => `ตัวชี้วัดที่ ${b.indicator.number} ${b.indicator.nameTh} (${b.score.toFixed(2)})`).join(', ')}`)}</p>` : '') +
        `</section>`,
    )
  }
  const hasPrev = !!a?.previous
  out.push(
    `<section class="mr-wide"><h2>${t('คะแนนรายตัวชี้วัด')}</h2><table><thead><tr>${['ตัวชี้วัด', ...(hasPrev ? [`ปี ${fiscalYear - 1}`] : []), `ปี ${fiscalYear}`, ...(hasPrev ? ['เปลี่ยนแปลง'] : []), 'จุดแข็ง', 'จุดที่ควรพัฒนา', 'แนวทางในการยกระดับการประเมิน'].map((h) => `<th scope="col">${t(h)}</th>`).join('')}</tr></thead><tbody>`,
  )
  for (const ind of fw?.indicators ?? []) {
    const p = d.plans.find((x) => x.indicator === ind.number)
    const s = a?.scores[ind.number]
    const ch = a?.changes.find((c) => c.number === ind.number)
    const score = s === undefined ? '–' : s.toFixed(2)
    out.push(
      `<tr><td>${paras([`ตัวชี้วัดที่ ${ind.number} ${p?.indicatorName ?? ind.nameTh}`])}</td>` +
        (hasPrev ? `<td>${t(ch?.previous === null || ch?.previous === undefined ? '–' : ch.previous.toFixed(2))}</td>` : '') +
        `<td${s !== undefined && s < threshold ? ' class="below"' : ''}>${t(score)}</td>` +
        (hasPrev ? `<td>${t(ch?.change === null || ch?.change === undefined ? '–' : `${ch.change > 0 ? '+' : ''}${ch.change.toFixed(2)}`)}</td>` : '') +
        `<td>${paras(p?.strengths ? lines(p.strengths) : [])}</td><td>${paras(p?.weaknesses ? lines(p.weaknesses) : [])}</td><td>${paras(p?.guidelines ?? [])}</td></tr>`,
    )
  }
  out.push(`</tbody></table></section></article>`)
  return out.join('\n')
}
