const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'

export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!)
}
export function fromThaiDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)))
}
