import { laksamanFontFaceCss } from '../../platform/documents/fonts.js'
import { htmlDocument, thaiWrapHtml, THAI_WRAP_CSS } from '../../platform/documents/html.js'
import { htmlToPdf, type PdfOptions } from '../../platform/documents/pdf.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { trainingsT, type TrainingsKey } from './trainings.i18n.js'
import type { Certificate, Session } from './trainings.schema.js'
import { datesText } from './views/parts.js'
import { hoursText } from './shared.js'

// เกียรติบัตร: one page, A4 landscape, Laksaman embedded; the verification code and the address of
// the agency's public check (with its QR code) at the foot.

const t = (key: TrainingsKey, params?: Record<string, string | number>) => trainingsT('th', key, params)

export type CertificateDoc = { org: string; lines: string[]; name: string; topic: string; when: string; signer: string[]; code: string; verifyUrl: string; qrSvg: string }

export function certificateDoc(s: Session, c: Certificate, orgName: string, verifyUrl: string, qrSvg: string): CertificateDoc {
  return {
    org: orgName,
    lines: [t('cert.given')],
    name: c.name,
    topic: t('cert.passed', { topic: s.topic }),
    when: t('cert.when', { dates: datesText('th', s), hours: hoursText(s.hours) }),
    signer: [t('cert.issued', { date: formatThaiDate(c.issuedOn) }), `(${c.signerName})`, c.signerPosition].filter(Boolean),
    code: t('cert.code', { code: c.code }),
    verifyUrl: t('cert.verifyAt', { url: verifyUrl }),
    qrSvg,
  }
}

const CSS = `${THAI_WRAP_CSS}
@page{size:A4 landscape;margin:1.5cm}
body{font-family:'Laksaman',sans-serif;color:#000;text-align:center;font-size:18pt;line-height:1.4}
.frame{border:3pt double #333;padding:1cm;height:15.5cm;position:relative}
h1{font-size:30pt;margin:.2em 0}
.org{font-size:20pt;margin:0}
.name{font-size:26pt;font-weight:bold;margin:.3em 0}
p{margin:.15em 0}
.foot{position:absolute;left:1cm;right:1cm;bottom:.6cm;font-size:11pt;text-align:left;display:flex;align-items:flex-end;gap:.4cm}
.foot svg{width:2.4cm;height:2.4cm}
.sign{margin-top:.8em}`
const h = (s: string) => thaiWrapHtml(s)

export function certificateHtml(d: CertificateDoc): string {
  const body = `<div class="frame">
<p class="org">${h(d.org)}</p>
<h1>${h(t('cert.title'))}</h1>
${d.lines.map((l) => `<p>${h(l)}</p>`).join('')}
<p class="name">${h(d.name)}</p>
<p>${h(d.topic)}</p>
<p>${h(d.when)}</p>
<div class="sign">${d.signer.map((l) => `<p>${h(l)}</p>`).join('')}</div>
<div class="foot">${d.qrSvg}<div><p>${h(d.code)}</p><p>${h(d.verifyUrl)}</p></div></div>
</div>`
  return htmlDocument({ title: `${t('cert.title')} ${d.name}`, css: `${laksamanFontFaceCss()}\n${CSS}`, body })
}

export async function certificatePdf(d: CertificateDoc, opts: Pick<PdfOptions, 'browser' | 'timeoutMs'> = {}): Promise<Buffer> {
  return htmlToPdf(certificateHtml(d), opts)
}
