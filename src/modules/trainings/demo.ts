import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { peopleFor, STAFF_KINDS } from '../../platform/people/directory.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { attendees, sessions, type Session } from './trainings.schema.js'
import { ANTI_CORRUPTION_TRAINING, COI_TRAINING } from './demo-texts.js'

type DemoTraining = typeof COI_TRAINING | typeof ANTI_CORRUPTION_TRAINING

/** One demo training: published, every staff member and executive signed up, attendance from the sign-in sheet and QR. */
async function insertTraining(tx: Tx, orgId: string, d: DemoTraining): Promise<Session> {
  const { key: _key, absent, outside, ...fields } = d
  const [s] = await tx
    .insert(sessions)
    .values({ orgId, ...fields, fiscalYear: fiscalYearOf(d.startsOn), status: 'published', publishedAt: new Date(`${d.startsOn}T09:00:00+07:00`), createdAt: new Date(`${d.startsOn}T09:00:00+07:00`) })
    .returning()
  const list = await peopleFor(tx, { all: true, kinds: [...STAFF_KINDS, 'executive'] }, { on: d.startsOn })
  const at = new Date(`${d.startsOn}T08:45:00+07:00`)
  if (list.length)
    await tx.insert(attendees).values(
      list.map((p, i) => {
        const away = absent.includes(p.fullName)
        return { orgId, sessionId: s!.id, personId: p.id, kind: 'staff' as const, name: p.fullName, position: p.position ?? '', status: away ? ('absent' as const) : ('present' as const), checkedInAt: away ? null : at, via: away ? null : i % 3 === 0 ? ('self' as const) : ('sheet' as const) }
      }),
    )
  if (outside.length) await tx.insert(attendees).values(outside.map((o) => ({ orgId, sessionId: s!.id, kind: 'outside' as const, ...o, status: 'present' as const, checkedInAt: at, via: 'sheet' as const })))
  return s!
}

/** The demo agency's FY2566 trainings of measures 2 and 6: conflicts of interest (February) and anti-corruption with community leaders (June). */
export async function loadTrainingsDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  await inOrg(deps.db, org.id, async (tx) => {
    const made = [await insertTraining(tx, org.id, COI_TRAINING), await insertTraining(tx, org.id, ANTI_CORRUPTION_TRAINING)]
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'trainings.demo', entityType: 'training_session', details: { sessions: made.map((s) => s.id) } })
  })
}
