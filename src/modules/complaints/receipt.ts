import { randomInt } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { toDataURL } from 'qrcode'
import { hmacSha256 } from '../../platform/crypto/index.js'
import { fromThaiDigits } from '../../platform/thai/index.js'

// The receipt code: 16 random digits (about 53 bits). The database keeps
//  - a fast keyed lookup id, HMAC(app secret, agency | first 8 digits), to find the candidate
//    case(s) without scanning, and
//  - an argon2id hash of the whole code.
// A dump without the app secret gives no way to test guesses except the slow hash over 10^16
// codes. Parameters are moderate (4 MiB, 1 pass, about 3 ms) because every submission pays them
// and the code itself carries the entropy; online guessing is throttled separately.
const ARGON = { memoryCost: 4096, timeCost: 1, parallelism: 1 } as const

export function generateReceiptCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0') + String(randomInt(0, 100_000_000)).padStart(8, '0')
}

/** Accepts spaces, dashes and Thai digits; returns the 16 digits or null. */
export function normalizeReceiptCode(input: string): string | null {
  const digits = fromThaiDigits(input).replace(/[\s-]/g, '')
  return /^\d{16}$/.test(digits) ? digits : null
}

/** "1234 5678 9012 3456" */
export function formatReceiptCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ')
}

export function receiptLookupId(appSecret: string, orgId: string, code: string): string {
  return hmacSha256(appSecret, `complaint-receipt:${orgId}:${code.slice(0, 8)}`)
}

export function hashReceiptCode(code: string): Promise<string> {
  return hash(code, ARGON)
}

export async function verifyReceiptCode(storedHash: string, code: string): Promise<boolean> {
  try {
    return await verify(storedHash, code)
  } catch {
    return false
  }
}

/** The code as a QR image (`data:` PNG, so the receipt page loads nothing else). */
export function receiptQr(code: string): Promise<string> {
  return toDataURL(code, { errorCorrectionLevel: 'M', margin: 1, width: 220 })
}
