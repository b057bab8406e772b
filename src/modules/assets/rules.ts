// The rules this module follows, as data with their source and how sure we are of each
// (../shared/rules/assets-loans.md; marks: H primary text, M good secondary source, L weak,
// ? not found in any source — then the value is the module's own default and says so).

export type Confidence = 'H' | 'M' | 'L' | '?'
export type Rule<T> = { value: T; confidence: Confidence; source: string; note?: string }

/**
 * The asset number (เลขครุภัณฑ์) as category–year–running, e.g. 416-59-0001. **No official
 * convention was found** (assets-loans.md §6): the pattern is the module's default, unverified —
 * many agencies print it this way; an agency with another scheme needs this rule changed.
 */
export const ASSET_NUMBER_FORMAT: Rule<{ pattern: RegExp; prefix: RegExp; runningDigits: number }> = {
  value: { pattern: /^(\d{3})-(\d{2})-(\d{4})$/, prefix: /^(\d{3})-(\d{2})$/, runningDigits: 4 },
  confidence: '?',
  source: 'not found (assets-loans.md §6: "Numbering format (เลขครุภัณฑ์), such as type-year-sequence: no official convention was found"); the module default — unverified',
}

/** The categories staff choose from (the list); the Budget Bureau's classification was not checked. */
export const ASSET_CATEGORIES = ['office', 'computer', 'vehicle', 'electrical', 'household', 'advertising', 'construction', 'other'] as const
export type AssetCategory = (typeof ASSET_CATEGORIES)[number]
export const CATEGORY_RULE: Rule<readonly AssetCategory[]> = {
  value: ASSET_CATEGORIES,
  confidence: '?',
  source: 'issue 22 (ครุภัณฑ์สำนักงาน, คอมพิวเตอร์, ยานพาหนะ, ไฟฟ้าและวิทยุ, งานบ้านงานครัว…); the สำนักงบประมาณ classification was not checked — unverified',
}

/** ครุภัณฑ์ = a durable item of more than 5,000 baht a unit or set (a weak restatement; shown as a hint, never enforced). */
export const DURABLE_THRESHOLD_BAHT: Rule<number> = {
  value: 5000,
  confidence: 'L',
  source: 'https://www.kruchiangrai.net/tag/สิ่งของ/ (a restatement; assets-loans.md §6)',
  note: 'check against the current สำนักงบประมาณ classification; not enforced',
}

/** The register itself follows กค 0410.3/ว 338 (5 Nov 2546), as cited by an RMUTP manual. */
export const REGISTER_BASIS: Rule<string> = {
  value: 'กรมบัญชีกลาง ที่ กค 0410.3/ว 338 ลงวันที่ 5 พฤศจิกายน 2546 การจัดทำทะเบียนทรัพย์สินและการรายงานทรัพย์สิน',
  confidence: 'M',
  source: 'https://webkm.rmutp.ac.th/EBOOK/6-2parcelcontrol/files/basic-html/page39.html',
}

/** Normalises a typed asset number (Thai or Arabic digits, any dash) to "416-59-0001"; null when it is neither a number nor a prefix. */
export function normaliseAssetNumber(typed: string): { kind: 'full'; value: string } | { kind: 'prefix'; value: string } | null {
  const s = typed
    .trim()
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[\s‐-―−/.]+/g, '-')
  if (ASSET_NUMBER_FORMAT.value.pattern.test(s)) return { kind: 'full', value: s }
  if (ASSET_NUMBER_FORMAT.value.prefix.test(s)) return { kind: 'prefix', value: s }
  return null
}
