/** RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read Thai correctly. */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join(' ') : String(v)
    // Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return '\uFEFF' + [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n'
}

/** How a text file people upload was read; `refused` when it is neither UTF-8 nor Thai Windows-874. */
export type DecodedText = { ok: true; text: string; encoding: 'utf-8' | 'windows-874' } | { ok: false; reason: 'encoding' }

/** Thai letters, digits and marks (U+0E01–U+0E5B): what a real Thai Windows-874 file decodes to. */
const THAI = /[\u0E01-\u0E5B]/

/**
 * Reads the bytes of a CSV (or other text) file as people save it: UTF-8 (with or without a BOM), or
 * Windows-874 / TIS-620, what Thai Excel saves "CSV (Comma delimited)" in by default. A file that is
 * valid UTF-8 is UTF-8; otherwise it is Windows-874 only when it decodes cleanly and has Thai in it.
 * Anything else is refused, so the caller can say "save as CSV UTF-8" rather than show mojibake.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' }
  } catch {
    // not UTF-8: try the Thai Windows code page below
  }
  try {
    const text = new TextDecoder('windows-874', { fatal: true }).decode(bytes)
    if (THAI.test(text) && !/[\u0000-\u0008\u000E-\u001F\u0080-\u009F]/.test(text)) return { ok: true, text, encoding: 'windows-874' }
  } catch {
    // bytes with no character in Windows-874
  }
  return { ok: false, reason: 'encoding' }
}
