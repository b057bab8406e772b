import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { ackSheet } from './sheet.js'
import { announcementSheetHead, manualSheetFileName, manualSheetHead, sheetDocx, sheetFileName, sheetModel, sheetPdf, type SheetModel } from './sheet.render.js'
import { manualSheet } from './manuals.ack.js'

// The printable acknowledgement sheet (ใบรับทราบ) of one announcement or one manual's version in force, as PDF and DOCX.

const PDF = 'application/pdf'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const headers = (type: string, name: string) => ({ 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })

const agencyOf = (c: StaffContext) => {
  const org = c.get('org')
  return { name: c.get('lang') === 'en' && org.nameEn ? org.nameEn : org.nameTh, thaiDigits: !!org.settings.thaiNumerals && c.get('lang') === 'th' }
}

/** Both documents of one sheet model. */
const send = async (c: StaffContext, m: SheetModel, ext: 'pdf' | 'docx', fileName: string, thaiDigits: boolean) =>
  ext === 'pdf' ? c.body(new Uint8Array(await sheetPdf(m, c.get('lang'), thaiDigits)), 200, headers(PDF, fileName)) : c.body(new Uint8Array(await sheetDocx(m)), 200, headers(DOCX, fileName))

export function sheetRoutes() {
  const app = new Hono<StaffEnv>()
  for (const ext of ['pdf', 'docx'] as const) {
    app.get(`/announcements/:id/sheet.${ext}`, requirePermission('announcements.read'), async (c) => {
      const agency = agencyOf(c)
      const s = await ackSheet(ctxOf(c), uuidParam(c), agency)
      return send(c, sheetModel(announcementSheetHead(s, c.get('lang')), s, c.get('lang')), ext, sheetFileName(s, ext), agency.thaiDigits)
    })
    app.get(`/manuals/:id/sheet.${ext}`, requirePermission('manuals.read'), async (c) => {
      const agency = agencyOf(c)
      const s = await manualSheet(ctxOf(c), uuidParam(c), agency)
      return send(c, sheetModel(manualSheetHead(s, c.get('lang')), s, c.get('lang')), ext, manualSheetFileName(s, ext), agency.thaiDigits)
    })
  }
  return app
}
