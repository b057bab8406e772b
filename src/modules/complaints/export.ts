import type { Lang } from '../../platform/i18n/i18n.js'
import { escapeHtml, htmlDocument } from '../../platform/documents/html.js'
import { sarabunFontFaceCss } from '../../platform/documents/fonts.js'
import { formatThaiDate, formatThaiDateTime } from '../../platform/thai/index.js'
import { ct } from './complaints.i18n.js'
import type { CaseView } from './cases.js'

// The case file for referral (ป.ป.ช., ป.ป.ท., ศูนย์ดำรงธรรม …): self-contained HTML, printed to
// PDF by Chromium (src/platform/documents/pdf.ts) with every network request refused.

const CSS = `
body { font-family: 'Sarabun', sans-serif; font-size: 14pt; line-height: 1.5; margin: 0; }
@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; }
h1 { font-size: 18pt; margin: 0 0 .5em; } h2 { font-size: 15pt; margin: 1.2em 0 .3em; border-bottom: 1px solid #999; }
.confidential { font-weight: 700; border: 2px solid #000; padding: .3em .6em; text-align: center; }
dl { display: grid; grid-template-columns: 12em 1fr; gap: .1em 1em; } dt { font-weight: 700; } dd { margin: 0; }
.text { white-space: pre-wrap; } table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: .2em .4em; text-align: left; vertical-align: top; }
`

export function caseFileHtml(v: CaseView, org: { nameTh: string; nameEn: string | null }, L: Lang): string {
  const e = escapeHtml
  const dt = (d: Date | null) => (d ? formatThaiDateTime(d, { lang: L }) : '—')
  const day = (d: string | Date | null) => (d ? formatThaiDate(d, { lang: L }) : '—')
  const m = v.meta
  const status = `${ct(L, `status.${m.status}`)}${m.outcome ? ` (${ct(L, `outcome.${m.outcome}`)})` : ''}${m.referredTo ? ` (${ct(L, `ref.${m.referredTo}`)})` : ''}`
  const row = (k: string, val: string) => `<dt>${e(k)}</dt><dd>${e(val)}</dd>`
  const body = `
<p class="confidential">${e(ct(L, 'export.confidential'))}</p>
<h1>${e(ct(L, 'export.title', { no: m.caseNo }))}</h1>
<p>${e(L === 'en' && org.nameEn ? org.nameEn : org.nameTh)}</p>
<dl>
${row(ct(L, 'case.category'), ct(L, `cat.${m.category}`))}
${row(ct(L, 'case.channel'), ct(L, `channel.${m.channel}`))}
${row(ct(L, 'case.status'), status)}
${row(ct(L, 'case.received'), dt(m.receivedAt))}
${row(ct(L, 'case.acknowledged'), dt(m.acknowledgedAt))}
${row(ct(L, 'case.closed'), day(m.closedAt))}
</dl>
<h2>${e(ct(L, 'case.content'))}</h2>
${
  v.content
    ? `<dl>${row(ct(L, 'f.subject'), v.content.subject)}${row(ct(L, 'f.whenWhere'), v.content.whenWhere ?? '—')}${row(ct(L, 'f.who'), v.content.who ?? '—')}</dl><p class="text">${e(v.content.details)}</p>`
    : `<p>${e(ct(L, 'case.purged'))}</p>`
}
<h2>${e(ct(L, 'case.contact'))}</h2>
${v.contact ? `<dl>${row(ct(L, 'f.contactName'), v.contact.name ?? '—')}${row(ct(L, 'f.contactPhone'), v.contact.phone ?? '—')}${row(ct(L, 'f.contactEmail'), v.contact.email ?? '—')}</dl>` : `<p>${e(ct(L, v.contactWithheld ? 'case.contactWithheld' : 'case.noContact'))}</p>`}
<h2>${e(ct(L, 'case.history'))}</h2>
<table><tbody>${v.events
    .map(
      (ev) =>
        `<tr><td>${e(dt(ev.at))}</td><td>${e(ct(L, `event.${ev.kind as 'received'}`))}${ev.toStatus ? ` → ${e(ct(L, `status.${ev.toStatus as 'received'}`))}` : ''}${ev.decidedOn ? ` (${e(day(ev.decidedOn))})` : ''}</td><td class="text">${e(ev.note ?? '')}</td></tr>`,
    )
    .join('')}</tbody></table>
<h2>${e(ct(L, 'case.messages'))}</h2>
${v.messages.map((msg) => `<p><strong>${e(msg.author === 'reporter' ? ct(L, 'case.reporter') : (msg.authorName ?? ct(L, 'case.staff')))}</strong> ${e(dt(msg.createdAt))}</p><p class="text">${e(msg.body)}</p>`).join('') || `<p>${e(ct(L, 'case.noMessages'))}</p>`}
<h2>${e(ct(L, 'export.files'))}</h2>
<ul>${v.files.map((f) => `<li>${e(f.name)} — ${e(ct(L, `case.kind.${f.kind}`))}</li>`).join('')}</ul>
`
  return htmlDocument({ title: ct(L, 'export.title', { no: m.caseNo }), css: sarabunFontFaceCss() + CSS, body, lang: L })
}
