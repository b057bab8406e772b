import { fromThaiDigits, toThaiDigits } from './numerals.js'

/** An amount in baht: a number, or a decimal string such as PostgreSQL `numeric` returns. */
export type BahtAmount = number | string

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

/**
 * Converts baht to whole satang, rounding half away from zero at the second decimal. Works on
 * the decimal digits rather than `amount * 100`, because 1.005 * 100 is 100.49999… in binary.
 */
export function toSatang(amount: BahtAmount, opts: { exact?: boolean } = {}): bigint {
  let text: string
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) throw new RangeError(`not an amount: ${amount}`)
    // The shortest decimal that round-trips (1.005 → "1.005"), without exponent notation.
    text = amount.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
  } else {
    text = fromThaiDigits(amount.trim())
  }
  const m = DECIMAL.exec(text)
  if (!m) throw new RangeError(`not an amount: ${JSON.stringify(amount)}`)
  // An amount written in words on a document (bahttext) must be exact: 1.005 baht is a typo or a
  // computation left unrounded, and silently printing "หนึ่งบาทหนึ่งสตางค์" would misstate it.
  if (opts.exact && /[1-9]/.test((m[3] ?? '').slice(2))) throw new RangeError(`${JSON.stringify(amount)} has fractions of a satang`)
  const fraction = (m[3] ?? '').padEnd(3, '0')
  let satang = BigInt(m[2]!) * 100n + BigInt(fraction.slice(0, 2))
  if (Number(fraction[2]) >= 5) satang += 1n
  return m[1] && satang !== 0n ? -satang : satang
}

export type BahtFormatOptions = {
  thaiDigits?: boolean
  /** Append " บาท" (default true); false for table cells under a "บาท" heading. */
  unit?: boolean
}

/** "1,234,567.50 บาท": always two decimals, as on Thai financial documents. */
export function formatBaht(amount: BahtAmount, opts: BahtFormatOptions = {}): string {
  const satang = toSatang(amount)
  const abs = satang < 0n ? -satang : satang
  const baht = String(abs / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const s = `${satang < 0n ? '-' : ''}${baht}.${String(abs % 100n).padStart(2, '0')}${opts.unit === false ? '' : ' บาท'}`
  return opts.thaiDigits ? toThaiDigits(s) : s
}

const DIGIT_WORDS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'] as const
const PLACE_WORDS = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'] as const

/**
 * Reads a positive integer (decimal digits, no leading zeros) in Thai. Places repeat every six
 * digits with ล้าน: 1,000,000,000,000 is หนึ่งล้านล้าน.
 */
function readInteger(digits: string): string {
  let out = ''
  let higherNonZero = false
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i])
    const power = digits.length - 1 - i
    const place = power % 6
    if (d !== 0) {
      if (place === 1) out += d === 1 ? 'สิบ' : d === 2 ? 'ยี่สิบ' : DIGIT_WORDS[d] + 'สิบ'
      // A units 1 after any higher digit is เอ็ด: สิบเอ็ด, หนึ่งร้อยเอ็ด, หนึ่งล้านเอ็ด.
      else if (place === 0 && d === 1 && higherNonZero) out += 'เอ็ด'
      else out += DIGIT_WORDS[d] + PLACE_WORDS[place]!
      higherNonZero = true
    }
    if (place === 0 && power > 0) out += 'ล้าน'
  }
  return out
}

/**
 * The amount in words as written on cheques and receipts (Excel BAHTTEXT): 1,200,000 →
 * "หนึ่งล้านสองแสนบาทถ้วน", 21.25 → "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์", 0.50 → "ห้าสิบสตางค์".
 * Rounds to the satang first.
 */
/** The amount in Thai words as on official documents; refuses (RangeError) an amount with fractions of a satang. */
export function bahtText(amount: BahtAmount): string {
  const satang = toSatang(amount, { exact: true })
  if (satang === 0n) return 'ศูนย์บาทถ้วน'
  const abs = satang < 0n ? -satang : satang
  const baht = abs / 100n
  const rest = abs % 100n
  const bahtPart = baht === 0n ? '' : readInteger(String(baht)) + 'บาท'
  const satangPart = rest === 0n ? 'ถ้วน' : readInteger(String(rest)) + 'สตางค์'
  return (satang < 0n ? 'ลบ' : '') + bahtPart + satangPart
}
