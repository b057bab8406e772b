import { AlignmentType, Document, Paragraph, TextRun } from 'docx'
import { A4, cm, packDocx } from '../../platform/documents/docx.js'
import { laksamanFontFaceCss } from '../../platform/documents/fonts.js'
import { htmlDocument, thaiWrapHtml, THAI_WRAP_CSS } from '../../platform/documents/html.js'
import { htmlToPdf, type PdfOptions } from '../../platform/documents/pdf.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { meetingsT, type MeetingsKey } from './meetings.i18n.js'
import type { MeetingFull } from './agenda.js'
import { AGENDA_SECTIONS } from './rules.js'
import { numberText } from './shared.js'

// รายงานการประชุม as the agency files it: the fields of แบบที่ 11 of the ระเบียบงานสารบรรณ, in the
// regulation's words (rules.ts, MINUTES_FORM), one plain-data model rendered as DOCX (to edit and
// sign) and PDF (Chromium, Laksaman embedded).

const t = (key: MeetingsKey, params?: Record<string, string | number>) => meetingsT('th', key, params)

export type MinutesBlock = { heading: string; paragraphs: string[] }
export type MinutesDocument = {
  title: string
  number: string
  when: string
  where: string
  presentTitle: string
  present: string[]
  absentTitle: string
  absent: string[]
  outsideTitle: string
  outside: string[]
  started: string
  opening: string[]
  sections: MinutesBlock[]
  ended: string
  signatures: { role: string; name: string; position: string }[]
  adoption: string[]
}

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
const time = (hhmm: string | null) => (hhmm ? t('doc.time', { time: hhmm.replace(':', '.') }) : t('doc.noTime'))
const person = (i: number, name: string, position: string, extra = '') => `${i + 1}. ${name}${position ? ` ${position}` : ''}${extra}`

export function minutesDocument(full: MeetingFull): MinutesDocument {
  const { meeting: m, items, attendees } = full
  const members = attendees.filter((a) => a.kind === 'member')
  const present = members.filter((a) => a.status === 'present')
  const absent = members.filter((a) => a.status === 'leave' || a.status === 'absent')
  const outside = attendees.filter((a) => a.kind === 'outside' && a.status === 'present')
  const none = [t('doc.none')]
  const sections = AGENDA_SECTIONS.map((s) => {
    const own = items.filter((i) => i.section === s)
    const paragraphs = own.length
      ? own.flatMap((i) => [
          `${s}.${i.position} ${i.title}`,
          ...lines(i.detail),
          ...lines(i.minutes),
          `${t('doc.resolution')} ${i.resolution.trim() || t('doc.noted')}`,
        ])
      : [s === 3 ? t('doc.noFollowUp') : t('doc.none')]
    return { heading: `${t(`section.${s}`)}`, paragraphs }
  })
  const signatures = [{ role: t('doc.minuteTaker'), name: m.minuteTakerName, position: m.minuteTakerPosition }]
  if (m.checkerName) signatures.push({ role: t('doc.checker'), name: m.checkerName, position: m.checkerPosition })
  const adoption = full.next && m.adoptedOn ? [t('doc.adopted', { number: numberText(full.next), date: formatThaiDate(m.adoptedOn) }), ...(m.corrections ? [t('doc.corrections', { text: m.corrections })] : [])] : [t('doc.notAdopted')]
  return {
    title: t('doc.title', { title: m.title }),
    number: t('doc.number', { number: numberText(m) }),
    when: t('doc.when', { date: formatThaiDate(m.heldOn) }),
    where: t('doc.where', { place: m.place }),
    presentTitle: t('doc.present'),
    present: present.length ? present.map((a, i) => person(i, a.name, a.position)) : none,
    absentTitle: t('doc.absent'),
    absent: absent.length ? absent.map((a, i) => person(i, a.name, a.position, ` (${a.status === 'leave' ? t('attendance.leave') : t('attendance.absent')}${a.reason ? ` ${a.reason}` : ''})`)) : none,
    outsideTitle: t('doc.outside'),
    outside: outside.length ? outside.map((a, i) => person(i, a.name, a.position)) : none,
    started: `${t('doc.started')} ${time(m.startedAt)}`,
    opening: lines(m.opening),
    sections,
    ended: `${t('doc.ended')} ${time(m.endedAt)}`,
    signatures,
    adoption,
  }
}

export const minutesFileName = (m: { kind: string; fiscalYear: number; number: number }, slug: string, ext: 'docx' | 'pdf') => `minutes-${m.kind}-${m.fiscalYear}-${m.number}-${slug}.${ext}`

// ---- DOCX: TH SarabunPSK 16pt, A4 portrait, margins as the สารบรรณ forms (3 cm left, 2 cm right) ----
const FONT = 'TH SarabunPSK'
const para = (text: string, o: { bold?: boolean; center?: boolean; indent?: boolean } = {}) =>
  new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, ...(o.indent ? { indent: { left: cm(1) } } : {}), children: [new TextRun({ text, bold: o.bold ?? false })] })

export async function minutesDocx(doc: MinutesDocument): Promise<Buffer> {
  const children = [
    para(doc.title, { bold: true, center: true }),
    para(doc.number, { center: true }),
    para(doc.when, { center: true }),
    para(doc.where, { center: true }),
    para('-----------------------------------------', { center: true }),
    para(doc.presentTitle, { bold: true }),
    ...doc.present.map((l) => para(l, { indent: true })),
    para(doc.absentTitle, { bold: true }),
    ...doc.absent.map((l) => para(l, { indent: true })),
    para(doc.outsideTitle, { bold: true }),
    ...doc.outside.map((l) => para(l, { indent: true })),
    para(doc.started, { bold: true }),
    ...doc.opening.map((l) => para(l)),
    ...doc.sections.flatMap((s) => [para(s.heading, { bold: true }), ...s.paragraphs.map((l) => para(l, { indent: true }))]),
    para(doc.ended, { bold: true }),
    ...doc.signatures.flatMap((s) => [para(''), para(`(ลงชื่อ) ........................................ ${s.role}`, { center: true }), para(`(${s.name || '........................................'})`, { center: true }), para(s.position, { center: true })]),
    para(''),
    ...doc.adoption.map((l) => para(l)),
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
h1{font-size:17pt;text-align:center;margin:0}
.center{text-align:center;margin:0}
h2{font-size:15pt;margin:.6em 0 .2em}
.in{margin:0 0 0 1cm}
.sign{text-align:center;margin-top:1.2em}
.sign p{margin:0}`
const h = (s: string) => thaiWrapHtml(s)

export function minutesHtml(doc: MinutesDocument): string {
  const list = (xs: string[]) => xs.map((l) => `<p class="in">${h(l)}</p>`).join('')
  const body = [
    `<h1>${h(doc.title)}</h1>`,
    `<p class="center">${h(doc.number)}</p><p class="center">${h(doc.when)}</p><p class="center">${h(doc.where)}</p><hr>`,
    `<h2>${h(doc.presentTitle)}</h2>${list(doc.present)}`,
    `<h2>${h(doc.absentTitle)}</h2>${list(doc.absent)}`,
    `<h2>${h(doc.outsideTitle)}</h2>${list(doc.outside)}`,
    `<h2>${h(doc.started)}</h2>${doc.opening.map((l) => `<p>${h(l)}</p>`).join('')}`,
    ...doc.sections.map((s) => `<h2>${h(s.heading)}</h2>${list(s.paragraphs)}`),
    `<h2>${h(doc.ended)}</h2>`,
    ...doc.signatures.map((s) => `<div class="sign"><p>${h(`(ลงชื่อ) ........................................ ${s.role}`)}</p><p>(${h(s.name || '........................................')})</p><p>${h(s.position)}</p></div>`),
    doc.adoption.map((l) => `<p>${h(l)}</p>`).join(''),
  ].join('\n')
  return htmlDocument({ title: doc.title, css: `${laksamanFontFaceCss()}\n${CSS}`, body })
}

export async function minutesPdf(doc: MinutesDocument, opts: Pick<PdfOptions, 'browser' | 'timeoutMs'> = {}): Promise<Buffer> {
  return htmlToPdf(minutesHtml(doc), opts)
}
