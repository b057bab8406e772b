import ExcelJS from 'exceljs'
import { AlignmentType, Document, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { and, count, eq, ne, sql } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { A4, cm, packDocx } from '../../platform/documents/docx.js'
import { laksamanFontFaceCss } from '../../platform/documents/fonts.js'
import { htmlDocument, thaiWrapHtml, THAI_WRAP_CSS } from '../../platform/documents/html.js'
import { htmlToPdf } from '../../platform/documents/pdf.js'
import { people } from '../../platform/people/people.schema.js'
import { suppressTable, type Cell } from '../../platform/stats/suppress.js'
import { fiscalYearRange, formatThaiDate } from '../../platform/thai/index.js'
import { coiT, type CoiKey } from './coi.i18n.js'
import { coiDeclarations, coiMatters, DECLARATION_KINDS } from './coi.schema.js'
import { missingIn } from './declarations.js'

// The annual COI report: declarations received (by kind and review), who has not declared, the
// matters found and how they were resolved. One plain-data model rendered as DOCX and as PDF.
// It names people (the register's readers only, coi.register); the public summary has counts only.

const t = (key: CoiKey, params?: Record<string, string | number>) => coiT('th', key, params)

export type AnnualReport = {
  title: string
  agency: string
  period: string
  received: { label: string; value: string }[]
  missingTitle: string
  missing: string[]
  mattersTitle: string
  columns: string[]
  matters: string[][]
  noMatters: string | null
  rulesNote: string
}

export async function annualReport(ctx: OrgUseCaseCtx, fiscalYear: number, orgName: string): Promise<AnnualReport> {
  assertCan(ctx.actor, 'coi.register')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const byKind = await tx.select({ kind: coiDeclarations.kind, n: count() }).from(coiDeclarations).where(and(eq(coiDeclarations.fiscalYear, fiscalYear), ne(coiDeclarations.status, 'withdrawn'))).groupBy(coiDeclarations.kind)
    const [reviewed] = await tx.select({ n: count() }).from(coiDeclarations).where(and(eq(coiDeclarations.fiscalYear, fiscalYear), eq(coiDeclarations.status, 'acknowledged')))
    const [withInterests] = await tx.select({ n: sql<number>`count(DISTINCT d.person_id)::int` }).from(sql`coi_declarations d JOIN coi_interests i ON i.org_id = d.org_id AND i.declaration_id = d.id`).where(sql`d.fiscal_year = ${fiscalYear} AND d.status <> 'withdrawn'`)
    const { everyone, missing } = await missingIn(tx, fiscalYear)
    const matters = await tx.select({ m: coiMatters, personName: people.fullName, position: people.position }).from(coiMatters).innerJoin(people, and(eq(people.orgId, coiMatters.orgId), eq(people.id, coiMatters.personId))).where(eq(coiMatters.fiscalYear, fiscalYear)).orderBy(coiMatters.foundOn, coiMatters.id)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'coi.report.read', entityType: 'coi_report', entityId: null, requestId: ctx.requestId, details: { fiscalYear } })
    const n = (k: string) => byKind.find((b) => b.kind === k)?.n ?? 0
    const range = fiscalYearRange(fiscalYear)
    return {
      title: t('report.title', { year: fiscalYear }),
      agency: t('doc.agency', { org: orgName }),
      period: t('doc.period', { from: formatThaiDate(range.start), to: formatThaiDate(range.end) }),
      received: [
        { label: t('report.people'), value: String(everyone) },
        ...DECLARATION_KINDS.map((k) => ({ label: t(`report.kind.${k}`), value: String(n(k)) })),
        { label: t('report.acknowledged'), value: String(reviewed?.n ?? 0) },
        { label: t('report.withInterests'), value: String(withInterests?.n ?? 0) },
        { label: t('report.missing'), value: String(missing.length) },
      ],
      missingTitle: t('report.missingTitle'),
      missing: missing.length ? missing.map((m) => (m.position ? `${m.fullName} (${m.position})` : m.fullName)) : [t('report.missingNone')],
      mattersTitle: t('report.mattersTitle'),
      columns: ['no', 'found', 'project', 'person', 'party', 'by', 'resolution'].map((c) => t(`report.col.${c}` as CoiKey)),
      matters: matters.map((r, i) => [
        String(i + 1),
        formatThaiDate(r.m.foundOn, { style: 'short' }),
        r.m.project,
        r.position ? `${r.personName} (${r.position})` : r.personName,
        r.m.partyJuristicId ? `${r.m.partyName} (${r.m.partyJuristicId})` : r.m.partyName,
        t(`match.by.${r.m.matchedBy}`),
        r.m.status === 'resolved' && r.m.resolution ? [t(`resolution.${r.m.resolution}`), r.m.resolvedOn ? formatThaiDate(r.m.resolvedOn, { style: 'short' }) : '', r.m.resolutionNote].filter(Boolean).join(' ') : t('matter.open'),
      ]),
      noMatters: matters.length ? null : t('report.noMatters'),
      rulesNote: t('report.rulesNote'),
    }
  })
}

export const reportFileName = (fy: number, slug: string, ext: 'docx' | 'pdf' | 'xlsx') => `coi-${fy}-${slug}.${ext}`

const FONT = 'TH SarabunPSK'
const para = (text: string, o: { bold?: boolean; center?: boolean; size?: number } = {}) => new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold: o.bold ?? false, ...(o.size ? { size: o.size } : {}) })] })
const cellOf = (text: string, bold = false) => new TableCell({ children: [para(text, { bold, size: 28 })] })

export async function reportDocx(r: AnnualReport): Promise<Buffer> {
  const received = new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: r.received.map((x) => new TableRow({ children: [cellOf(x.label), cellOf(x.value)] })) })
  const matters = new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: r.columns.map((c) => cellOf(c, true)) }), ...r.matters.map((row) => new TableRow({ children: row.map((c) => cellOf(c)) }))] })
  const children = [
    para(r.title, { bold: true, center: true, size: 36 }),
    para(r.agency, { center: true }),
    para(r.period, { center: true }),
    received,
    para(r.missingTitle, { bold: true }),
    ...r.missing.map((m) => para(`- ${m}`)),
    para(r.mattersTitle, { bold: true }),
    ...(r.noMatters ? [para(r.noMatters)] : [matters]),
    para(r.rulesNote, { size: 26 }),
  ]
  const document = new Document({
    creator: 'Prongsai',
    title: r.title,
    styles: { default: { document: { run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: 32, sizeComplexScript: 32 } } } },
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: cm(2), bottom: cm(2), left: cm(2.5), right: cm(2) } } }, children }],
  })
  return packDocx(document)
}

const CSS = `${THAI_WRAP_CSS}
@page{size:A4;margin:1.5cm}
body{font-family:'Laksaman',sans-serif;font-size:14pt;line-height:1.3;color:#000}
h1{font-size:18pt;text-align:center;margin:0 0 .2em}
.center{text-align:center;margin:0}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border:1px solid #000;padding:2px 4px;vertical-align:top;font-size:12pt;text-align:left}
thead{display:table-header-group}
h2{font-size:15pt;margin:.6em 0 .2em}
.note{font-size:11pt}`
const h = (s: string) => thaiWrapHtml(s)

export function reportHtml(r: AnnualReport): string {
  const body = [
    `<h1>${h(r.title)}</h1>`,
    `<p class="center">${h(r.agency)}</p>`,
    `<p class="center">${h(r.period)}</p>`,
    `<table><tbody>${r.received.map((x) => `<tr><th scope="row">${h(x.label)}</th><td>${h(x.value)}</td></tr>`).join('')}</tbody></table>`,
    `<h2>${h(r.missingTitle)}</h2><ul>${r.missing.map((m) => `<li>${h(m)}</li>`).join('')}</ul>`,
    `<h2>${h(r.mattersTitle)}</h2>`,
    r.noMatters ? `<p>${h(r.noMatters)}</p>` : `<table><thead><tr>${r.columns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>${r.matters.map((row) => `<tr>${row.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
    `<p class="note">${h(r.rulesNote)}</p>`,
  ].join('\n')
  return htmlDocument({ title: r.title, css: `${laksamanFontFaceCss()}\n${CSS}`, body })
}

export const reportPdf = (r: AnnualReport): Promise<Buffer> => htmlToPdf(reportHtml(r))

/** The same report as a workbook: the figures, who has not declared, then the matters as a table. */
export async function reportXlsx(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Prongsai'
  wb.title = r.title
  const ws = wb.addWorksheet('รายงาน')
  ws.columns = [8, 14, 40, 32, 40, 18, 50].map((width) => ({ width }))
  for (const line of [r.title, r.agency, r.period]) ws.addRow([line])
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.addRow([])
  for (const x of r.received) ws.addRow([x.label, Number(x.value)])
  ws.addRow([])
  ws.addRow([r.missingTitle]).font = { bold: true }
  for (const m of r.missing) ws.addRow([m])
  ws.addRow([])
  ws.addRow([r.mattersTitle]).font = { bold: true }
  if (r.noMatters) ws.addRow([r.noMatters])
  else {
    ws.addRow(r.columns).font = { bold: true }
    for (const row of r.matters) ws.addRow(row.map((c, i) => (i === 0 ? Number(c) : c)))
  }
  ws.addRow([])
  ws.addRow([r.rulesNote])
  ws.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The public figures of each fiscal year: counts only, small counts suppressed (no personal data). */
export type PublicYear = { fiscalYear: number; people: Cell; declared: Cell; matters: Cell; resolved: Cell }
export async function publicSummary(db: Db, orgId: string): Promise<PublicYear[]> {
  return inOrg(db, orgId, async (tx) => {
    const years = (await tx.selectDistinct({ y: coiDeclarations.fiscalYear }).from(coiDeclarations).orderBy(sql`1 DESC`).limit(10)).map((r) => r.y)
    const out: PublicYear[] = []
    for (const fy of years) {
      const { everyone, missing } = await missingIn(tx, fy)
      const [m] = await tx.select({ all: count(), resolved: sql<number>`count(*) FILTER (WHERE status = 'resolved')::int` }).from(coiMatters).where(eq(coiMatters.fiscalYear, fy))
      // Two one-way tables: declared / not declared of the people covered, resolved / open of the matters.
      const p = suppressTable([[everyone - missing.length, missing.length]])
      const q = suppressTable([[m?.resolved ?? 0, (m?.all ?? 0) - (m?.resolved ?? 0)]])
      out.push({ fiscalYear: fy, people: p.total, declared: p.cells[0]![0]!, matters: q.total, resolved: q.cells[0]![0]! })
    }
    return out
  })
}
