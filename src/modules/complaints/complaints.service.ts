import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps, UseCaseCtx } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { assertCan, can, type Actor, type Permission } from '../../platform/auth/permissions.js'
import { appendAudit, appendAuditMany } from '../../platform/audit/audit.js'
import { users } from '../../platform/auth/auth.schema.js'
import { hmacSha256 } from '../../platform/crypto/index.js'
import { toIsoDate } from '../../platform/thai/index.js'
import {
  complaintAssignments,
  complaintCases,
  complaintEvents,
  complaintFiles,
  complaintMessages,
  complaintSettings,
  DEFAULT_RETENTION_YEARS,
  DEFAULT_SLA,
  type AssignRole,
  type CaseRow,
  type Category,
  type Channel,
  type FileKind,
  type Outcome,
  type Referral,
  type Sla,
  type Status,
} from './complaints.schema.js'
import { activeDataKey, dataKeyById, openBytes, openJson, openText, sealJson, sealText } from './vault.js'
import { cleanAttachments, type CleanFile } from './attachments.js'
import { commitBatched } from './batch.js'
import { generateReceiptCode, hashReceiptCode, receiptLookupId, verifyReceiptCode } from './receipt.js'

export type ReportContent = { subject: string; details: string; whenWhere?: string | undefined; who?: string | undefined }
export type ReportContact = { name?: string | undefined; phone?: string | undefined; email?: string | undefined }
export type Upload = { name: string; bytes: Uint8Array }
export type ReportInput = ReportContent & {
  category: Category
  contact?: ReportContact | undefined
  files?: Upload[]
  /** The form's one-time nonce: the same form sent twice makes one case. */
  nonce?: string | undefined
  /** Staff intake only: how the report came in and on which day (ISO date). */
  channel?: Channel
  receivedOn?: string | undefined
}
export type SubmitResult = { ok: true; caseId: string; caseNo: number; code: string } | { ok: false; duplicate: true }

const CASE_META = {
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

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A case is overdue when it is still open and past its acknowledge or conclude date (Bangkok days). */
export function overdueKind(c: Pick<CaseMeta, 'status' | 'acknowledgedAt' | 'ackDueOn' | 'closeDueOn'>, today: string): 'ack' | 'close' | null {
  if (!isOpen(c.status)) return null
  if (!c.acknowledgedAt && c.ackDueOn < today) return 'ack'
  if (c.closeDueOn < today) return 'close'
  return null
}

// ---------- settings ----------

export type ComplaintSettings = { sla: Sla; retentionYears: number }

async function readSettings(tx: Tx): Promise<ComplaintSettings> {
  const [row] = await tx.select().from(complaintSettings)
  const sla = { ...DEFAULT_SLA }
  for (const [k, v] of Object.entries(row?.sla ?? {})) if (k in sla && v) sla[k as Category] = v
  return { sla, retentionYears: row?.retentionYears ?? DEFAULT_RETENTION_YEARS }
}

export async function getSettings(ctx: UseCaseCtx): Promise<ComplaintSettings> {
  assertCan(ctx.actor, 'complaint.settings')
  return inOrg(ctx.db, orgOf(ctx), readSettings)
}

export async function updateSettings(ctx: UseCaseCtx, s: ComplaintSettings): Promise<void> {
  assertCan(ctx.actor, 'complaint.settings')
  const orgId = orgOf(ctx)
  await inOrg(ctx.db, orgId, async (tx) => {
    await tx
      .insert(complaintSettings)
      .values({ orgId, sla: s.sla, retentionYears: s.retentionYears })
      .onConflictDoUpdate({ target: complaintSettings.orgId, set: { sla: s.sla, retentionYears: s.retentionYears, updatedAt: new Date() } })
    await appendAudit(tx, { orgId, actorUserId: ctx.actor!.userId, action: 'complaint.settings', entityType: 'complaint_settings', entityId: orgId, requestId: ctx.requestId, details: { ...s } })
  })
}

function orgOf(ctx: Pick<UseCaseCtx, 'orgId'>): string {
  if (!ctx.orgId) throw new AppError('not_found', 404)
  return ctx.orgId
}

// ---------- named staff ----------

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ')

/** Staff whose full name or first name appears in what the reporter wrote (they must never see the case). */
export function namedStaff(text: string, staff: { id: string; displayName: string }[]): string[] {
  const hay = norm(text)
  return staff
    .filter((u) => {
      const full = norm(u.displayName).trim()
      const first = full.split(' ')[0] ?? ''
      return (full.length >= 2 && hay.includes(full)) || ([...first].length >= 3 && hay.includes(first))
    })
    .map((u) => u.id)
}

// ---------- submission (public form and staff intake) ----------

/**
 * Stores a report: the case, its attachments, its first history event and its audit entry in
 * ONE transaction, so a crash leaves either the whole report or nothing. Nothing about the
 * sender (address, browser, account) is stored for web reports; intake records the officer.
 */
export async function submitReport(ctx: UseCaseCtx, input: ReportInput): Promise<SubmitResult> {
  const orgId = orgOf(ctx)
  const intake = input.channel !== undefined && input.channel !== 'web'
  if (intake) assertCan(ctx.actor, 'complaint.intake')
  const files = await cleanAttachments(input.files ?? [])
  const code = generateReceiptCode()
  const [receiptHash, dk] = await Promise.all([hashReceiptCode(code), activeDataKey(ctx.deps, orgId)])
  const caseId = randomUUID()
  const content: ReportContent = { subject: input.subject, details: input.details, whenWhere: input.whenWhere, who: input.who }
  const contact = input.contact && Object.values(input.contact).some(Boolean) ? input.contact : null
  const receivedAt = intake && input.receivedOn ? new Date(`${input.receivedOn}T09:00:00+07:00`) : new Date()
  const submissionKey = input.nonce ? hmacSha256(ctx.deps.appSecret, `complaint-nonce:${orgId}:${input.nonce}`) : null
  const sealedFiles = files.map((f) => ({ id: randomUUID(), f, name: sealText(dk.key, orgId, caseId, 'file-name', f.name) }))
  const row = {
    orgId,
    id: caseId,
    category: input.category,
    channel: intake ? input.channel! : ('web' as const),
    receiptLookup: receiptLookupId(ctx.deps.appSecret, orgId, code),
    receiptHash,
    submissionKey,
    dataKeyId: dk.id,
    content: sealJson(dk.key, orgId, caseId, 'content', content),
    contact: contact ? sealJson(dk.key, orgId, caseId, 'contact', contact) : null,
    attachmentCount: files.length,
    receivedAt,
  }
  try {
    return await commitBatched(ctx.db, orgId, async (tx, batch) => {
      // Read once per group-committed transaction, not once per report.
      const once = <T,>(key: string, read: () => Promise<T>): Promise<T> => {
        let p = batch.memo.get(key) as Promise<T> | undefined
        if (!p) batch.memo.set(key, (p = read()))
        return p
      }
      const settings = await once('settings', () => readSettings(tx))
      const sla = settings.sla[input.category]
      const day = toIsoDate(receivedAt)
      const staff = await once('staff', () => tx.select({ id: users.id, displayName: users.displayName }).from(users))
      const excluded = namedStaff(`${content.who ?? ''}\n${content.subject}\n${content.details}`, staff)
      // Rows are written by one multi-row statement per table for the whole batch (see batch.ts).
      type Pending = {
        cases: (typeof complaintCases.$inferInsert)[]
        files: (typeof complaintFiles.$inferInsert)[]
        events: (typeof complaintEvents.$inferInsert)[]
        audits: Omit<Parameters<typeof appendAudit>[1], 'orgId'>[]
        caseNos: Map<string, number>
      }
      let pending = batch.memo.get('pending') as Pending | undefined
      if (!pending) {
        const p: Pending = { cases: [], files: [], events: [], audits: [], caseNos: new Map() }
        batch.memo.set('pending', (pending = p))
        batch.onFlush('pending', async () => {
          const created = await tx.insert(complaintCases).values(p.cases).returning({ id: complaintCases.id, caseNo: complaintCases.caseNo })
          for (const c of created) p.caseNos.set(c.id, c.caseNo)
          if (p.files.length) await tx.insert(complaintFiles).values(p.files)
          await tx.insert(complaintEvents).values(p.events)
          await appendAuditMany(tx, orgId, p.audits)
        })
      }
      pending.cases.push({ ...row, excludedUserIds: excluded, ackDueOn: addDays(day, sla.ack), closeDueOn: addDays(day, sla.close) })
      for (const { id, f, name } of sealedFiles) {
        pending.files.push({ orgId, id, caseId, kind: 'evidence' as const, contentType: f.contentType, size: f.bytes.length, name, data: sealText(dk.key, orgId, caseId, `file:${id}`, f.bytes) })
      }
      pending.events.push({ orgId, caseId, kind: 'received', toStatus: 'received', actorUserId: intake ? ctx.actor!.userId : null, at: receivedAt })
      pending.audits.push({
        actorUserId: intake ? ctx.actor!.userId : null,
        actorLabel: intake ? null : 'anonymous',
        action: intake ? 'complaint.intake' : 'complaint.submit',
        entityType: 'complaint',
        entityId: caseId,
        requestId: ctx.requestId,
        details: { category: input.category, channel: row.channel, attachments: files.length },
      })
      const p = pending
      return () => ({ ok: true as const, caseId, caseNo: p.caseNos.get(caseId)!, code })
    })
  } catch (e) {
    const cause = (e as { cause?: { code?: string; constraint?: string } }).cause ?? (e as { code?: string; constraint?: string })
    if (cause.code === '23505' && cause.constraint === 'complaint_cases_submission') return { ok: false, duplicate: true }
    throw e
  }
}

// ---------- reporter (anonymous, with the receipt code) ----------

/** Finds the case a receipt code opens; audits success and failure (without any address). */
export async function openByReceipt(deps: AppDeps, orgId: string, code: string, requestId: string | null): Promise<string | null> {
  const lookup = receiptLookupId(deps.appSecret, orgId, code)
  const candidates = await inOrg(deps.db, orgId, (tx) =>
    tx.select({ id: complaintCases.id, hash: complaintCases.receiptHash }).from(complaintCases).where(and(eq(complaintCases.receiptLookup, lookup), isNull(complaintCases.purgedAt))),
  )
  let found: string | null = null
  for (const c of candidates) if (await verifyReceiptCode(c.hash, code)) found = c.id
  await inOrg(deps.db, orgId, (tx) =>
    appendAudit(tx, { orgId, actorLabel: 'reporter', action: found ? 'complaint.receipt_open' : 'complaint.receipt_failed', entityType: 'complaint', entityId: found, requestId }),
  )
  return found
}

export type FileMeta = { id: string; kind: FileKind; contentType: string; size: number; name: string; messageId: string | null; createdAt: Date; uploadedByUserId: string | null }
export type MessageView = { id: string; author: 'reporter' | 'staff'; authorName: string | null; body: string; createdAt: Date; files: FileMeta[] }
export type ReporterView = { meta: CaseMeta; subject: string; messages: MessageView[]; files: FileMeta[] }

async function loadMeta(tx: Tx, caseId: string): Promise<CaseMeta | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return undefined
  const [m] = await tx.select(CASE_META).from(complaintCases).where(eq(complaintCases.id, caseId))
  return m
}

async function loadFiles(tx: Tx, key: Buffer, orgId: string, caseId: string, kinds?: FileKind[]): Promise<FileMeta[]> {
  const rows = await tx
    .select({ id: complaintFiles.id, kind: complaintFiles.kind, contentType: complaintFiles.contentType, size: complaintFiles.size, name: complaintFiles.name, messageId: complaintFiles.messageId, createdAt: complaintFiles.createdAt, uploadedByUserId: complaintFiles.uploadedByUserId })
    .from(complaintFiles)
    .where(and(eq(complaintFiles.caseId, caseId), kinds ? inArray(complaintFiles.kind, kinds) : undefined))
    .orderBy(asc(complaintFiles.createdAt))
  return rows.map((r) => ({ ...r, name: openText(key, orgId, caseId, 'file-name', r.name) }))
}

async function loadMessages(tx: Tx, key: Buffer, orgId: string, caseId: string, files: FileMeta[], names: Map<string, string> | null): Promise<MessageView[]> {
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

/** What the reporter sees with the code: status, dates, their subject, the conversation. Audited. */
export async function reporterView(deps: AppDeps, orgId: string, caseId: string, requestId: string | null): Promise<ReporterView> {
  return inOrg(deps.db, orgId, async (tx) => {
    const meta = await loadMeta(tx, caseId)
    if (!meta || meta.purgedAt) throw new AppError('not_found', 404)
    const key = await dataKeyById(deps, tx, orgId, meta.dataKeyId)
    const [c] = await tx.select({ content: complaintCases.content }).from(complaintCases).where(eq(complaintCases.id, caseId))
    const content = openJson<ReportContent>(key, orgId, caseId, 'content', c!.content!)
    const files = await loadFiles(tx, key, orgId, caseId, ['evidence', 'message'])
    const messages = await loadMessages(tx, key, orgId, caseId, files, null)
    await appendAudit(tx, { orgId, actorLabel: 'reporter', action: 'complaint.reporter_read', entityType: 'complaint', entityId: caseId, requestId })
    return { meta, subject: content.subject, messages, files: files.filter((f) => f.kind === 'evidence') }
  })
}

async function addMessage(tx: Tx, deps: Pick<AppDeps, 'masterKeys'>, orgId: string, meta: CaseMeta, author: { userId: string | null }, body: string, files: CleanFile[]): Promise<string> {
  const key = await dataKeyById(deps, tx, orgId, meta.dataKeyId)
  const id = randomUUID()
  await tx.insert(complaintMessages).values({ orgId, id, caseId: meta.id, author: author.userId ? 'staff' : 'reporter', authorUserId: author.userId, body: sealText(key, orgId, meta.id, `message:${id}`, body) })
  if (files.length) {
    await tx.insert(complaintFiles).values(
      files.map((f) => {
        const fid = randomUUID()
        return { orgId, id: fid, caseId: meta.id, messageId: id, kind: 'message' as const, contentType: f.contentType, size: f.bytes.length, name: sealText(key, orgId, meta.id, 'file-name', f.name), data: sealText(key, orgId, meta.id, `file:${fid}`, f.bytes), uploadedByUserId: author.userId }
      }),
    )
  }
  return id
}

export async function reporterMessage(deps: AppDeps, orgId: string, caseId: string, body: string, uploads: Upload[], requestId: string | null): Promise<void> {
  const files = await cleanAttachments(uploads)
  await inOrg(deps.db, orgId, async (tx) => {
    const meta = await loadMeta(tx, caseId)
    if (!meta || meta.purgedAt) throw new AppError('not_found', 404)
    const id = await addMessage(tx, deps, orgId, meta, { userId: null }, body, files)
    await tx.update(complaintCases).set({ updatedAt: new Date() }).where(eq(complaintCases.id, caseId))
    await appendAudit(tx, { orgId, actorLabel: 'reporter', action: 'complaint.reporter_message', entityType: 'complaint', entityId: caseId, requestId, details: { messageId: id, attachments: files.length } })
  })
}

export type FileDownload = { name: string; contentType: string; bytes: Buffer }

async function readFileOf(tx: Tx, deps: Pick<AppDeps, 'masterKeys'>, orgId: string, meta: CaseMeta, fileId: string, kinds: FileKind[]): Promise<FileDownload> {
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new AppError('not_found', 404)
  const [f] = await tx.select().from(complaintFiles).where(and(eq(complaintFiles.caseId, meta.id), eq(complaintFiles.id, fileId), inArray(complaintFiles.kind, kinds)))
  if (!f) throw new AppError('not_found', 404)
  const key = await dataKeyById(deps, tx, orgId, meta.dataKeyId)
  return { name: openText(key, orgId, meta.id, 'file-name', f.name), contentType: f.contentType, bytes: openBytes(key, orgId, meta.id, `file:${f.id}`, f.data) }
}

export async function reporterFile(deps: AppDeps, orgId: string, caseId: string, fileId: string, requestId: string | null): Promise<FileDownload> {
  return inOrg(deps.db, orgId, async (tx) => {
    const meta = await loadMeta(tx, caseId)
    if (!meta || meta.purgedAt) throw new AppError('not_found', 404)
    const file = await readFileOf(tx, deps, orgId, meta, fileId, ['evidence', 'message'])
    await appendAudit(tx, { orgId, actorLabel: 'reporter', action: 'complaint.reporter_file', entityType: 'complaint', entityId: caseId, requestId, details: { fileId } })
    return file
  })
}

// ---------- staff: need-to-know ----------

export type Access = 'manage' | AssignRole
type Assignment = { userId: string; role: AssignRole; name: string }

/** `can` without type narrowing (it is a type guard, which would narrow an Actor to never). */
const allowed = (actor: Actor, p: Permission): boolean => can(actor, p)

async function accessTo(tx: Tx, actor: Actor, meta: CaseMeta): Promise<Access | null> {
  if (actor.orgId !== meta.orgId || meta.excludedUserIds.includes(actor.userId)) return null
  if (allowed(actor, 'complaint.read')) return 'manage'
  if (!allowed(actor, 'complaint.assigned')) return null
  const [a] = await tx.select({ role: complaintAssignments.role }).from(complaintAssignments).where(and(eq(complaintAssignments.caseId, meta.id), eq(complaintAssignments.userId, actor.userId)))
  return a?.role ?? null
}

/** Loads a case the actor may see (404 otherwise: its existence is not revealed). */
async function visibleCase(tx: Tx, actor: Actor, caseId: string): Promise<{ meta: CaseMeta; access: Access }> {
  const meta = await loadMeta(tx, caseId)
  const access = meta ? await accessTo(tx, actor, meta) : null
  if (!meta || !access) throw new AppError('not_found', 404)
  return { meta, access }
}

function assertAnyComplaintRole(actor: Actor | null): asserts actor is Actor {
  if (!can(actor, 'complaint.read') && !can(actor, 'complaint.assigned')) assertCan(actor, 'complaint.read')
}

export type CaseListItem = CaseMeta & { subject: string | null; overdue: 'ack' | 'close' | null }

/** Cases the actor may see (officers: all but those naming them; others: assigned ones). Audited. */
export async function listCases(ctx: UseCaseCtx, opts: { status?: Status | 'open' | 'overdue' | undefined; limit?: number } = {}): Promise<CaseListItem[]> {
  const actor = ctx.actor
  assertAnyComplaintRole(actor)
  const orgId = orgOf(ctx)
  const today = toIsoDate(new Date())
  return inOrg(ctx.db, orgId, async (tx) => {
    const officer = allowed(actor, 'complaint.read')
    const mine = officer ? undefined : inArray(complaintCases.id, tx.select({ id: complaintAssignments.caseId }).from(complaintAssignments).where(eq(complaintAssignments.userId, actor.userId)))
    const statusFilter =
      opts.status === 'open' || opts.status === 'overdue' ? notInArray(complaintCases.status, ['closed', 'referred']) : opts.status ? eq(complaintCases.status, opts.status) : undefined
    const rows = await tx
      .select({ ...CASE_META, content: complaintCases.content })
      .from(complaintCases)
      .where(and(sql`NOT (${actor.userId}::uuid = ANY(${complaintCases.excludedUserIds}))`, mine, statusFilter))
      .orderBy(desc(complaintCases.receivedAt))
      .limit(opts.limit ?? 200)
    const out: CaseListItem[] = []
    for (const { content, ...m } of rows) {
      const overdue = overdueKind(m, today)
      if (opts.status === 'overdue' && !overdue) continue
      const key = await dataKeyById(ctx.deps, tx, orgId, m.dataKeyId)
      out.push({ ...m, subject: content ? openJson<ReportContent>(key, orgId, m.id, 'content', content).subject : null, overdue })
    }
    if (out.length) {
      await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.list', entityType: 'complaint', requestId: ctx.requestId, details: { caseIds: out.map((c) => c.id) } })
    }
    return out
  })
}

export type EventView = { at: Date; kind: string; actorName: string | null; fromStatus: string | null; toStatus: string | null; outcome: string | null; referredTo: string | null; decidedOn: string | null; note: string | null }
export type CaseView = {
  meta: CaseMeta
  access: Access
  content: ReportContent | null
  contact: ReportContact | null
  files: FileMeta[]
  messages: MessageView[]
  events: EventView[]
  assignments: Assignment[]
  excludedNames: string[]
  staff: { id: string; displayName: string; role: string }[]
}

async function staffOf(tx: Tx) {
  return tx.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(isNull(users.disabledAt)).orderBy(asc(users.displayName))
}

/** The whole case for an officer (or an assigned executive / committee member). Audited as a read. */
export async function getCase(ctx: UseCaseCtx, caseId: string, action = 'complaint.read'): Promise<CaseView> {
  const actor = ctx.actor
  assertAnyComplaintRole(actor)
  const orgId = orgOf(ctx)
  return inOrg(ctx.db, orgId, async (tx) => {
    const { meta, access } = await visibleCase(tx, actor, caseId)
    const key = await dataKeyById(ctx.deps, tx, orgId, meta.dataKeyId)
    const [blobs] = await tx.select({ content: complaintCases.content, contact: complaintCases.contact }).from(complaintCases).where(eq(complaintCases.id, caseId))
    const staff = await staffOf(tx)
    const names = new Map(staff.map((s) => [s.id, s.displayName]))
    const files = await loadFiles(tx, key, orgId, caseId)
    const messages = await loadMessages(tx, key, orgId, caseId, files, names)
    const events = (await tx.select().from(complaintEvents).where(eq(complaintEvents.caseId, caseId)).orderBy(asc(complaintEvents.at))).map((e) => ({
      at: e.at,
      kind: e.kind,
      actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      outcome: e.outcome,
      referredTo: e.referredTo,
      decidedOn: e.decidedOn,
      note: e.note ? openText(key, orgId, caseId, `event:${e.id}`, e.note) : null,
    }))
    const assignments = (await tx.select().from(complaintAssignments).where(eq(complaintAssignments.caseId, caseId))).map((a) => ({ userId: a.userId, role: a.role, name: names.get(a.userId) ?? '—' }))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action, entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { access } })
    return {
      meta,
      access,
      content: blobs?.content ? openJson<ReportContent>(key, orgId, caseId, 'content', blobs.content) : null,
      contact: blobs?.contact ? openJson<ReportContact>(key, orgId, caseId, 'contact', blobs.contact) : null,
      files,
      messages,
      events,
      assignments,
      excludedNames: meta.excludedUserIds.map((id) => names.get(id) ?? '—'),
      staff,
    }
  })
}

export async function getCaseFile(ctx: UseCaseCtx, caseId: string, fileId: string): Promise<FileDownload> {
  const actor = ctx.actor
  assertAnyComplaintRole(actor)
  const orgId = orgOf(ctx)
  return inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    const file = await readFileOf(tx, ctx.deps, orgId, meta, fileId, ['evidence', 'message', 'minutes', 'findings'])
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.file_read', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { fileId } })
    return file
  })
}

/** Officer's message to the reporter (seen with the receipt code). */
export async function staffMessage(ctx: UseCaseCtx, caseId: string, body: string, uploads: Upload[]): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  const files = await cleanAttachments(uploads)
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    if (meta.purgedAt) throw new AppError('conflict', 409)
    const id = await addMessage(tx, ctx.deps, orgId, meta, { userId: actor.userId }, body, files)
    // Answering the reporter acknowledges the report.
    await tx.update(complaintCases).set({ updatedAt: new Date(), acknowledgedAt: meta.acknowledgedAt ?? new Date() }).where(eq(complaintCases.id, caseId))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.message', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { messageId: id, attachments: files.length } })
  })
}

// ---------- workflow ----------

const NEXT: Record<Status, readonly Status[]> = {
  received: ['screening', 'closed', 'referred'],
  screening: ['investigating', 'closed', 'referred'],
  investigating: ['closed', 'referred'],
  closed: [],
  referred: [],
}
export const nextStatuses = (s: Status) => NEXT[s]

export type StatusChange = { to: Status; outcome?: Outcome | undefined; referredTo?: Referral | undefined; reason: string; decidedOn?: string | undefined }

export async function changeStatus(ctx: UseCaseCtx, caseId: string, change: StatusChange): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  if (change.to === 'closed' && !change.outcome) throw new AppError('bad_request', 422, { th: 'ระบุผลการพิจารณา', en: 'Choose an outcome' })
  if (change.to === 'referred' && !change.referredTo) throw new AppError('bad_request', 422, { th: 'ระบุหน่วยงานที่ส่งต่อ', en: 'Choose where it is referred' })
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    if (!NEXT[meta.status].includes(change.to)) throw new AppError('conflict', 409, { th: 'เปลี่ยนสถานะนี้ไม่ได้จากสถานะปัจจุบัน', en: 'That status change is not allowed from the current status' })
    const key = await dataKeyById(ctx.deps, tx, orgId, meta.dataKeyId)
    const now = new Date()
    const decidedOn = change.decidedOn ?? toIsoDate(now)
    const ending = change.to === 'closed' || change.to === 'referred'
    await tx
      .update(complaintCases)
      .set({
        status: change.to,
        outcome: change.to === 'closed' ? change.outcome! : null,
        referredTo: change.to === 'referred' ? change.referredTo! : null,
        acknowledgedAt: meta.acknowledgedAt ?? now,
        closedAt: ending ? new Date(`${decidedOn}T12:00:00+07:00`) : null,
        updatedAt: now,
      })
      .where(eq(complaintCases.id, caseId))
    const eventId = randomUUID()
    await tx.insert(complaintEvents).values({
      orgId,
      id: eventId,
      caseId,
      actorUserId: actor.userId,
      kind: 'status',
      fromStatus: meta.status,
      toStatus: change.to,
      outcome: change.outcome ?? null,
      referredTo: change.referredTo ?? null,
      decidedOn,
      note: sealText(key, orgId, caseId, `event:${eventId}`, change.reason),
    })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.status', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { from: meta.status, to: change.to, outcome: change.outcome, referredTo: change.referredTo } })
  })
}

async function assertAssignable(tx: Tx, meta: CaseMeta, userId: string, role: AssignRole) {
  const [u] = await tx.select({ id: users.id, role: users.role }).from(users).where(and(eq(users.id, userId), isNull(users.disabledAt)))
  if (!u) throw new AppError('not_found', 404)
  // Someone the report names never gets it, whatever their role.
  if (meta.excludedUserIds.includes(userId)) throw new AppError('conflict', 409, { th: 'ผู้นี้ถูกกล่าวถึงในเรื่องร้องเรียน มอบหมายไม่ได้', en: 'This person is named in the report and cannot be assigned' })
  const ok = role === 'executive' ? u.role === 'executive' : role === 'officer' ? u.role === 'complaints_officer' : u.role !== 'agency_admin' && u.role !== 'viewer'
  if (!ok) throw new AppError('bad_request', 422, { th: 'บทบาทของผู้ใช้ไม่ตรงกับงานที่มอบหมาย', en: "The user's role does not fit this assignment" })
}

/** Assigns a case: officer (responsible), executive, or committee member. */
export async function assignCase(ctx: UseCaseCtx, caseId: string, userId: string, role: AssignRole): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    await assertAssignable(tx, meta, userId, role)
    await tx.insert(complaintAssignments).values({ orgId, caseId, userId, role, assignedBy: actor.userId }).onConflictDoUpdate({ target: [complaintAssignments.orgId, complaintAssignments.caseId, complaintAssignments.userId], set: { role } })
    if (role === 'officer') await tx.update(complaintCases).set({ responsibleUserId: userId, updatedAt: new Date() }).where(eq(complaintCases.id, caseId))
    await tx.insert(complaintEvents).values({ orgId, caseId, actorUserId: actor.userId, kind: 'assigned' })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.assign', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { userId, role } })
  })
}

export async function unassignCase(ctx: UseCaseCtx, caseId: string, userId: string): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    await tx.delete(complaintAssignments).where(and(eq(complaintAssignments.caseId, caseId), eq(complaintAssignments.userId, userId)))
    if (meta.responsibleUserId === userId) await tx.update(complaintCases).set({ responsibleUserId: null }).where(eq(complaintCases.id, caseId))
    await tx.insert(complaintEvents).values({ orgId, caseId, actorUserId: actor.userId, kind: 'unassigned' })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.unassign', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { userId } })
  })
}

/** Records that the report concerns a staff member: they lose (and can never get) access. */
export async function markNamed(ctx: UseCaseCtx, caseId: string, userId: string): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId))
    if (!u) throw new AppError('not_found', 404)
    await tx
      .update(complaintCases)
      .set({ excludedUserIds: [...new Set([...meta.excludedUserIds, userId])], responsibleUserId: meta.responsibleUserId === userId ? null : meta.responsibleUserId })
      .where(eq(complaintCases.id, caseId))
    await tx.delete(complaintAssignments).where(and(eq(complaintAssignments.caseId, caseId), eq(complaintAssignments.userId, userId)))
    await tx.insert(complaintEvents).values({ orgId, caseId, actorUserId: actor.userId, kind: 'named' })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.named', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { userId } })
  })
}

/** Appoints a fact-finding committee (members become assigned) with a deadline. */
export async function appointCommittee(ctx: UseCaseCtx, caseId: string, memberIds: string[], deadline: string): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  if (!memberIds.length) throw new AppError('bad_request', 422, { th: 'เลือกกรรมการอย่างน้อย 1 คน', en: 'Choose at least one member' })
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    for (const id of memberIds) await assertAssignable(tx, meta, id, 'committee')
    for (const userId of memberIds) {
      await tx.insert(complaintAssignments).values({ orgId, caseId, userId, role: 'committee', assignedBy: actor.userId }).onConflictDoUpdate({ target: [complaintAssignments.orgId, complaintAssignments.caseId, complaintAssignments.userId], set: { role: 'committee' } })
    }
    await tx.update(complaintCases).set({ committeeAppointedAt: new Date(), committeeDeadline: deadline, updatedAt: new Date() }).where(eq(complaintCases.id, caseId))
    await tx.insert(complaintEvents).values({ orgId, caseId, actorUserId: actor.userId, kind: 'committee', decidedOn: deadline })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.committee', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { members: memberIds, deadline } })
  })
}

/** Minutes or findings of the committee (officers and committee members). */
export async function addCaseFile(ctx: UseCaseCtx, caseId: string, kind: 'minutes' | 'findings', upload: Upload): Promise<void> {
  const actor = ctx.actor
  assertAnyComplaintRole(actor)
  const orgId = orgOf(ctx)
  const [file] = await cleanAttachments([upload])
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta, access } = await visibleCase(tx, actor, caseId)
    if (access !== 'manage' && access !== 'committee') throw new AppError('forbidden', 403)
    const key = await dataKeyById(ctx.deps, tx, orgId, meta.dataKeyId)
    const id = randomUUID()
    await tx.insert(complaintFiles).values({ orgId, id, caseId, kind, contentType: file!.contentType, size: file!.bytes.length, name: sealText(key, orgId, caseId, 'file-name', file!.name), data: sealText(key, orgId, caseId, `file:${id}`, file!.bytes), uploadedByUserId: actor.userId })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.file_add', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { fileId: id, kind } })
  })
}
