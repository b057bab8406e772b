import type { PageCtx } from '../../../platform/ui/page-context.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { meetingsT } from '../meetings.i18n.js'
import type { Meeting, MeetingStatus } from '../meetings.schema.js'
import type { Quorum } from '../attendance.js'
import { numberText } from '../shared.js'

const TONE: Record<MeetingStatus, string> = { planned: 'warn', invited: 'warn', held: 'ok', adopted: 'ok', cancelled: 'bad' }
export const StatusBadge = ({ ctx, status }: { ctx: PageCtx; status: MeetingStatus }) => <span class={`badge ${TONE[status]}`}>{meetingsT(ctx.lang, `status.${status}`)}</span>

export const meetingName = (m: Pick<Meeting, 'title' | 'number' | 'fiscalYear'>) => `${m.title} ${meetingsT('th', 'meeting.number', { number: numberText(m) })}`
export const when = (ctx: PageCtx, m: Pick<Meeting, 'heldOn' | 'startsAt'>) => `${formatThaiDate(m.heldOn, { lang: ctx.lang })} ${m.startsAt}`

export const QuorumBox = ({ ctx, q }: { ctx: PageCtx; q: Quorum }) => (
  <p class="quorum" role="status">
    <span class={`badge ${q.met ? 'ok' : 'warn'}`}>{meetingsT(ctx.lang, q.met ? 'quorum.met' : 'quorum.notMet')}</span> {meetingsT(ctx.lang, 'quorum.counts', { present: q.present, members: q.members, required: q.required, leave: q.leave, absent: q.absent, outside: q.outside })}
  </p>
)
