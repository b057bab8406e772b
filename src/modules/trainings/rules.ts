// The training module's rules and defaults, each with its status (sources in ../shared/rules/meetings-trainings.md, part 5).
// Marks: M good secondary source, ? not found (then the value is the module's own default and says so).

export const TRAINER_KINDS = ['inside', 'outside'] as const
export type TrainerKind = (typeof TRAINER_KINDS)[number]
export const MODES = ['onsite', 'online'] as const
export type Mode = (typeof MODES)[number]

/**
 * The fields of a session and of its report: course, organiser, dates, place, participants, budget,
 * summary, benefits, reporter, supervisor's acknowledgement. Status: ? — the rules file says no
 * form for the report after a training was found; these are its "suggested fields, an inference".
 */
export const REPORT_FIELDS = { status: 'unverified', source: 'meetings-trainings.md §5 (suggested fields, an inference)' } as const

/** The expense rule the budget line refers to (the figures themselves are the agency's). Status: M. */
export const EXPENSE_RULE = { text: 'ระเบียบกระทรวงการคลังว่าด้วยค่าใช้จ่ายในการฝึกอบรม การจัดงาน และการประชุมระหว่างประเทศ พ.ศ. 2549 และที่แก้ไขเพิ่มเติม', status: 'M', source: 'meetings-trainings.md §5 (cttc.cpd.go.th; finance.offpre.rmutp.ac.th)' } as const

/**
 * After a published session ends, its maker has this many days to record attendance and the report.
 * Status: ? — "within 30 days" is named in the rules file only as an example of what was not found; the module's own default.
 */
export const REPORT_DAYS_AFTER = { value: 30, status: 'unverified' } as const

/** A multiple-choice question has 2 to 6 choices and exactly one correct one (the module's own bounds). */
export const CHOICES = { min: 2, max: 6 } as const
/** A session's test: the same questions before and after, so the improvement compares like with like (common practice; the module's own rule). */
export const TEST_QUESTIONS = { min: 1, max: 50 } as const
export const PHASES = ['pre', 'post'] as const
export type Phase = (typeof PHASES)[number]

/**
 * The evaluation form: five statements rated on a 1–5 Likert scale (5 มากที่สุด … 1 น้อยที่สุด) and a
 * comment. Status: ? — no prescribed evaluation form for agency trainings was found; these items are
 * the module's own default, common on Thai training evaluation forms — **unverified**.
 */
export const EVALUATION_ITEMS = ['content', 'trainer', 'materials', 'venue', 'overall'] as const
export type EvaluationItem = (typeof EVALUATION_ITEMS)[number]
export const LIKERT = [5, 4, 3, 2, 1] as const

/** How long a single-use answer link stays valid (the module's own default). */
export const LINK_DAYS = 30
