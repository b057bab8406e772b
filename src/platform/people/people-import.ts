import ExcelJS from 'exceljs'
import { and, eq, isNull } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { appendAudit } from '../audit/audit.js'
import { assertCan } from '../auth/permissions.js'
import { AppError, InputError } from '../http/errors.js'
import type { UseCaseCtx } from '../http/context.js'
import type { Localized } from '../module/manifest.js'
import { units } from '../orgs/orgs.schema.js'
import { readXlsxSheets, type Cell } from '../documents/parse-in-worker.js'
import { parseThaiDate, toThaiDateText } from '../thai/dates.js'
import { toIsoDate } from '../thai/calendar.js'
import { people, peopleImports, personUnits, PERSON_KINDS, type ImportRow, type PersonKind } from './people.schema.js'

// Importing the personnel list from XLSX (what a personnel clerk keeps in Excel): parse and check
// every row, store the parsed rows, show a preview of what would change, and only on confirmation
// add or update people — all in one transaction, audited. Nothing is ever deleted by an import.

export const IMPORT_MAX_ROWS = 2000
export const IMPORT_HEADERS = ['ชื่อ-สกุล', 'ตำแหน่ง', 'ประเภท', 'หน่วยงาน', 'อีเมล', 'โทรศัพท์', 'วันที่เริ่มปฏิบัติงาน'] as const

/** Thai words clerks write in the "ประเภท" column → kind. The first match wins (longest first). */
const KIND_WORDS: [RegExp, PersonKind][] = [
  [/ลูกจ้างประจำ/, 'permanent_employee'],
  [/พนักงานจ้าง|ลูกจ้างชั่วคราว/, 'contract_employee'],
  [/สมาชิกสภา|ประธานสภา|เลขานุการสภา|ส\.ท\.|ส\.อบต\./, 'council_member'],
  [/ผู้บริหาร|นายก|รองนายก|เลขานุการนายก|ที่ปรึกษานายก/, 'executive'],
  [/พนักงานเทศบาล|พนักงานส่วนตำบล|พนักงานส่วนท้องถิ่น|ข้าราชการ|พนักงานครู/, 'local_official'],
]
export const KIND_LABEL_TH: Record<PersonKind, string> = {
  local_official: 'พนักงานเทศบาล/พนักงานส่วนตำบล',
  permanent_employee: 'ลูกจ้างประจำ',
  contract_employee: 'พนักงานจ้าง',
  executive: 'ผู้บริหาร',
  council_member: 'สมาชิกสภา',
}

export function kindFromText(text: string): PersonKind | null {
  const s = text.trim()
  if ((PERSON_KINDS as readonly string[]).includes(s)) return s as PersonKind
  for (const [re, kind] of KIND_WORDS) if (re.test(s)) return kind
  return null
}

const cellText = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c)).replace(/\s+/g, ' ').trim()
const normName = (s: string) => s.replace(/\s+/g, ' ').trim()

export type RowProblem = { line: number; message: Localized }
export type ParsedPeople = { rows: ImportRow[]; problems: RowProblem[] }

/**
 * Reads the first sheet: a header row with the columns of IMPORT_HEADERS (in any order; extra
 * columns are ignored), then one person a row. Dates are พ.ศ. as typed, or real Excel dates.
 */
export function parsePeopleSheet(sheetRows: Cell[][], unitNames: ReadonlySet<string>): ParsedPeople {
  const problems: RowProblem[] = []
  const headerAt = sheetRows.findIndex((r) => r.some((c) => cellText(c) === IMPORT_HEADERS[0]))
  if (headerAt < 0) return { rows: [], problems: [{ line: 1, message: { th: `ไม่พบแถวหัวตารางที่มีคอลัมน์ "${IMPORT_HEADERS[0]}" กรุณาใช้แบบฟอร์มนำเข้า`, en: `No header row with a "${IMPORT_HEADERS[0]}" column; use the import template` } }] }
  const header = sheetRows[headerAt]!.map(cellText)
  const col = (name: string) => header.indexOf(name)
  const at = Object.fromEntries(IMPORT_HEADERS.map((h) => [h, col(h)])) as Record<(typeof IMPORT_HEADERS)[number], number>
  const rows: ImportRow[] = []
  const seen = new Map<string, number>()
  for (let i = headerAt + 1; i < sheetRows.length; i++) {
    const r = sheetRows[i] ?? []
    const line = i + 1
    const get = (h: (typeof IMPORT_HEADERS)[number]) => (at[h] >= 0 ? cellText(r[at[h]]) : '')
    const fullName = normName(get('ชื่อ-สกุล'))
    if (!r.some((c) => cellText(c))) continue // blank line
    const bad = (th: string, en: string) => problems.push({ line, message: { th: `แถว ${line}: ${th}`, en: `Row ${line}: ${en}` } })
    if (!fullName) { bad('ไม่มีชื่อ-สกุล', 'no name'); continue }
    if (fullName.length > 200) { bad('ชื่อ-สกุลยาวเกิน 200 ตัวอักษร', 'the name is longer than 200 characters'); continue }
    const dup = seen.get(fullName)
    if (dup) { bad(`ชื่อ "${fullName}" ซ้ำกับแถว ${dup}`, `"${fullName}" repeats row ${dup}`); continue }
    seen.set(fullName, line)
    const kindText = get('ประเภท')
    const kind = kindFromText(kindText)
    if (!kind) { bad(`ไม่รู้จักประเภท "${kindText}" (ใช้ได้: ${Object.values(KIND_LABEL_TH).join(', ')})`, `unknown kind "${kindText}"`); continue }
    const unitList = get('หน่วยงาน').split(/[,;\n]/).map((u) => u.trim()).filter(Boolean)
    const unknown = unitList.filter((u) => !unitNames.has(u))
    if (unknown.length) { bad(`ไม่มีหน่วยงาน "${unknown.join('", "')}" ในระบบ (เพิ่มที่หน้าหน่วยงานภายในก่อน)`, `no unit "${unknown.join('", "')}"`); continue }
    const email = get('อีเมล').toLowerCase()
    if (email && (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)) { bad(`อีเมล "${email}" ไม่ถูกต้อง`, `invalid e-mail "${email}"`); continue }
    const position = get('ตำแหน่ง')
    if (position.length > 200) { bad('ตำแหน่งยาวเกิน 200 ตัวอักษร', 'the position is longer than 200 characters'); continue }
    const phone = get('โทรศัพท์').slice(0, 50)
    let activeFrom: string | null = null
    const rawDate = at['วันที่เริ่มปฏิบัติงาน'] >= 0 ? r[at['วันที่เริ่มปฏิบัติงาน']] : null
    const dateText = cellText(rawDate)
    if (dateText) {
      // A real Excel date arrives as an ISO instant; a typed one as text in พ.ศ.
      if (/^\d{4}-\d{2}-\d{2}T/.test(dateText)) activeFrom = dateText.slice(0, 10)
      else {
        const d = parseThaiDate(dateText)
        if (!d.ok && d.error === 'year_looks_ce') { bad(`วันที่เริ่ม "${dateText}" ดูเป็นปี ค.ศ. — กรอกปี พ.ศ. (ค.ศ. + 543) เช่น 01/10/2566`, `start date "${dateText}" looks like a C.E. year; use the B.E. year`); continue }
        if (!d.ok) { bad(`วันที่เริ่ม "${dateText}" ไม่ถูกต้อง — กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 01/10/2566`, `start date "${dateText}" is not a day/month/B.E. year date`); continue }
        activeFrom = toIsoDate(d.date)
      }
    }
    rows.push({ line, fullName, position: position || null, kind, unitNames: unitList, email: email || null, phone: phone || null, activeFrom })
  }
  if (rows.length + problems.length === 0) problems.push({ line: headerAt + 1, message: { th: 'ไฟล์ไม่มีรายชื่อใต้แถวหัวตาราง', en: 'The file has no people under its header row' } })
  if (rows.length > IMPORT_MAX_ROWS) problems.push({ line: headerAt + 1, message: { th: `นำเข้าได้ครั้งละไม่เกิน ${IMPORT_MAX_ROWS.toLocaleString('th-TH')} คน`, en: `At most ${IMPORT_MAX_ROWS} people per import` } })
  return { rows, problems }
}

/** Reads an uploaded XLSX (zip-checked, in a worker), checks every row and stores it for the preview. */
export async function startPeopleImport(ctx: UseCaseCtx, bytes: Uint8Array): Promise<string> {
  assertCan(ctx.actor, 'people.manage')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const sheets = await readXlsxSheets(bytes)
  const first = sheets[0]
  if (!first) throw new InputError({ file: { th: 'ไฟล์ไม่มีแผ่นงาน', en: 'The file has no sheet' } })
  const unitRows = await inOrg(ctx.db, orgId, (tx) => tx.select({ nameTh: units.nameTh }).from(units))
  const parsed = parsePeopleSheet(first.rows, new Set(unitRows.map((u) => u.nameTh)))
  if (parsed.problems.length) {
    const shown = parsed.problems.slice(0, 10)
    const more = parsed.problems.length - shown.length
    throw new InputError({
      file: {
        th: `ไม่ได้นำเข้า เพราะพบปัญหา ${parsed.problems.length} แห่ง: ${shown.map((p) => p.message.th).join(' · ')}${more > 0 ? ` และอีก ${more} แห่ง` : ''} — แก้ไขไฟล์แล้วอัปโหลดใหม่`,
        en: `Not imported: ${parsed.problems.length} problems: ${shown.map((p) => p.message.en).join(' · ')}${more > 0 ? ` and ${more} more` : ''}`,
      },
    })
  }
  return inOrg(ctx.db, orgId, async (tx) => {
    const [row] = await tx.insert(peopleImports).values({ orgId, rows: parsed.rows, createdBy: actor.userId }).returning({ id: peopleImports.id })
    return row!.id
  })
}

export type ImportChange =
  | { action: 'add'; row: ImportRow }
  | { action: 'update'; row: ImportRow; personId: string; changes: { field: string; from: string; to: string }[] }
  | { action: 'same'; row: ImportRow; personId: string }

/** What confirming would do, row by row; changes nothing. */
export async function previewPeopleImport(ctx: UseCaseCtx, importId: string): Promise<{ changes: ImportChange[]; createdAt: Date }> {
  assertCan(ctx.actor, 'people.manage')
  if (!/^[0-9a-f-]{36}$/i.test(importId)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [imp] = await tx.select().from(peopleImports).where(and(eq(peopleImports.id, importId), isNull(peopleImports.appliedAt)))
    if (!imp) throw new AppError('not_found', 404)
    const existing = await tx.select().from(people)
    const links = await tx.select({ personId: personUnits.personId, name: units.nameTh }).from(personUnits).innerJoin(units, and(eq(units.orgId, personUnits.orgId), eq(units.id, personUnits.unitId)))
    const unitsOf = (id: string) => links.filter((l) => l.personId === id).map((l) => l.name).sort()
    const changes = imp.rows.map((row): ImportChange => {
      const match = (row.email && existing.find((p) => p.email === row.email)) || existing.find((p) => normName(p.fullName) === row.fullName)
      if (!match) return { action: 'add', row }
      const diff: { field: string; from: string; to: string }[] = []
      const cmp = (field: string, from: string | null, to: string | null) => {
        if (to !== null && (from ?? '') !== to) diff.push({ field, from: from ?? '', to })
      }
      cmp('ชื่อ-สกุล', match.fullName, row.fullName)
      cmp('ตำแหน่ง', match.position, row.position)
      cmp('ประเภท', KIND_LABEL_TH[match.kind], KIND_LABEL_TH[row.kind])
      if (row.unitNames.length) cmp('หน่วยงาน', unitsOf(match.id).join(', '), [...row.unitNames].sort().join(', '))
      cmp('อีเมล', match.email, row.email)
      cmp('โทรศัพท์', match.phone, row.phone)
      cmp('วันที่เริ่มปฏิบัติงาน', match.activeFrom ? toThaiDateText(match.activeFrom) : null, row.activeFrom ? toThaiDateText(row.activeFrom) : null)
      return diff.length ? { action: 'update', row, personId: match.id, changes: diff } : { action: 'same', row, personId: match.id }
    })
    return { changes, createdAt: imp.createdAt }
  })
}

/** Applies a previewed import once: adds new people, updates matched ones; audited as one entry. */
export async function applyPeopleImport(ctx: UseCaseCtx, importId: string): Promise<{ added: number; updated: number }> {
  assertCan(ctx.actor, 'people.manage')
  const actor = ctx.actor
  const { changes } = await previewPeopleImport(ctx, importId)
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    // Claim the import first: a double submit applies it once.
    const [claimed] = await tx.update(peopleImports).set({ appliedAt: new Date() }).where(and(eq(peopleImports.id, importId), isNull(peopleImports.appliedAt))).returning({ id: peopleImports.id })
    if (!claimed) throw new AppError('conflict', 409, { th: 'การนำเข้านี้ถูกยืนยันไปแล้ว', en: 'This import was already confirmed' })
    const unitRows = await tx.select({ id: units.id, nameTh: units.nameTh }).from(units)
    const unitId = new Map(unitRows.map((u) => [u.nameTh, u.id]))
    let added = 0
    let updated = 0
    for (const ch of changes) {
      if (ch.action === 'same') continue
      const r = ch.row
      const values = { fullName: r.fullName, position: r.position, kind: r.kind, email: r.email, phone: r.phone, activeFrom: r.activeFrom }
      let id: string
      if (ch.action === 'add') {
        const [row] = await tx.insert(people).values({ orgId, ...values }).returning({ id: people.id })
        id = row!.id
        added++
      } else {
        id = ch.personId
        // Empty cells keep what is stored (an import only fills in and corrects).
        const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null))
        await tx.update(people).set({ ...set, updatedAt: new Date() }).where(eq(people.id, id))
        updated++
      }
      if (r.unitNames.length) {
        await tx.delete(personUnits).where(eq(personUnits.personId, id))
        await tx.insert(personUnits).values(r.unitNames.map((n) => ({ orgId, personId: id, unitId: unitId.get(n)! })))
      }
    }
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'person.import', entityType: 'people_import', entityId: importId, requestId: ctx.requestId, details: { added, updated } })
    return { added, updated }
  })
}

/** The import template: the header row, one example row, and a sheet listing the agency's units. */
export async function peopleImportTemplate(unitNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('บุคลากร')
  ws.addRow([...IMPORT_HEADERS])
  ws.addRow(['นางสาวตัวอย่าง ใจดี', 'นักจัดการงานทั่วไปชำนาญการ', 'พนักงานเทศบาล', unitNames[0] ?? 'สำนักปลัด', 'example@agency.go.th', '044-000-000', '01/10/2566'])
  ws.getRow(1).font = { bold: true }
  ws.columns.forEach((c) => (c.width = 24))
  const u = wb.addWorksheet('หน่วยงาน')
  u.addRow(['ชื่อหน่วยงานที่ใช้ได้ในคอลัมน์ "หน่วยงาน" (หลายหน่วยงานคั่นด้วยจุลภาค)'])
  for (const n of unitNames) u.addRow([n])
  const k = wb.addWorksheet('ประเภท')
  k.addRow(['ประเภทที่ใช้ได้ในคอลัมน์ "ประเภท"'])
  for (const l of Object.values(KIND_LABEL_TH)) k.addRow([l])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
