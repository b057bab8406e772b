import ExcelJS from 'exceljs'
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { formatThaiDate, formatThaiDateTime } from '../../platform/thai/index.js'
import { assetItems, assetLoans } from './assets.schema.js'
import { assetsT, type AssetsKey } from './assets.i18n.js'

// The loan register of a fiscal year (ทะเบียนคุมการยืม): every loan whose first day falls in the
// year (1 October – 30 September), in the order lent, with each step's date and who took it — the
// columns of the suggested minimum in assets-loans.md §7 (an inference: no official form was found).

const t = (key: AssetsKey, params?: Record<string, string | number>) => assetsT('th', key, params)
export const REGISTER_COLUMNS: AssetsKey[] = ['reg.no', 'field.assetNo', 'loan.asset', 'loan.borrower', 'reg.kind', 'lf.purpose', 'lf.place', 'lf.startOn', 'lf.endOn', 'reg.approvedBy', 'reg.checkedOut', 'reg.returned', 'reg.returnCondition', 'field.status']

export async function loanRegisterRows(ctx: OrgUseCaseCtx, fy: number): Promise<string[][]> {
  assertCan(ctx.actor, 'assets.read')
  const from = `${fy - 544}-10-01`
  const to = `${fy - 543}-09-30`
  const rows = await inOrg(ctx.db, ctx.orgId, (tx) =>
    tx
      .select({ loan: assetLoans, assetNo: assetItems.assetNo, assetName: assetItems.name })
      .from(assetLoans)
      .innerJoin(assetItems, and(eq(assetItems.orgId, assetLoans.orgId), eq(assetItems.id, assetLoans.assetId)))
      .where(and(gte(assetLoans.startOn, from), lte(assetLoans.startOn, to)))
      .orderBy(asc(assetLoans.startOn), asc(assetLoans.requestedAt)),
  )
  const day = (iso: string) => formatThaiDate(iso, { style: 'short' })
  const at = (d: Date | null, by: string | null) => (d ? `${formatThaiDateTime(d)}${by ? ` (${by})` : ''}` : '')
  return rows.map(({ loan: l, assetNo, assetName }, i) => [
    String(i + 1), assetNo, assetName, l.borrowerName, t(`loan.kind.${l.borrowerKind}`), l.purpose, l.place, day(l.startOn), day(l.endOn),
    l.status === 'rejected' ? '' : at(l.decidedAt, l.decidedByLabel), at(l.checkedOutAt, l.checkedOutByLabel), at(l.returnedAt, l.returnedByLabel),
    [l.returnCondition, l.damaged ? l.damageNote : ''].filter(Boolean).join(' — '), t(`loan.status.${l.status}`),
  ])
}

export async function loanRegisterXlsx(ctx: OrgUseCaseCtx, fy: number, orgName: string): Promise<Buffer> {
  const rows = await loanRegisterRows(ctx, fy)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Prongsai'
  wb.title = t('reg.title', { year: fy })
  const ws = wb.addWorksheet(t('reg.sheet'))
  ws.columns = [6, 14, 30, 26, 14, 34, 22, 12, 12, 26, 26, 26, 30, 16].map((width) => ({ width }))
  ws.addRow([t('reg.title', { year: fy })]).font = { bold: true, size: 14 }
  ws.addRow([orgName])
  ws.addRow([])
  ws.addRow(REGISTER_COLUMNS.map((k) => t(k))).font = { bold: true }
  for (const r of rows) ws.addRow(r.map((c, i) => (i === 0 ? Number(c) : c)))
  if (!rows.length) ws.addRow([t('loans.empty')])
  ws.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
