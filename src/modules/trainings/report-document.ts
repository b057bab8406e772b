import { AlignmentType, Document, ImageRun, Paragraph, TextRun } from 'docx'
import { A4, cm, packDocx } from '../../platform/documents/docx.js'
import { laksamanFontFaceCss } from '../../platform/documents/fonts.js'
import { escapeHtml, htmlDocument, thaiWrapHtml, THAI_WRAP_CSS } from '../../platform/documents/html.js'
import { htmlToPdf, type PdfOptions } from '../../platform/documents/pdf.js'
import { trainingsT, type TrainingsKey } from './trainings.i18n.js'
import type { SessionResults } from './answers.js'
import { EXPENSE_RULE } from './rules.js'
import { budgetText, datesText, percentText, trainerText } from './views/parts.js'
import { hoursText } from './shared.js'
import { imageSize } from './files.js'

// รายงานผลการจัดอบรม: the fields the rules file suggests (course, organiser, dates, place,
// participants, budget, summary, benefits, reporter, supervisor's acknowledgement — an inference,
// unverified), with the figures from the records; one plain-data model rendered as DOCX (to edit and
// sign) and PDF (Chromium, Laksaman embedded).

const t = (key: TrainingsKey, params?: Record<string, string | number>) => trainingsT('th', key, params)
const two = (n: number | null) => (n === null ? '-' : n.toFixed(2))

export type ReportBlock = { heading: string; paragraphs: string[] }
export type ReportPhoto = { caption: string; bytes: Uint8Array; contentType: string }
export type TrainingReport = { title: string; facts: string[]; blocks: ReportBlock[]; photosTitle: string; photos: ReportPhoto[]; signatures: { role: string; name: string; position: string; note?: string }[] }

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)

export function trainingReport(r: SessionResults, orgName: string, photos: ReportPhoto[] = []): TrainingReport {
  const s = r.session
  const f = r.figures
  const tests: string[] = []
  if (!r.questions.length) tests.push(t('doc.noTest'))
  else {
    tests.push(t('doc.testSize', { count: r.questions.length }))
    for (const [phase, label] of [['pre', t('doc.before')], ['post', t('doc.after')]] as const) {
      const p = f[phase]
      tests.push(p.takers ? t('doc.phase', { phase: label, takers: p.takers, score: two(p.averageScore), total: p.total ?? r.questions.length, percent: percentText(p.averagePercent) }) : t('doc.phaseNone', { phase: label }))
    }
    if (f.improvement !== null) tests.push(t('doc.improvement', { points: two(f.improvement), paired: f.paired, improved: f.improved }))
  }
  const evaluation = f.evaluation.respondents
    ? [
        t('doc.evalCount', { count: f.evaluation.respondents }),
        ...f.evaluation.items.map((i, n) => t('doc.evalItem', { n: n + 1, statement: t(`eval.${i.item}`), average: two(i.average) })),
        t('doc.evalOverall', { average: two(f.evaluation.overall) }),
        ...(f.evaluation.comments.length ? [t('doc.comments'), ...f.evaluation.comments.map((c) => `- ${c}`)] : []),
      ]
    : [t('doc.noEval')]
  const present = r.attendees.filter((a) => a.status === 'present')
  return {
    title: t('doc.title'),
    facts: [
      t('doc.topic', { topic: s.topic }),
      t('doc.organiser', { org: orgName }),
      t('doc.dates', { dates: datesText('th', s), hours: hoursText(s.hours) }),
      t('doc.place', { mode: t(`mode.${s.mode}`), place: s.place }),
      t('doc.trainer', { trainer: trainerText('th', s) }),
      t('doc.target', { target: s.targetGroup }),
      t('doc.budget', { budget: budgetText('th', s.budget) }),
      ...(s.budget ? [t('doc.expenseRule', { rule: EXPENSE_RULE.text })] : []),
    ],
    blocks: [
      { heading: t('doc.attendanceTitle'), paragraphs: [t('doc.attendance', { registered: f.attendance.registered, present: f.attendance.present, percent: percentText(f.attendance.percent) }), ...(f.attendance.outside ? [t('doc.outside', { outside: r.attendees.filter((a) => a.kind === 'outside' && a.status === 'present').length })] : [])] },
      { heading: t('doc.testsTitle'), paragraphs: tests },
      { heading: t('doc.evalTitle'), paragraphs: evaluation },
      { heading: t('doc.summaryTitle'), paragraphs: lines(s.summary).length ? lines(s.summary) : [t('doc.none')] },
      { heading: t('doc.benefitsTitle'), paragraphs: lines(s.benefits).length ? lines(s.benefits) : [t('doc.none')] },
      { heading: t('doc.listTitle'), paragraphs: present.length ? present.map((a, i) => `${i + 1}. ${a.name}${a.position ? ` ${a.position}` : ''}${a.organisation ? ` ${a.organisation}` : ''}`) : [t('doc.none')] },
    ],
    photosTitle: t('doc.photosTitle'),
    photos,
    signatures: [
      { role: t('doc.reporter'), name: s.reporterName, position: s.reporterPosition },
      { role: t('doc.supervisor'), name: '', position: '', note: t('doc.ack') },
    ],
  }
}

export const reportFileName = (s: { fiscalYear: number; startsOn: string }, slug: string, ext: 'docx' | 'pdf') => `training-report-${s.fiscalYear}-${s.startsOn}-${slug}.${ext}`

// ---- DOCX: TH SarabunPSK 16pt, A4 portrait, margins as the สารบรรณ forms (3 cm left, 2 cm right) ----
const FONT = 'TH SarabunPSK'
const DOTS = '........................................'
const para = (text: string, o: { bold?: boolean; center?: boolean; indent?: boolean } = {}) =>
  new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, ...(o.indent ? { indent: { left: cm(1) } } : {}), children: [new TextRun({ text, bold: o.bold ?? false })] })

/** A photo at most 12 cm wide and 9 cm high, at its own proportions (96 px to the inch), its caption below. */
function photoParagraphs(p: ReportPhoto): Paragraph[] {
  const size = imageSize(p.bytes) ?? { width: 4, height: 3 }
  const max = { width: (12 / 2.54) * 96, height: (9 / 2.54) * 96 }
  const k = Math.min(max.width / size.width, max.height / size.height)
  const image = new ImageRun({ type: p.contentType === 'image/png' ? 'png' : 'jpg', data: p.bytes, transformation: { width: Math.round(size.width * k), height: Math.round(size.height * k) }, altText: { name: p.caption || 'photo', description: p.caption, title: p.caption } })
  return [new Paragraph({ alignment: AlignmentType.CENTER, children: [image] }), ...(p.caption ? [para(p.caption, { center: true })] : [])]
}

export async function reportDocx(doc: TrainingReport): Promise<Buffer> {
  const children = [
    para(doc.title, { bold: true, center: true }),
    para(''),
    ...doc.facts.map((l) => para(l)),
    ...doc.blocks.flatMap((b) => [para(b.heading, { bold: true }), ...b.paragraphs.map((l) => para(l, { indent: true }))]),
    ...(doc.photos.length ? [para(doc.photosTitle, { bold: true }), ...doc.photos.flatMap(photoParagraphs)] : []),
    ...doc.signatures.flatMap((s) => [para(''), ...(s.note ? [para(s.note, { center: true })] : []), para(`(ลงชื่อ) ${DOTS} ${s.role}`, { center: true }), para(`(${s.name || DOTS})`, { center: true }), para(s.position || `ตำแหน่ง ${DOTS}`, { center: true })]),
  ]
  const document = new Document({
    creator: 'Prongsai',
    title: doc.title,
    styles: { default: { document: { run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: 32, sizeComplexScript: 32 } } } },
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: cm(2.5), bottom: cm(2), left: cm(3), right: cm(2) } } }, children }],
  })
  return packDocx(document)
}

// ---- PDF: the same content as standalone HTML, printed by Chromium ----
const CSS = `${THAI_WRAP_CSS}
@page{size:A4;margin:2cm 2cm 2cm 3cm}
body{font-family:'Laksaman',sans-serif;font-size:15pt;line-height:1.35;color:#000}
h1{font-size:17pt;text-align:center;margin:0 0 .6em}
p{margin:0}
h2{font-size:15pt;margin:.6em 0 .2em}
.in{margin:0 0 0 1cm}
.sign{text-align:center;margin-top:1.2em;break-inside:avoid}
figure{margin:.4em 0;text-align:center;break-inside:avoid}
figure img{max-width:12cm;max-height:9cm}
figcaption{font-size:13pt}`
const h = (s: string) => thaiWrapHtml(s)

export function reportHtml(doc: TrainingReport): string {
  const body = [
    `<h1>${h(doc.title)}</h1>`,
    doc.facts.map((l) => `<p>${h(l)}</p>`).join(''),
    ...doc.blocks.map((b) => `<h2>${h(b.heading)}</h2>${b.paragraphs.map((l) => `<p class="in">${h(l)}</p>`).join('')}`),
    doc.photos.length ? `<h2>${h(doc.photosTitle)}</h2>${doc.photos.map((p) => `<figure><img src="data:${p.contentType};base64,${Buffer.from(p.bytes).toString('base64')}" alt="${escapeHtml(p.caption)}">${p.caption ? `<figcaption>${h(p.caption)}</figcaption>` : ''}</figure>`).join('')}` : '',
    ...doc.signatures.map((s) => `<div class="sign">${s.note ? `<p>${h(s.note)}</p>` : ''}<p>${h(`(ลงชื่อ) ${DOTS} ${s.role}`)}</p><p>(${h(s.name || DOTS)})</p><p>${h(s.position || `ตำแหน่ง ${DOTS}`)}</p></div>`),
  ].join('\n')
  return htmlDocument({ title: doc.title, css: `${laksamanFontFaceCss()}\n${CSS}`, body })
}

export async function reportPdf(doc: TrainingReport, opts: Pick<PdfOptions, 'browser' | 'timeoutMs'> = {}): Promise<Buffer> {
  return htmlToPdf(reportHtml(doc), opts)
}
