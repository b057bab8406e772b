// The method this module follows, as data with its source and how sure we are of each part
// (../shared/rules/risk-assessment.md; marks: H primary text, M good secondary source, L weak,
// ? not found in any source — then the value is the module's own default and says so).

export type Confidence = 'H' | 'M' | 'L' | '?'
export type Rule<T> = { value: T; confidence: Confidence; source: string; note?: string }

export const SCALE = [1, 2, 3, 4, 5] as const
export type ScaleValue = (typeof SCALE)[number]

/** Likelihood (โอกาสที่เกิด) and impact (ความรุนแรง) levels 1–5, as one อปท. publishes them (L–M): each agency may word its own. */
export const LIKELIHOOD_SCALE: Rule<Record<ScaleValue, { label: string; text: string }>> = {
  value: {
    5: { label: 'สูงมาก', text: 'มากกว่า 25 ครั้งต่อปี' },
    4: { label: 'สูง', text: 'ไม่เกิน 20 ครั้งต่อปี' },
    3: { label: 'ปานกลาง', text: 'ไม่เกิน 15 ครั้งต่อปี' },
    2: { label: 'น้อย', text: 'ไม่เกิน 10 ครั้งต่อปี' },
    1: { label: 'น้อยมาก', text: 'ไม่เกิน 5 ครั้งต่อปี' },
  },
  confidence: 'L',
  source: 'https://www.toomyai.go.th/ (การประเมินความเสี่ยงการทุจริต page of an อปท.)',
  note: 'an example of one agency; a general guide asks each agency to set its own 5-level scales (logisticafe.com; ia.psd.ku.ac.th)',
}
export const IMPACT_SCALE: Rule<Record<ScaleValue, { label: string; text: string }>> = {
  value: {
    5: { label: 'สูงมาก', text: 'กระทบภาพลักษณ์ของหน่วยงาน สร้างความเดือดร้อนแก่ประชาชน และกระทบความปลอดภัย' },
    4: { label: 'สูง', text: 'กระทบภาพลักษณ์ของหน่วยงานและสร้างความเดือดร้อนแก่ประชาชน' },
    3: { label: 'ปานกลาง', text: 'กระทบภาพลักษณ์ของหน่วยงาน' },
    2: { label: 'น้อย', text: '' },
    1: { label: 'น้อยมาก', text: '' },
  },
  confidence: 'L',
  source: 'https://www.toomyai.go.th/ (การประเมินความเสี่ยงการทุจริต page of an อปท.)',
  note: 'levels 2 and 1 have no description in the source',
}

/** Score = likelihood × impact (1–25), shown as "ผลคูณ / ระดับความเสี่ยง". */
export const SCORE_RULE: Rule<'likelihood_x_impact'> = { value: 'likelihood_x_impact', confidence: 'M', source: 'http://www.ubu.ac.th/web/ocn/content/แนวทางการประเมินความเสี่ยงเพื่อการป้องกันการทุจริต2562/ (ผลคูณ / ระดับความเสี่ยง)' }
export const scoreOf = (likelihood: number, impact: number): number => likelihood * impact

export const LEVELS = ['low', 'medium', 'high', 'very_high'] as const
export type Level = (typeof LEVELS)[number]
export type Band = { level: Level; min: number; max: number; colour: string }

/**
 * The level bands of the score and their colours. **Not found in any Thai public-sector source**
 * (risk-assessment.md §3): these are the module's own defaults, marked unverified, never "the NACC
 * rule". Kept as data in one place so an agency's own bands can replace them.
 */
export const LEVEL_BANDS: Rule<Band[]> = {
  value: [
    { level: 'low', min: 1, max: 3, colour: '#2e7d32' },
    { level: 'medium', min: 4, max: 9, colour: '#f9a825' },
    { level: 'high', min: 10, max: 16, colour: '#ef6c00' },
    { level: 'very_high', min: 17, max: 25, colour: '#c62828' },
  ],
  confidence: '?',
  source: 'not found (risk-assessment.md §3: band limits and colours were not found in any Thai public-sector source); the module default — unverified',
}
export function levelOf(score: number, bands: Band[] = LEVEL_BANDS.value): Level {
  return (bands.find((b) => score >= b.min && score <= b.max) ?? bands[bands.length - 1]!).level
}
export const bandOf = (level: Level, bands: Band[] = LEVEL_BANDS.value): Band => bands.find((b) => b.level === level)!
/** The upper limits of low, medium and high (very high goes to 25): what an agency may set per year. */
export type BandLimits = { lowMax: number; mediumMax: number; highMax: number }
export const DEFAULT_LIMITS: BandLimits = { lowMax: LEVEL_BANDS.value[0]!.max, mediumMax: LEVEL_BANDS.value[1]!.max, highMax: LEVEL_BANDS.value[2]!.max }
/** The bands of a year: the agency's own limits when it set them (then `custom`), else the module default (unverified). */
export type YearBands = { bands: Band[]; custom: boolean }
export function bandsFrom(limits: BandLimits | null): YearBands {
  if (!limits) return { bands: LEVEL_BANDS.value, custom: false }
  const [low, medium, high, veryHigh] = LEVEL_BANDS.value as [Band, Band, Band, Band]
  return {
    bands: [
      { ...low, min: 1, max: limits.lowMax },
      { ...medium, min: limits.lowMax + 1, max: limits.mediumMax },
      { ...high, min: limits.mediumMax + 1, max: limits.highMax },
      { ...veryHigh, min: limits.highMax + 1, max: 25 },
    ],
    custom: true,
  }
}
export const DEFAULT_BANDS = bandsFrom(null)

/** Process or service areas; risk-assessment.md: the source sorts risks into 4 areas but its list was cut off; this list is the (permits, procurement, asset use, personnel, budget…). */
export const AREAS = ['permits', 'procurement', 'assets', 'personnel', 'budget', 'revenue', 'service', 'other'] as const
export type Area = (typeof AREAS)[number]
export const AREA_RULE: Rule<readonly Area[]> = { value: AREAS, confidence: '?', source: 'the source lists 4 areas but the list was cut off (toomyai.go.th); these are the issue\'s areas — the module default, unverified' }

/** The columns of the annual assessment table as one university published them (M); the NACC OIT item's own list of fields was not found (?). */
export const REPORT_COLUMNS: Rule<string[]> = {
  value: ['ประเด็นความเสี่ยง', 'การควบคุมที่มีอยู่', 'โอกาส', 'ผลกระทบ', 'ผลคูณ / ระดับความเสี่ยง', 'แนวทางการจัดการ / มาตรการป้องกันการทุจริต', 'ตัวบ่งชี้', 'ค่าเป้าหมาย', 'ผู้รับผิดชอบ'],
  confidence: 'M',
  source: 'http://www.ubu.ac.th/web/ocn/content/แนวทางการประเมินความเสี่ยงเพื่อการป้องกันการทุจริต2562/ ; the NACC OIT item\'s field list for 2566–2568 was not found',
}

/** Monitoring rounds at 6 and 12 months of the fiscal year. MOPH asks for Q2 and Q4 evidence (M); for อปท. the rounds were not found (?): the module default. */
export const ROUNDS = [6, 12] as const
export type Round = (typeof ROUNDS)[number]
export const ROUND_RULE: Rule<readonly Round[]> = { value: ROUNDS, confidence: '?', source: 'MOPH MOIT 17/18: Q2 and Q4 evidence (sasukchana.com ?p=2699; mkh.go.th node/24770) — M; NACC 6/12-month rounds for อปท. not found — the module default, unverified' }
/** The last day of a round: 31 March (6 months) and 30 September (12 months) of the fiscal year, in C.E. */
export const roundEnd = (fiscalYear: number, round: Round): string => (round === 6 ? `${fiscalYear - 543}-03-31` : `${fiscalYear - 543}-09-30`)

export const MONITOR_STATUSES = ['not_started', 'in_progress', 'done', 'occurred'] as const
export type MonitorStatus = (typeof MONITOR_STATUSES)[number]

/** The OIT items the register answers (2566 list: O34 assessment, O35 the work to manage the risk; medium confidence in the framework data). */
export const OIT_WORDS = 'ความเสี่ยง'
/** The ITA indicator the seed names for risk management ("มีการบริหารจัดการความเสี่ยง…", indicator 10). */
export const INDICATOR = 10
