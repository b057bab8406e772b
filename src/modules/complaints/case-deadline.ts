import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { users } from '../../platform/auth/auth.schema.js'
import { closeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { complaintCases } from './complaints.schema.js'
import { isOpen } from './case-data.js'
import { ct } from './complaints.i18n.js'

// Each open case is a deadline on the platform's งานที่ต้องทำ (the close-by date of its category's
// SLA): the responsible officer's, or every complaints officer's the report does not name while no
// one is responsible. Only case numbers go there, never content; only complaint.read sees the
// agency-wide list. Called in the transaction that changes the case.

export async function syncCaseDeadlines(tx: Tx, orgId: string, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return
  const cases = await tx
    .select({ id: complaintCases.id, caseNo: complaintCases.caseNo, status: complaintCases.status, closeDueOn: complaintCases.closeDueOn, responsibleUserId: complaintCases.responsibleUserId, excludedUserIds: complaintCases.excludedUserIds })
    .from(complaintCases)
    .where(inArray(complaintCases.id, caseIds))
  let officers: string[] | null = null
  for (const c of cases) {
    const key = { orgId, module: 'complaints', kind: 'close', ref: c.id }
    if (!isOpen(c.status)) {
      await closeDeadline(tx, key)
      continue
    }
    officers ??= (await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'complaints_officer'), isNull(users.disabledAt)))).map((u) => u.id)
    const assignees = c.responsibleUserId && !c.excludedUserIds.includes(c.responsibleUserId) ? [c.responsibleUserId] : officers.filter((id) => !c.excludedUserIds.includes(id))
    await setDeadline(tx, {
      ...key,
      title: { th: ct('th', 'deadline.close', { no: c.caseNo }), en: ct('en', 'deadline.close', { no: c.caseNo }) },
      href: `/complaints/${c.id}`,
      dueOn: c.closeDueOn,
      assigneeUserIds: assignees,
      visibleTo: 'complaint.read',
    })
  }
}
