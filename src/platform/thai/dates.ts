import { toThaiDigits } from './numerals.js'

/** A timestamp as Thai offices read it: Buddhist-era year, Bangkok time. */
export function formatThaiDateTime(date: Date, opts: { lang?: 'th' | 'en'; thaiDigits?: boolean } = {}): string {
  const s = new Intl.DateTimeFormat(opts.lang === 'en' ? 'en-GB' : 'th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
  return opts.thaiDigits ? toThaiDigits(s) : s
}
