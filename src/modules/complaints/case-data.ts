import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { users } from '../../platform/auth/auth.schema.js'
import { complaintCases, complaintFiles, complaintMessages, type CaseRow, type FileKind, type Status } from './complaints.schema.js'
import { openText } from './vault.js'

// What every use case of a case reads: its plain columns, its (decrypted) file list and
// conversation. Content is only ever decrypted inside the caller's agency transaction.

export type ReportContent = { subject: string; details: string; whenWhere?: string | undefined; who?: string | undefined }
export type ReportContact = { name?: string | undefined; phone?: string | undefined; email?: string | undefined }
export type Upload = { name: string; bytes: Uint8Array }

export const CASE_META = {
  orgId: complaintCases.orgId,
  id: complaintCases.id,
  caseNo: complaintCases.caseNo,
  category: complaintCases.category,
  channel: complaintCases.channel,
  status: complaintCases.status,
  outcome: complaintCases.outcome,
  referredTo: complaintCases.referredTo,
  dataKeyId: complaintCases.dataKeyId,
  attachmentCount: complaintCases.attachmentCount,
  excludedUserIds: complaintCases.excludedUserIds,
  responsibleUserId: complaintCases.responsibleUserId,
  receivedAt: complaintCases.receivedAt,
  acknowledgedAt: complaintCases.acknowledgedAt,
  ackDueOn: complaintCases.ackDueOn,
  closeDueOn: complaintCases.closeDueOn,
  closedAt: complaintCases.closedAt,
  committeeAppointedAt: complaintCases.committeeAppointedAt,
  committeeDeadline: complaintCases.committeeDeadline,
  purgedAt: complaintCases.purgedAt,
} as const
export type CaseMeta = Pick<CaseRow, keyof typeof CASE_META>

export const isOpen = (s: Status) => s !== 'closed' && s !== 'referred'

/** A case is overdue when it is still open and past its acknowledge or conclude date (Bangkok days). */
export function overdueKind(c: Pick<CaseMeta, 'status' | 'acknowledgedAt' | 'ackDueOn' | 'closeDueOn'>, today: string): 'ack' | 'close' | null {
  if (!isOpen(c.status)) return null
  if (!c.acknowledgedAt && c.ackDueOn < today) return 'ack'
  if (c.closeDueOn < today) return 'close'
  return null
}

export function orgOf(ctx: Pick<UseCaseCtx, 'orgId'>): string {
  if (!ctx.orgId) throw new AppError('not_found', 404)
  return ctx.orgId
}

export type FileMeta = { id: string; kind: FileKind; contentType: string; size: number; name: string; messageId: string | null; createdAt: Date; uploadedByUserId: string | null }
export type MessageView = { id: string; author: 'reporter' | 'staff'; authorName: string | null; body: string; createdAt: Date; files: FileMeta[] }
export type FileDownload = { name: string; contentType: string; bytes: Buffer }

export async function loadMeta(tx: Tx, caseId: string): Promise<CaseMeta | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return undefined
  const [m] = await tx.select(CASE_META).from(complaintCases).where(eq(complaintCases.id, caseId))
  return m
}

export async function loadFiles(tx: Tx, key: Buffer, orgId: string, caseId: string, kinds?: FileKind[]): Promise<FileMeta[]> {
  const rows = await tx
    .select({ id: complaintFiles.id, kind: complaintFiles.kind, contentType: complaintFiles.contentType, size: complaintFiles.size, name: complaintFiles.name, messageId: complaintFiles.messageId, createdAt: complaintFiles.createdAt, uploadedByUserId: complaintFiles.uploadedByUserId })
    .from(complaintFiles)
    .where(and(eq(complaintFiles.caseId, caseId), kinds ? inArray(complaintFiles.kind, kinds) : undefined))
    .orderBy(asc(complaintFiles.createdAt))
  return rows.map((r) => ({ ...r, name: openText(key, orgId, caseId, 'file-name', r.name) }))
}

export async function loadMessages(tx: Tx, key: Buffer, orgId: string, caseId: string, files: FileMeta[], names: Map<string, string> | null): Promise<MessageView[]> {
  const rows = await tx.select().from(complaintMessages).where(eq(complaintMessages.caseId, caseId)).orderBy(asc(complaintMessages.createdAt))
  return rows.map((m) => ({
    id: m.id,
    author: m.author,
    authorName: m.authorUserId && names ? (names.get(m.authorUserId) ?? null) : null,
    body: openText(key, orgId, caseId, `message:${m.id}`, m.body),
    createdAt: m.createdAt,
    files: files.filter((f) => f.messageId === m.id),
  }))
}

/** The agency's active staff, by name (for assignment choices and author names). */
export async function staffOf(tx: Tx) {
  return tx.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(isNull(users.disabledAt)).orderBy(asc(users.displayName))
}
