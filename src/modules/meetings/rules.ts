// The Thai conventions this module follows, with their sources and how sure we are of each
// (../shared/rules/meetings-trainings.md; marks: H primary text, M good secondary source, L weak,
// ? not found in any source — then the value is the module's own default and says so).

export type Confidence = 'H' | 'M' | 'L' | '?'
export type Rule<T> = { value: T; confidence: Confidence; source: string; note?: string }

/** ระเบียบวาระการประชุม in the standard order (the regulation's คำอธิบาย 1.9, as restated by universities; guidance, not a binding clause). */
export const AGENDA_SECTIONS = [1, 2, 3, 4, 5, 6] as const
export type AgendaSection = (typeof AGENDA_SECTIONS)[number]
export const AGENDA_ORDER: Record<AgendaSection, Rule<AgendaSection>> = {
  1: { value: 1, confidence: 'M', source: 'http://blog.msu.ac.th/?p=7758 (คำอธิบาย 1.9)' },
  2: { value: 2, confidence: 'M', source: 'http://blog.msu.ac.th/?p=7758 (คำอธิบาย 1.9)' },
  3: { value: 3, confidence: 'M', source: 'https://webkm.rmutp.ac.th/EBOOK/5-7meeting/files/basic-html/page48.html' },
  4: { value: 4, confidence: 'M', source: 'https://webkm.rmutp.ac.th/EBOOK/5-7meeting/files/basic-html/page48.html' },
  5: { value: 5, confidence: 'M', source: 'https://webkm.rmutp.ac.th/EBOOK/5-7meeting/files/basic-html/page48.html' },
  6: { value: 6, confidence: 'L', source: 'common practice; not in the found excerpt of the regulation' },
}

/** Minutes follow แบบที่ 11 of ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. 2526 (as amended). */
export const MINUTES_FORM: Rule<'แบบที่ 11'> = { value: 'แบบที่ 11', confidence: 'M', source: 'https://aypaotechno.blogspot.com/2024/10/blog-post_16.html ; https://slideplayer.in.th/amp/17550338' }

/** ผู้ตรวจรายงานการประชุม: common practice; whether แบบที่ 11 has it is not confirmed, so it is optional. */
export const CHECKER_SIGNATURE: Rule<'optional'> = { value: 'optional', confidence: '?', source: 'not found in แบบที่ 11 as quoted by the sources; agency practice' }

/** Agenda papers are often sent about a week ahead: the module's reminder to send the invitation. */
export const INVITE_DAYS_AHEAD: Rule<number> = { value: 7, confidence: 'L', source: 'https://www.gotoknow.org/posts/44038' }

/**
 * Quorum: no rule for staff meetings was found in the sources; the module's default is more than
 * half of the members invited, and each meeting may set its own number.
 */
export const DEFAULT_QUORUM: Rule<'more_than_half'> = { value: 'more_than_half', confidence: '?', source: 'not found; the module default (the agency sets its own per meeting)' }

/** Meeting number "ครั้งที่ n/ปี": common; the module counts per kind and fiscal year. */
export const NUMBERING: Rule<'per_kind_and_fiscal_year'> = { value: 'per_kind_and_fiscal_year', confidence: '?', source: '"n/ปี" is common (slideplayer 17550338); which year restarts the count was not found' }

export function quorumOf(members: number, set: number | null): number {
  return set ?? Math.floor(members / 2) + 1
}

export const MEETING_KINDS = ['monthly', 'annual', 'community', 'committee', 'other'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]

export const STANDING_KEYS = ['do_dont', 'spending_plan', 'no_gift', 'asset_use', 'ethics'] as const
export type StandingKey = (typeof STANDING_KEYS)[number]

/**
 * The standing items each kind repeats, from the seed report (measures 1, 4, 5 and indicators 2, 5,
 * 10 of เทศบาลตำบลพนมรุ้ง FY2566): agency practice, not a rule; each lands in section 4 (เพื่อทราบ).
 */
export const STANDING_ITEMS: Record<MeetingKind, StandingKey[]> = {
  monthly: ['do_dont', 'spending_plan', 'no_gift', 'asset_use'],
  annual: ['do_dont', 'ethics', 'no_gift'],
  community: [],
  committee: [],
  other: [],
}
