import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { ackSheet } from './sheet.js'
import { announcementSheetHead, sheetDocx, sheetFileName, sheetModel, sheetPdf } from './sheet.render.js'

// The printable acknowledgement sheet (ใบรับทราบ) of one announcement, as PDF and DOCX.

const headers = (type: string, name: string) => ({ 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })

export function sheetRoutes() {
  const app = new Hono<StaffEnv>()
  const load = async (c: StaffContext) => {
    const org = c.get('org')
    const thaiDigits = !!org.settings.thaiNumerals && c.get('lang') === 'th'
    const s = await ackSheet(ctxOf(c), uuidParam(c), { name: c.get('lang') === 'en' && org.nameEn ? org.nameEn : org.nameTh, thaiDigits })
    return { s, m: sheetModel(announcementSheetHead(s, c.get('lang')), s, c.get('lang')), thaiDigits }
  }
  app.get('/announcements/:id/sheet.pdf', requirePermission('announcements.read'), async (c) => {
    const { s, m, thaiDigits } = await load(c)
    const pdf = await sheetPdf(m, c.get('lang'), thaiDigits)
    return c.body(new Uint8Array(pdf), 200, headers('application/pdf', sheetFileName(s, 'pdf')))
  })
  app.get('/announcements/:id/sheet.docx', requirePermission('announcements.read'), async (c) => {
    const { s, m } = await load(c)
    const docx = await sheetDocx(m)
    return c.body(new Uint8Array(docx), 200, headers('application/vnd.openxmlformats-officedocument.wordprocessingml.document', sheetFileName(s, 'docx')))
  })
  return app
}
