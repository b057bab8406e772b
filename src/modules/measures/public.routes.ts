import { Hono } from 'hono'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { htmlDocument } from '../../platform/documents/html.js'
import { sarabunFontFaceCss } from '../../platform/documents/fonts.js'
import { htmlToPdf } from '../../platform/documents/pdf.js'
import { fileHeaders } from '../../platform/files/files.service.js'
import { storedEvidenceFile } from '../assessment/index.js'
import { MEASURES_REPORT_CSS, renderMeasuresReportBody, renderMeasuresReportDocx, renderMeasuresReportPdf, renderMeasuresReportTitle } from '../reports/index.js'
import { analysisTitle, documentPage, isPublicEvidenceFile, loadReportData, measuresPlanTitle, renderAnalysisBody, renderMeasuresPlanBody, reportCss } from './report.js'

// Public, stable document URLs: /o/<slug>/ita/<fiscalYear>/measures-report.(html|docx|pdf),
// measures-plan.(html|pdf), assessment-analysis.(html|pdf). Approved measures only.

const CSS_PATH = '/ita/report.css'
let css: string | undefined

function year(c: OrgContext): number {
  const y = Number(c.req.param('fy'))
  if (!(y >= 2500 && y <= 2700)) throw new AppError('not_found', 404)
  return y
}

const fileName = (slug: string, y: number, kind: string, ext: string) => `${slug}-ita-${y}-${kind}.${ext}`
const download = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-cache' })

export function measuresPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get(CSS_PATH, (c) => {
    css ??= reportCss()
    c.header('Cache-Control', 'public, max-age=3600')
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })
  const data = async (c: OrgContext) => loadReportData(c.get('deps').db, c.get('org')!, year(c), { approvedOnly: true, links: c.get('deps') })
  const cssHref = (c: OrgContext) => `/o/${c.get('org')!.slug}${CSS_PATH}`
  const links = (c: OrgContext, kind: string) => {
    const b = `/o/${c.get('org')!.slug}/ita/${year(c)}/${kind}`
    return kind === 'measures-report'
      ? [{ href: `${b}.docx`, label: 'ดาวน์โหลด DOCX' }, { href: `${b}.pdf`, label: 'ดาวน์โหลด PDF' }]
      : [{ href: `${b}.pdf`, label: 'ดาวน์โหลด PDF' }]
  }
  const html = (c: OrgContext, page: string) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(page)
  }
  const standalone = (title: string, body: string) => htmlDocument({ title, css: sarabunFontFaceCss({ kind: 'data' }) + MEASURES_REPORT_CSS, body })
  const pdf = (c: OrgContext, bytes: Buffer, name: string) => c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'application/pdf', ...download(name) })

  // An uploaded evidence file the year's public report lists (an activity of an approved measure).
  app.get('/ita/:fy{[0-9]{4}}/evidence/:id', async (c) => {
    const db = c.get('deps').db
    const org = c.get('org')!
    const id = c.req.param('id')
    const f = (await isPublicEvidenceFile(db, org, year(c), id)) ? await storedEvidenceFile(db, org.id, id) : undefined
    if (!f) throw new AppError('not_found', 404)
    return c.body(new Uint8Array(f.data), 200, fileHeaders(f))
  })
  app.get('/ita/:fy{[0-9]{4}}/measures-report.html', async (c) => {
    const d = await data(c)
    return html(c, documentPage({ title: renderMeasuresReportTitle(d.report), cssHref: cssHref(c), body: renderMeasuresReportBody(d.report), links: links(c, 'measures-report') }))
  })
  app.get('/ita/:fy{[0-9]{4}}/measures-report.docx', async (c) => {
    const d = await data(c)
    const buf = await renderMeasuresReportDocx(d.report)
    return c.body(new Uint8Array(buf), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ...download(fileName(c.get('org')!.slug, d.report.fiscalYear, 'measures-report', 'docx')) })
  })
  app.get('/ita/:fy{[0-9]{4}}/measures-report.pdf', async (c) => {
    const d = await data(c)
    return pdf(c, await renderMeasuresReportPdf(d.report), fileName(c.get('org')!.slug, d.report.fiscalYear, 'measures-report', 'pdf'))
  })
  app.get('/ita/:fy{[0-9]{4}}/measures-plan.html', async (c) => {
    const d = await data(c)
    return html(c, documentPage({ title: measuresPlanTitle(d), cssHref: cssHref(c), body: renderMeasuresPlanBody(d), links: links(c, 'measures-plan') }))
  })
  app.get('/ita/:fy{[0-9]{4}}/measures-plan.pdf', async (c) => {
    const d = await data(c)
    return pdf(c, await htmlToPdf(standalone(measuresPlanTitle(d), renderMeasuresPlanBody(d))), fileName(c.get('org')!.slug, d.report.fiscalYear, 'measures-plan', 'pdf'))
  })
  app.get('/ita/:fy{[0-9]{4}}/assessment-analysis.html', async (c) => {
    const d = await data(c)
    return html(c, documentPage({ title: analysisTitle(d), cssHref: cssHref(c), body: renderAnalysisBody(d), links: links(c, 'assessment-analysis') }))
  })
  app.get('/ita/:fy{[0-9]{4}}/assessment-analysis.pdf', async (c) => {
    const d = await data(c)
    return pdf(c, await htmlToPdf(standalone(analysisTitle(d), renderAnalysisBody(d))), fileName(c.get('org')!.slug, d.report.fiscalYear, 'assessment-analysis', 'pdf'))
  })
  return app
}
