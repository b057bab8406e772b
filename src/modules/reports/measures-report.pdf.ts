import { htmlToPdf, type PdfOptions } from '../../platform/documents/pdf.js'
import { renderMeasuresReportHtml } from './measures-report.html.js'
import type { MeasuresReport } from './measures-report.model.js'

/** The PDF is the standalone HTML printed by Chromium, in Laksaman with page numbers. */
export async function renderMeasuresReportPdf(report: MeasuresReport, opts: Pick<PdfOptions, 'browser' | 'timeoutMs'> = {}): Promise<Buffer> {
  return htmlToPdf(renderMeasuresReportHtml(report, { print: true }), opts)
}
