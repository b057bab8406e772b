import { readFile, readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'
import { FrameworkSchema, type Framework } from './framework.schema.js'

/** The built-in frameworks, shipped with the code (not in data/, which holds only what the app writes). */
export const FRAMEWORKS_DIR = new URL('./frameworks/', import.meta.url)

export type FrameworkParseResult = { ok: true; framework: Framework } | { ok: false; errors: string[] }

/** A built-in framework file that is missing or invalid: a deployment bug, so it names the file. */
export class FrameworkFileError extends Error {
  override readonly name = 'FrameworkFileError'
  constructor(
    readonly file: string,
    readonly kind: 'not_found' | 'invalid',
    readonly errors: string[],
  ) {
    super(
      kind === 'not_found'
        ? `ITA framework file not found: ${file}${errors.length ? ` (${errors.join('; ')})` : ''}`
        : `Invalid ITA framework file ${file}:\n  - ${errors.join('\n  - ')}`,
    )
  }
}

/** `indicators[3].subIndicators[0].code`: the path as a person reading the JSON would look for it. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`
  return out || '(ทั้งไฟล์)'
}

const TYPE_TH: Record<string, string> = {
  string: 'ข้อความ',
  number: 'ตัวเลข',
  int: 'จำนวนเต็ม',
  boolean: 'true/false',
  object: 'ออบเจกต์ { }',
  array: 'รายการ [ ]',
  null: 'null',
}

function issueMessageTh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'ไม่มีข้อมูลนี้ (ต้องระบุ)'
        : `ชนิดข้อมูลไม่ถูกต้อง ต้องเป็น${TYPE_TH[issue.expected] ?? ` ${issue.expected}`}`
    case 'too_small':
      return issue.origin === 'array'
        ? `ต้องมีอย่างน้อย ${Number(issue.minimum)} รายการ`
        : issue.origin === 'string'
          ? 'ต้องไม่เป็นข้อความว่าง'
          : `ต้องไม่น้อยกว่า ${Number(issue.minimum)}`
    case 'too_big':
      return issue.origin === 'array' ? `ต้องมีไม่เกิน ${Number(issue.maximum)} รายการ` : `ต้องไม่เกิน ${Number(issue.maximum)}`
    case 'invalid_value':
      return `ค่าต้องเป็นหนึ่งใน: ${issue.values.map((v) => String(v)).join(', ')}`
    case 'invalid_format':
      return issue.format === 'regex' && issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'รูปแบบไม่ถูกต้อง'
    case 'unrecognized_keys':
      return `มีช่องข้อมูลที่ไม่รู้จัก: ${issue.keys.join(', ')}`
    case 'invalid_union':
      return issue.input === undefined ? 'ไม่มีข้อมูลนี้ (ต้องระบุ)' : 'ค่าไม่ตรงกับรูปแบบที่รับได้'
    case 'invalid_key':
      return 'ชื่อช่องข้อมูลไม่ถูกต้อง'
    default:
      // Our own refinements already carry Thai messages.
      return issue.message
  }
}

/** One Thai line per problem, each starting with the JSON path (parse with `reportInput: true`). */
export function frameworkIssueMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issueMessageTh(issue)}`)
}

/**
 * Parses framework JSON text, e.g. an admin's upload. Never throws; errors are Thai and name the
 * path of every problem so the admin can fix the file in one go.
 */
export function parseFrameworkJson(text: string, opts: { fiscalYear?: number } = {}): FrameworkParseResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { ok: false, errors: [`ไฟล์ไม่ใช่ JSON ที่ถูกต้อง: ${(e as Error).message}`] }
  }
  // reportInput: tells a missing field (input undefined) from a wrong one in the messages.
  const r = FrameworkSchema.safeParse(raw, { reportInput: true })
  if (!r.success) return { ok: false, errors: frameworkIssueMessages(r.error) }
  if (opts.fiscalYear !== undefined && r.data.fiscalYear !== opts.fiscalYear) {
    return { ok: false, errors: [`fiscalYear: ไฟล์นี้เป็นกรอบการประเมินปี ${r.data.fiscalYear} ไม่ใช่ปี ${opts.fiscalYear}`] }
  }
  return { ok: true, framework: r.data }
}

/** Fiscal years (B.E.) that have a `<year>.json` file, ascending. */
export async function listFrameworkYears(dir: URL = FRAMEWORKS_DIR): Promise<number[]> {
  const names = await readdir(dir)
  return names
    .map((n) => /^(\d{4})\.json$/.exec(n)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

/** Loads and validates `<dir>/<fiscalYear>.json`; throws FrameworkFileError naming the file. */
export async function loadFramework(fiscalYear: number, dir: URL = FRAMEWORKS_DIR): Promise<Framework> {
  const url = new URL(`${fiscalYear}.json`, dir)
  const file = fileURLToPath(url)
  let text: string
  try {
    text = await readFile(url, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    const years = await listFrameworkYears(dir).catch(() => [])
    throw new FrameworkFileError(file, 'not_found', [`available years: ${years.join(', ') || 'none'}`])
  }
  const r = parseFrameworkJson(text, { fiscalYear })
  if (!r.ok) throw new FrameworkFileError(file, 'invalid', r.errors)
  return r.framework
}

/** Loads every year in `dir`; run at start-up so a broken file stops the app early. */
export async function loadAllFrameworks(dir: URL = FRAMEWORKS_DIR): Promise<Map<number, Framework>> {
  const out = new Map<number, Framework>()
  for (const year of await listFrameworkYears(dir)) out.set(year, await loadFramework(year, dir))
  return out
}
