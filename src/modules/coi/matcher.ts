// The pure matcher of declared interests against the parties of a procurement (bidders, contractors).
// Procurement owns the flags it raises with it; this file knows no database and no module.

export const INTEREST_KINDS = ['family', 'business', 'shareholding', 'outside_work', 'other_position'] as const
export type InterestKind = (typeof INTEREST_KINDS)[number]
export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'sibling', 'relative'] as const
export type Relation = (typeof RELATIONS)[number]

/** One interest as declared: whose it is (the declarant or a relative) and the party it concerns. */
export type DeclaredInterest = {
  personId: string
  declarationId: string
  kind: InterestKind
  relation: Relation
  /** The relative's name when the interest is a relative's ('' for the declarant's own). */
  holderName: string
  /** The company, partnership, employer or body the interest concerns ('' for a relative only). */
  partyName: string
  juristicId: string | null
  detail: string
}
/** A party of a purchase: a bidder, a contractor, a natural person. */
export type Party = { name: string; juristicId?: string | null | undefined; ref?: string | undefined }
export type PartyMatch = { party: Party; interest: DeclaredInterest; by: 'juristic_id' | 'name'; on: 'party' | 'holder' }

const THAI_DIGITS = /[๐-๙]/g
const arabic = (s: string) => s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))

/** A juristic person's 13-digit registration number as typed (dashes, spaces, Thai digits); null when it is not 13 digits. */
export function normalizeJuristicId(raw: string | null | undefined): string | null {
  if (!raw) return null
  const digits = arabic(raw.normalize('NFC')).replace(/[\s\-–.]/g, '')
  return /^\d{13}$/.test(digits) ? digits : null
}

// Legal forms, longest first so "ห้างหุ้นส่วนจำกัด" goes before "ห้างหุ้นส่วน" and "จำกัด (มหาชน)" before "จำกัด".
const FORMS = [
  'บริษัทมหาชนจำกัด', 'ห้างหุ้นส่วนจำกัด', 'ห้างหุ้นส่วนสามัญนิติบุคคล', 'ห้างหุ้นส่วนสามัญ', 'ห้างหุ้นส่วน', 'บริษัท', 'บจก.', 'บจก', 'บมจ.', 'บมจ', 'หจก.', 'หจก', 'หสม.', 'หสน.', 'บ.',
  'companylimited', 'publiccompanylimited', 'limitedpartnership', 'co.,ltd.', 'co.ltd.', 'co.,ltd', 'co.ltd', 'ltd.', 'ltd', 'plc.', 'plc',
]
const SUFFIXES = ['จำกัด(มหาชน)', '(มหาชน)', 'มหาชน', 'จำกัด', 'ฯ']
// Titles of natural persons, longest first ("นางสาว" before "นาง"); stripped only from names with no legal form.
const TITLES = ['ว่าที่ร้อยตรีหญิง', 'ว่าที่ร้อยตรี', 'ว่าที่ร.ต.หญิง', 'ว่าที่ร.ต.', 'นางสาว', 'น.ส.', 'นส.', 'ด.ช.', 'ด.ญ.', 'เด็กชาย', 'เด็กหญิง', 'ดร.', 'นาย', 'นาง', 'mr.', 'mrs.', 'ms.', 'miss', 'mr', 'mrs', 'ms']

/**
 * A name reduced to what identifies it: Thai digits as 0–9, no spaces or zero-width characters,
 * no legal form ("บริษัท … จำกัด", "บจก.", "หจก.", "ห้างหุ้นส่วนจำกัด", "(มหาชน)") and, for a person, no title.
 */
export function normalizeThaiName(raw: string): string {
  let s = arabic(raw.normalize('NFC').toLowerCase()).replace(/[\s\u200b\u200c\u200d\u2060\ufeff]+/g, '').replace(/["'“”‘’]/g, '')
  let company = false
  for (let changed = true; changed; ) {
    changed = false
    for (const form of FORMS)
      if (s.startsWith(form) && s.length > form.length) {
        s = s.slice(form.length)
        company = changed = true
      }
    for (const suf of SUFFIXES)
      if (s.endsWith(suf) && s.length > suf.length) {
        s = s.slice(0, -suf.length)
        company = changed = true
      }
  }
  if (!company)
    for (const title of TITLES)
      if (s.startsWith(title) && s.length > title.length) {
        s = s.slice(title.length)
        break
      }
  // NFC again: removing a space between two marks can leave them out of canonical order.
  return s.replace(/[().,\-–]/g, '').normalize('NFC')
}

const MIN_NAME = 2

/**
 * Every declared interest a party touches: the same juristic ID, else the same normalised name (of
 * the company, or of the relative who holds the interest). Two different juristic IDs are two
 * different persons, whatever their names. Pure: same input, same output, in input order.
 */
export function matchParties(interests: readonly DeclaredInterest[], parties: readonly Party[]): PartyMatch[] {
  const out: PartyMatch[] = []
  for (const party of parties) {
    const pid = normalizeJuristicId(party.juristicId)
    const pname = normalizeThaiName(party.name)
    for (const interest of interests) {
      const iid = normalizeJuristicId(interest.juristicId)
      if (pid && iid) {
        if (pid === iid) out.push({ party, interest, by: 'juristic_id', on: 'party' })
        continue
      }
      if (pname.length < MIN_NAME) continue
      if (interest.partyName && normalizeThaiName(interest.partyName) === pname) out.push({ party, interest, by: 'name', on: 'party' })
      else if (interest.relation !== 'self' && interest.holderName && normalizeThaiName(interest.holderName) === pname) out.push({ party, interest, by: 'name', on: 'holder' })
    }
  }
  return out
}

/** Parties typed one a line: "name", "name | 0105561234567" or "name, 0105561234567" (the ID last). */
export function parsePartyLines(text: string): Party[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^(.*?)[\s,|;:]+([0-9๐-๙][0-9๐-๙\s-]{11,20})$/.exec(line)
      const id = m ? normalizeJuristicId(m[2]!) : null
      return id && m ? { name: m[1]!.trim(), juristicId: id } : { name: line, juristicId: null }
    })
}
