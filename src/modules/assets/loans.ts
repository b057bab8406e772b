import { randomInt } from 'node:crypto'
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { closeDeadline, removeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { assetItems, assetLoans, type AssetItem, type AssetLoan, type BorrowerKind, type LoanStatus } from './assets.schema.js'
import { assetsT, type AssetsKey } from './assets.i18n.js'

// Loans: a request holds the asset's dates (no double booking: the exclusion constraint
// asset_loans_no_double_booking decides, so two requests at the same moment cannot both win) →
// the authorised person approves BEFORE use → check-out with the condition → return with an
// inspection. Every step is dated and by whom, in the audit log, in the same transaction.

export const LOAN_PAGE_SIZE = 20
export type LoanRequestInput = { assetId: string; startOn: string; endOn: string; purpose: string; place: string }
export type PublicRequestInput = LoanRequestInput & { borrowerName: string; borrowerContact: string }
export type LoanRow = AssetLoan & { assetNo: string; assetName: string }

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' // no 0/O, 1/I
const newCode = () => Array.from({ length: 8 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('')
const msg = (key: AssetsKey, params: Record<string, string | number> = {}) => ({ th: assetsT('th', key, params), en: assetsT('en', key, params) })
const violation = (e: unknown) => (e as { cause?: { code?: string; constraint?: string } }).cause
const taken = () => new InputError({ startOn: msg('loan.taken') }, 409)

async function withLoan<T>(ctx: OrgUseCaseCtx, id: string, run: (tx: Tx, loan: AssetLoan) => Promise<T>): Promise<T> {
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [loan] = await tx.select().from(assetLoans).where(eq(assetLoans.id, id)).for('update')
    if (!loan) throw new AppError('not_found', 404)
    return run(tx, loan)
  })
}
const wrongStep = () => new AppError('conflict', 409, msg('loan.wrongStep'))

async function lendableAsset(tx: Tx, assetId: string, kind: BorrowerKind): Promise<AssetItem> {
  const [a] = isUuid(assetId) ? await tx.select().from(assetItems).where(eq(assetItems.id, assetId)) : []
  if (!a || a.status !== 'in_use' || !(kind === 'staff' ? a.lendStaff : a.lendPublic)) throw new InputError({ assetId: msg('loan.notLendable') })
  return a
}

async function insertLoan(tx: Tx, orgId: string, values: Omit<typeof assetLoans.$inferInsert, 'orgId' | 'code'>): Promise<AssetLoan> {
  for (let i = 0; ; i++) {
    try {
      // A savepoint, so a clash of codes (or of dates) leaves the transaction usable.
      return await tx.transaction(async (sp) => (await sp.insert(assetLoans).values({ orgId, code: newCode(), ...values }).returning())[0]!)
    } catch (e) {
      const v = violation(e)
      if (v?.code === '23P01') throw taken()
      if (v?.code === '23505' && i < 5) continue
      throw e
    }
  }
}

/** A staff member asks to borrow an asset lendable to staff, for themself. */
export async function requestStaffLoan(ctx: OrgUseCaseCtx, input: LoanRequestInput): Promise<AssetLoan> {
  assertCan(ctx.actor, 'assets.borrow')
  const actor = ctx.actor
  if (input.endOn < input.startOn) throw new InputError({ endOn: msg('loan.endBeforeStart') })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const asset = await lendableAsset(tx, input.assetId, 'staff')
    const loan = await insertLoan(tx, ctx.orgId, { ...input, borrowerKind: 'staff', borrowerName: actor.displayName, borrowerContact: actor.email, borrowerUserId: actor.userId, requestedBy: actor.userId })
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'assets.loan.request', entityType: 'asset_loan', entityId: loan.id, requestId: ctx.requestId, details: { assetNo: asset.assetNo, startOn: input.startOn, endOn: input.endOn } })
    return loan
  })
}

/** A resident or community group asks through the agency's site (no account): contact and purpose required. */
export async function requestPublicLoan(db: Db, orgId: string, input: PublicRequestInput, requestId: string): Promise<AssetLoan> {
  if (input.endOn < input.startOn) throw new InputError({ endOn: msg('loan.endBeforeStart') })
  return inOrg(db, orgId, async (tx) => {
    const asset = await lendableAsset(tx, input.assetId, 'public')
    const loan = await insertLoan(tx, orgId, { ...input, borrowerKind: 'public' })
    await appendAudit(tx, { orgId, actorLabel: 'public', action: 'assets.loan.request', entityType: 'asset_loan', entityId: loan.id, requestId, details: { assetNo: asset.assetNo, startOn: input.startOn, endOn: input.endOn, public: true } })
    return loan
  })
}

/** The authorised person approves (before use) or refuses a request; a refusal frees the dates. */
export async function decideLoan(ctx: OrgUseCaseCtx, id: string, approve: boolean, note: string): Promise<AssetLoan> {
  assertCan(ctx.actor, 'assets.approve')
  const actor = ctx.actor
  return withLoan(ctx, id, async (tx, loan) => {
    if (loan.status !== 'requested') throw wrongStep()
    const status: LoanStatus = approve ? 'approved' : 'rejected'
    const [row] = await tx.update(assetLoans).set({ status, decidedBy: actor.userId, decidedByLabel: actor.displayName, decidedAt: sql`now()`, decisionNote: note }).where(eq(assetLoans.id, id)).returning()
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: approve ? 'assets.loan.approve' : 'assets.loan.reject', entityType: 'asset_loan', entityId: id, requestId: ctx.requestId, details: { note } })
    return row!
  })
}

/** Hands an approved loan over, noting the condition; its due date becomes a deadline of whoever handed it over (and of everyone who runs loans). */
export async function checkOutLoan(ctx: OrgUseCaseCtx, id: string, condition: string): Promise<AssetLoan> {
  assertCan(ctx.actor, 'assets.lend')
  const actor = ctx.actor
  return withLoan(ctx, id, async (tx, loan) => {
    if (loan.status !== 'approved') throw new AppError('conflict', 409, msg(loan.status === 'requested' ? 'loan.notApproved' : 'loan.wrongStep'))
    const [row] = await tx.update(assetLoans).set({ status: 'checked_out', checkedOutBy: actor.userId, checkedOutByLabel: actor.displayName, checkedOutAt: sql`now()`, checkoutCondition: condition }).where(eq(assetLoans.id, id)).returning()
    const [asset] = await tx.select().from(assetItems).where(eq(assetItems.id, loan.assetId))
    const params = { assetNo: asset!.assetNo, name: loan.borrowerName }
    await setDeadline(tx, { orgId: ctx.orgId, module: 'assets', kind: 'return', ref: id, title: msg('deadline.return', params), href: `/assets/loans/${id}`, dueOn: loan.endOn, assigneeUserIds: [actor.userId], visibleTo: 'assets.lend' })
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'assets.loan.checkout', entityType: 'asset_loan', entityId: id, requestId: ctx.requestId, details: { condition } })
    return row!
  })
}

/** Takes an asset back with an inspection; damage marks the asset ชำรุด. */
export async function returnLoan(ctx: OrgUseCaseCtx, id: string, input: { condition: string; damaged: boolean; damageNote: string }): Promise<AssetLoan> {
  assertCan(ctx.actor, 'assets.lend')
  const actor = ctx.actor
  if (input.damaged && !input.damageNote) throw new InputError({ damageNote: msg('loan.damageNote') })
  return withLoan(ctx, id, async (tx, loan) => {
    if (loan.status !== 'checked_out') throw wrongStep()
    const [row] = await tx
      .update(assetLoans)
      .set({ status: 'returned', returnedBy: actor.userId, returnedByLabel: actor.displayName, returnedAt: sql`now()`, returnCondition: input.condition, damaged: input.damaged, damageNote: input.damaged ? input.damageNote : '' })
      .where(eq(assetLoans.id, id))
      .returning()
    if (input.damaged) await tx.update(assetItems).set({ status: 'damaged', condition: input.damageNote, updatedAt: sql`now()` }).where(eq(assetItems.id, loan.assetId))
    await closeDeadline(tx, { orgId: ctx.orgId, module: 'assets', kind: 'return', ref: id })
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'assets.loan.return', entityType: 'asset_loan', entityId: id, requestId: ctx.requestId, details: input })
    return row!
  })
}

/** The borrower (or a lender) withdraws a request not yet handed over; the dates are freed. */
export async function cancelLoan(ctx: OrgUseCaseCtx, id: string): Promise<AssetLoan> {
  assertCan(ctx.actor, 'assets.borrow')
  const actor = ctx.actor
  return withLoan(ctx, id, async (tx, loan) => {
    if (loan.borrowerUserId !== actor.userId && !actor.permissions.has('assets.lend')) throw new AppError('forbidden', 403)
    if (loan.status !== 'requested' && loan.status !== 'approved') throw wrongStep()
    const [row] = await tx.update(assetLoans).set({ status: 'cancelled' }).where(eq(assetLoans.id, id)).returning()
    await removeDeadline(tx, { orgId: ctx.orgId, module: 'assets', kind: 'return', ref: id })
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'assets.loan.cancel', entityType: 'asset_loan', entityId: id, requestId: ctx.requestId })
    return row!
  })
}

const withAsset = { assetNo: assetItems.assetNo, assetName: assetItems.name }

/** Loans others may see: everyone's for those who run or approve loans, one's own otherwise. */
function visibleTo(ctx: OrgUseCaseCtx): SQL | undefined {
  const actor = ctx.actor
  if (!actor) return sql`false`
  const p = actor.permissions
  return p.has('assets.lend') || p.has('assets.approve') || p.has('assets.read') ? undefined : eq(assetLoans.borrowerUserId, actor.userId)
}

export async function listLoans(ctx: OrgUseCaseCtx, f: { status?: LoanStatus | undefined; page: number }): Promise<{ rows: LoanRow[]; total: number; page: number; pages: number }> {
  assertCan(ctx.actor, 'assets.borrow')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const cond = and(visibleTo(ctx), f.status ? eq(assetLoans.status, f.status) : undefined)
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(assetLoans).where(cond)
    const pages = Math.max(1, Math.ceil(n / LOAN_PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const rows = await tx
      .select({ loan: assetLoans, ...withAsset })
      .from(assetLoans)
      .innerJoin(assetItems, and(eq(assetItems.orgId, assetLoans.orgId), eq(assetItems.id, assetLoans.assetId)))
      .where(cond)
      .orderBy(desc(assetLoans.startOn), desc(assetLoans.requestedAt))
      .limit(LOAN_PAGE_SIZE)
      .offset((page - 1) * LOAN_PAGE_SIZE)
    return { rows: rows.map((r) => ({ ...r.loan, assetNo: r.assetNo, assetName: r.assetName })), total: n, page, pages }
  })
}

export async function getLoan(ctx: OrgUseCaseCtx, id: string): Promise<LoanRow> {
  assertCan(ctx.actor, 'assets.borrow')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [r] = await inOrg(ctx.db, ctx.orgId, (tx) =>
    tx.select({ loan: assetLoans, ...withAsset }).from(assetLoans).innerJoin(assetItems, and(eq(assetItems.orgId, assetLoans.orgId), eq(assetItems.id, assetLoans.assetId))).where(and(eq(assetLoans.id, id), visibleTo(ctx))),
  )
  if (!r) throw new AppError('not_found', 404)
  return { ...r.loan, assetNo: r.assetNo, assetName: r.assetName }
}

/** Assets staff may ask for (in use, lendable to staff) or the public may (lendable to the public). */
export async function lendableAssets(db: Db, orgId: string, kind: BorrowerKind): Promise<{ id: string; label: string }[]> {
  const rows = await inOrg(db, orgId, (tx) =>
    tx
      .select({ id: assetItems.id, no: assetItems.assetNo, name: assetItems.name })
      .from(assetItems)
      .where(and(eq(assetItems.status, 'in_use'), kind === 'staff' ? eq(assetItems.lendStaff, true) : eq(assetItems.lendPublic, true)))
      .orderBy(assetItems.name, assetItems.assetNo)
      .limit(1000),
  )
  return rows.map((r) => ({ id: r.id, label: `${r.name} (${r.no})` }))
}

export type TrackedLoan = Pick<AssetLoan, 'code' | 'status' | 'startOn' | 'endOn' | 'requestedAt' | 'decidedAt' | 'decisionNote' | 'checkedOutAt' | 'returnedAt'> & { assetName: string }
/** What a borrower sees with the request's code: the steps and their dates, no names or contacts. */
export async function trackLoan(db: Db, orgId: string, code: string): Promise<TrackedLoan | null> {
  const c = code.trim().toUpperCase()
  if (!/^[A-Z0-9]{8}$/.test(c)) return null
  const [r] = await inOrg(db, orgId, (tx) =>
    tx
      .select({ code: assetLoans.code, status: assetLoans.status, startOn: assetLoans.startOn, endOn: assetLoans.endOn, requestedAt: assetLoans.requestedAt, decidedAt: assetLoans.decidedAt, decisionNote: assetLoans.decisionNote, checkedOutAt: assetLoans.checkedOutAt, returnedAt: assetLoans.returnedAt, assetName: assetItems.name })
      .from(assetLoans)
      .innerJoin(assetItems, and(eq(assetItems.orgId, assetLoans.orgId), eq(assetItems.id, assetLoans.assetId)))
      .where(eq(assetLoans.code, c)),
  )
  return r ?? null
}
