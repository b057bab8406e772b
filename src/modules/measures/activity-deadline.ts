import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { userUnits, users } from '../../platform/auth/auth.schema.js'
import { removeDeadline, closeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { mt } from './measures.i18n.js'
import { activities, measures } from './measures.schema.js'

// An activity's end date is a deadline on the platform's งานที่ต้องทำ (docs/decisions/0008): the
// responsible account's, or — while the activity names no one — the measure's officers (officers
// of the measure's units, else every officer of the agency). It ends when the activity is recorded
// done, goes away with the activity or its end date, and links to the activity on its measure's
// page. Called in the transaction that saves the activity.

export const ACTIVITY_DEADLINE = { module: 'measures', kind: 'activity_end' } as const
const OFFICER_ROLE = 'officer'

const keyOf = (orgId: string, ref: string) => ({ orgId, ...ACTIVITY_DEADLINE, ref })

/** Accounts of the agency that can be named responsible for an activity (active ones). */
export async function activeAccountIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), isNull(users.disabledAt)))
  return new Set(rows.map((r) => r.id))
}

export async function syncActivityDeadlines(tx: Tx, orgId: string, activityIds: string[]): Promise<void> {
  if (!activityIds.length) return
  const rows = await tx
    .select({ id: activities.id, title: activities.title, endsOn: activities.endsOn, status: activities.status, responsibleUserId: activities.responsibleUserId, measureId: measures.id, measure: measures.title, unitIds: measures.unitIds })
    .from(activities)
    .innerJoin(measures, and(eq(measures.orgId, activities.orgId), eq(measures.id, activities.measureId)))
    .where(inArray(activities.id, activityIds))
  const found = new Set(rows.map((r) => r.id))
  for (const id of activityIds) if (!found.has(id)) await removeDeadline(tx, keyOf(orgId, id))
  let officers: { id: string; unitIds: string[] }[] | null = null
  for (const a of rows) {
    const key = keyOf(orgId, a.id)
    if (!a.endsOn) {
      await removeDeadline(tx, key)
      continue
    }
    if (a.status === 'done') {
      await closeDeadline(tx, key)
      continue
    }
    let assignees: string[] = []
    if (a.responsibleUserId && (await activeAccountIds(tx, [a.responsibleUserId])).size) assignees = [a.responsibleUserId]
    else {
      if (!officers) {
        const list = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, OFFICER_ROLE), isNull(users.disabledAt)))
        const links = list.length ? await tx.select().from(userUnits).where(inArray(userUnits.userId, list.map((u) => u.id))) : []
        officers = list.map((u) => ({ id: u.id, unitIds: links.filter((l) => l.userId === u.id).map((l) => l.unitId) }))
      }
      const ofUnits = officers.filter((o) => o.unitIds.some((u) => a.unitIds.includes(u)))
      assignees = (ofUnits.length ? ofUnits : officers).map((o) => o.id)
    }
    await setDeadline(tx, {
      ...key,
      title: { th: mt('th', 'd.activityEnd', { activity: a.title, measure: a.measure }), en: mt('en', 'd.activityEnd', { activity: a.title, measure: a.measure }) },
      href: `/ita/measures/${a.measureId}#act-${a.id}`,
      dueOn: a.endsOn,
      assigneeUserIds: assignees,
      visibleTo: 'measure.read',
    })
  }
}

/** Removes the deadlines of activities that are about to go (a measure deleted with them). */
export async function removeActivityDeadlines(tx: Tx, orgId: string, measureId: string): Promise<void> {
  const ids = (await tx.select({ id: activities.id }).from(activities).where(eq(activities.measureId, measureId))).map((r) => r.id)
  for (const id of ids) await removeDeadline(tx, keyOf(orgId, id))
}
