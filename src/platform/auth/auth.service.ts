import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import { appendAudit } from '../audit/audit.js'
import { randomToken, sha256Hex } from '../crypto/index.js'
import type { MasterKeys } from '../crypto/index.js'
import { queueMail } from '../mail/mail.js'
import { t } from '../i18n/messages.js'
import type { Lang } from '../i18n/i18n.js'
import { AppError, InputError } from '../http/errors.js'
import { people } from '../people/people.schema.js'
import { authTokens, sessions, users, userUnits, type Role, type User } from './auth.schema.js'
import { hashPassword, verifyPassword } from './passwords.js'
import { createSession, destroyAllSessions } from './sessions.js'
import { checkTotp, newTotpSecret, openTotpSecret, sealTotpSecret } from './totp.js'
import { assertCan, type Actor } from './permissions.js'
import type { UseCaseCtx } from '../http/context.js'
import type { Registry } from '../module/manifest.js'
import { requestSensitiveGrant, STAND_IN_ROLE } from '../orgs/role-grants.js'

const RESET_TTL_MS = 60 * 60 * 1000
const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

export type SignInResult = { ok: true; token: string; secondFactor: boolean; user: User } | { ok: false; reason: 'invalid' }

/**
 * Password sign-in within one agency (orgId) or the platform (orgId null); every attempt is
 * audited. Guessing is slowed by the caller per address and account (sign-in-throttle.ts), never
 * by locking the account, which anyone could do to anyone.
 */
export async function signIn(
  db: Db,
  input: { orgId: string | null; email: string; password: string; requestId: string },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase()
  const found = await inOrg(db, input.orgId, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.email, email))
    return u
  })
  const valid = await verifyPassword(found && !found.disabledAt ? found.passwordHash : null, input.password)
  if (!found || !valid) {
    await inOrg(db, input.orgId, (tx) =>
      appendAudit(tx, { orgId: input.orgId, actorUserId: found?.id ?? null, action: 'auth.login_failed', entityType: 'user', entityId: found?.id ?? null, requestId: input.requestId, details: { email } }),
    )
    return { ok: false, reason: 'invalid' }
  }
  return inOrg(db, input.orgId, async (tx) => {
    const token = await createSession(tx, found, found.totpEnabled)
    await appendAudit(tx, { orgId: input.orgId, actorUserId: found.id, actorLabel: found.email, action: 'auth.login', entityType: 'user', entityId: found.id, requestId: input.requestId })
    return { ok: true as const, token, secondFactor: found.totpEnabled, user: found }
  })
}

/** Failed codes in a row after which a half-signed-in session ends (sign in with the password again). */
export const MAX_TOTP_FAILURES = 5

/**
 * Completes a sign-in that waits for its TOTP code. A code is accepted once (its time step is kept);
 * after five wrong codes in a row the session ends, so codes cannot be guessed at leisure.
 */
export async function completeSecondFactor(
  db: Db,
  keys: MasterKeys,
  input: { sessionId: string; actor: Actor; code: string; requestId: string },
): Promise<'ok' | 'invalid' | 'ended'> {
  return inOrg(db, input.actor.orgId, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, input.actor.userId)).for('update')
    const r = u?.totpSecret && u.totpEnabled ? await checkTotp(openTotpSecret(keys, u.id, u.totpSecret), input.code, u.totpLastStep) : { ok: false as const }
    const audit = (action: string) => appendAudit(tx, { orgId: input.actor.orgId, actorUserId: input.actor.userId, action, entityType: 'user', entityId: input.actor.userId, requestId: input.requestId })
    if (r.ok) {
      await tx.update(users).set({ totpLastStep: r.step, totpFailures: 0 }).where(eq(users.id, input.actor.userId))
      await tx.update(sessions).set({ secondFactorPending: false }).where(eq(sessions.id, input.sessionId))
      await audit('auth.second_factor')
      return 'ok'
    }
    const [after] = await tx.update(users).set({ totpFailures: sql`${users.totpFailures} + 1` }).where(eq(users.id, input.actor.userId)).returning({ n: users.totpFailures })
    await audit('auth.second_factor_failed')
    if ((after?.n ?? 0) >= MAX_TOTP_FAILURES) {
      await tx.update(users).set({ totpFailures: 0 }).where(eq(users.id, input.actor.userId))
      await tx.delete(sessions).where(eq(sessions.id, input.sessionId))
      await audit('auth.second_factor_ended')
      return 'ended'
    }
    return 'invalid'
  })
}

export async function signOutEverywhere(ctx: UseCaseCtx): Promise<void> {
  assertCan(ctx.actor, 'account.manage')
  const actor = ctx.actor
  await inOrg(ctx.db, actor.orgId, async (tx) => {
    const n = await destroyAllSessions(tx, actor.userId)
    await appendAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'auth.sign_out_everywhere', entityType: 'user', entityId: actor.userId, requestId: ctx.requestId, details: { sessions: n } })
  })
}

/** Changes the password; every other session of the account ends and every pending link stops working. */
export async function changePassword(ctx: UseCaseCtx, current: string, next: string, keepSessionId?: string | null): Promise<boolean> {
  assertCan(ctx.actor, 'account.manage')
  const actor = ctx.actor
  const [u] = await inOrg(ctx.db, actor.orgId, (tx) => tx.select().from(users).where(eq(users.id, actor.userId)))
  if (!u || !(await verifyPassword(u.passwordHash, current))) return false
  const passwordHash = await hashPassword(next)
  await inOrg(ctx.db, actor.orgId, async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.userId))
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.userId), keepSessionId ? sql`${sessions.id} <> ${keepSessionId}` : sql`true`))
      .returning({ id: sessions.id })
    await tx.update(authTokens).set({ usedAt: new Date() }).where(and(eq(authTokens.userId, actor.userId), isNull(authTokens.usedAt)))
    await appendAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'auth.password_changed', entityType: 'user', entityId: actor.userId, requestId: ctx.requestId, details: { otherSessionsEnded: ended.length } })
  })
  return true
}

async function issueToken(
  tx: Tx,
  user: { id: string; orgId: string | null },
  purpose: 'password_reset' | 'invite',
  ttlMs: number,
): Promise<string> {
  const token = randomToken(32)
  await tx.insert(authTokens).values({ id: sha256Hex(token), userId: user.id, orgId: user.orgId, purpose, expiresAt: new Date(Date.now() + ttlMs) })
  return token
}

/** Always answers the same way, whether or not the e-mail exists. */
export async function requestPasswordReset(
  db: Db,
  input: { orgId: string | null; orgName: string; email: string; baseUrl: string; lang: Lang; requestId: string },
): Promise<void> {
  const email = input.email.trim().toLowerCase()
  await inOrg(db, input.orgId, async (tx) => {
    const [u] = await tx.select().from(users).where(and(eq(users.email, email), isNull(users.disabledAt)))
    if (!u) return
    // Only the newest reset link works.
    await tx.update(authTokens).set({ usedAt: new Date() }).where(and(eq(authTokens.userId, u.id), eq(authTokens.purpose, 'password_reset'), isNull(authTokens.usedAt)))
    const token = await issueToken(tx, u, 'password_reset', RESET_TTL_MS)
    const link = `${input.baseUrl}/reset/${token}`
    await queueMail(tx, {
      orgId: input.orgId,
      to: u.email,
      subject: t(input.lang, 'reset.mailSubject', { org: input.orgName }),
      text: t(input.lang, 'reset.mailBody', { email: u.email, link }),
    })
    await appendAudit(tx, { orgId: input.orgId, actorUserId: u.id, action: 'auth.reset_requested', entityType: 'user', entityId: u.id, requestId: input.requestId })
  })
}

/** Sets a password from a reset or invite token; the token works once. Signs the user out everywhere. */
export async function redeemToken(
  db: Db,
  input: { orgId: string | null; token: string; password: string; requestId: string; registry?: Pick<Registry, 'roles'>; lang?: Lang },
): Promise<boolean> {
  const id = sha256Hex(input.token)
  const passwordHash = await hashPassword(input.password)
  return inOrg(db, input.orgId, async (tx) => {
    const [tok] = await tx
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(authTokens.id, id), isNull(authTokens.usedAt), gt(authTokens.expiresAt, sql`now()`), sql`${authTokens.orgId} IS NOT DISTINCT FROM ${input.orgId}::uuid`))
      .returning()
    if (!tok) return false
    const [u] = await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() }).where(eq(users.id, tok.userId)).returning()
    await destroyAllSessions(tx, tok.userId)
    // Every other link of the account stops working: an older reset mail cannot be used later.
    await tx.update(authTokens).set({ usedAt: new Date() }).where(and(eq(authTokens.userId, tok.userId), isNull(authTokens.usedAt)))
    await appendAudit(tx, { orgId: input.orgId, actorUserId: tok.userId, action: tok.purpose === 'invite' ? 'auth.invite_accepted' : 'auth.password_reset', entityType: 'user', entityId: tok.userId, requestId: input.requestId })
    // A password set through a link for a sensitive role (e.g. the complaints officer) is told to the
    // other holders of that role and to the executives, so a taken-over account does not go unseen.
    if (u && input.orgId && input.registry?.roles.get(u.role)?.sensitive) await notifySensitiveRedemption(tx, input.orgId, u, tok.purpose, input.registry, input.lang ?? 'th')
    return true
  })
}

async function notifySensitiveRedemption(tx: Tx, orgId: string, u: User, purpose: 'password_reset' | 'invite', registry: Pick<Registry, 'roles'>, lang: Lang): Promise<void> {
  const watchers = await tx
    .select({ email: users.email, lang: users.lang })
    .from(users)
    .where(and(isNull(users.disabledAt), sql`${users.id} <> ${u.id}`, sql`(${users.role} = ${u.role} OR ${users.role} = 'executive')`, sql`${users.passwordHash} IS NOT NULL`))
  const role = registry.roles.get(u.role)?.label
  for (const w of watchers) {
    const L = (w.lang ?? lang) as Lang
    await queueMail(tx, {
      orgId,
      to: w.email,
      subject: t(L, 'security.sensitiveRedeemedSubject', { role: role?.[L] ?? u.role }),
      text: t(L, purpose === 'invite' ? 'security.sensitiveInvited' : 'security.sensitiveReset', { email: u.email, name: u.displayName, role: role?.[L] ?? u.role }),
    })
  }
}

export async function tokenIsValid(db: Db, orgId: string | null, token: string): Promise<boolean> {
  const rows = await db
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(and(eq(authTokens.id, sha256Hex(token)), isNull(authTokens.usedAt), gt(authTokens.expiresAt, sql`now()`), sql`${authTokens.orgId} IS NOT DISTINCT FROM ${orgId}::uuid`))
  return rows.length > 0
}

export type InviteInput = { email: string; displayName: string; position?: string | undefined; role: Role; unitIds: string[]; /** The person of platform/people this account is for (one without an account). */ personId?: string | undefined }

/** Creates the account without a password and mails a single-use link to set one. */
export async function inviteUser(
  ctx: UseCaseCtx,
  input: InviteInput & { orgName: string; baseUrl: string },
): Promise<{ userId: string } | { duplicate: true }> {
  assertCan(ctx.actor, 'user.manage')
  if (input.role === 'platform_admin') throw new AppError('forbidden', 403)
  const orgId = ctx.orgId
  const actor = ctx.actor
  const email = input.email.trim().toLowerCase()
  return inOrg(ctx.db, orgId, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email))
    if (existing) return { duplicate: true as const }
    // A sensitive role waits for a second person (role-grants.ts); the account starts as a stand-in.
    const sensitive = ctx.deps.registry.roles.get(input.role)?.sensitive === true
    const [u] = await tx
      .insert(users)
      .values({ orgId, email, displayName: input.displayName, position: input.position ?? null, role: sensitive ? STAND_IN_ROLE : input.role })
      .returning()
    if (!u) throw new Error('insert returned no row')
    if (sensitive) await requestSensitiveGrant(tx, { ...ctx, orgId: orgId!, actor }, { userId: u.id, email, role: input.role, orgName: input.orgName, link: `${input.baseUrl}/admin/users/grants` })
    if (input.unitIds.length) {
      await tx.insert(userUnits).values(input.unitIds.map((unitId) => ({ orgId: orgId!, userId: u.id, unitId })))
    }
    if (input.personId) {
      const [linked] = await tx.update(people).set({ userId: u.id, updatedAt: new Date() }).where(and(eq(people.id, input.personId), isNull(people.userId))).returning({ id: people.id })
      if (!linked) throw new InputError({ personId: { th: 'บุคลากรที่เลือกไม่มีในระบบ หรือมีบัญชีผู้ใช้งานแล้ว', en: 'The chosen person does not exist or already has an account' } })
    }
    const token = await issueToken(tx, u, 'invite', INVITE_TTL_MS)
    await queueMail(tx, {
      orgId,
      to: email,
      subject: t(ctx.lang, 'invite.mailSubject', { org: input.orgName }),
      text: t(ctx.lang, 'invite.mailBody', { org: input.orgName, role: ctx.deps.registry.roleLabel(input.role, ctx.lang), link: `${input.baseUrl}/invite/${token}` }) + (sensitive ? `\n\n${t(ctx.lang, 'grants.inviteNote')}` : ''),
    })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'user.invite', entityType: 'user', entityId: u.id, requestId: ctx.requestId, details: { email, role: input.role, personId: input.personId ?? null } })
    return { userId: u.id }
  })
}

/** Step 1 of TOTP enrolment: a fresh secret, stored encrypted but not yet enabled. */
export async function beginTotpEnrolment(ctx: UseCaseCtx): Promise<string> {
  assertCan(ctx.actor, 'account.manage')
  const actor = ctx.actor
  const secret = newTotpSecret()
  await inOrg(ctx.db, actor.orgId, (tx) =>
    tx.update(users).set({ totpSecret: sealTotpSecret(ctx.deps.masterKeys, actor.userId, secret), totpEnabled: false }).where(eq(users.id, actor.userId)),
  )
  return secret
}

export async function pendingTotpSecret(ctx: UseCaseCtx): Promise<{ enabled: boolean; secret: string | null }> {
  assertCan(ctx.actor, 'account.manage')
  const actor = ctx.actor
  const [u] = await inOrg(ctx.db, actor.orgId, (tx) => tx.select().from(users).where(eq(users.id, actor.userId)))
  if (!u) throw new AppError('not_found', 404)
  return { enabled: u.totpEnabled, secret: u.totpSecret && !u.totpEnabled ? openTotpSecret(ctx.deps.masterKeys, u.id, u.totpSecret) : null }
}

export async function confirmTotpEnrolment(ctx: UseCaseCtx, code: string): Promise<boolean> {
  assertCan(ctx.actor, 'account.manage')
  const actor = ctx.actor
  return inOrg(ctx.db, actor.orgId, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, actor.userId))
    const r = u?.totpSecret ? await checkTotp(openTotpSecret(ctx.deps.masterKeys, u.id, u.totpSecret), code) : { ok: false as const }
    if (!u || !r.ok) return false
    await tx.update(users).set({ totpEnabled: true, totpLastStep: r.step, totpFailures: 0, updatedAt: new Date() }).where(eq(users.id, u.id))
    await appendAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'auth.totp_enabled', entityType: 'user', entityId: actor.userId, requestId: ctx.requestId })
    return true
  })
}

/** Turns TOTP off only with the current password and a current code (a stolen session is not enough). */
export async function disableTotp(ctx: UseCaseCtx, password: string, code: string): Promise<'ok' | 'wrong_password' | 'wrong_code'> {
  assertCan(ctx.actor, 'account.manage')
  const actor = ctx.actor
  return inOrg(ctx.db, actor.orgId, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update')
    if (!u || !(await verifyPassword(u.passwordHash, password))) return 'wrong_password'
    const r = u.totpSecret ? await checkTotp(openTotpSecret(ctx.deps.masterKeys, u.id, u.totpSecret), code, u.totpLastStep) : { ok: false as const }
    if (!r.ok) return 'wrong_code'
    await tx.update(users).set({ totpEnabled: false, totpSecret: null, totpLastStep: null, updatedAt: new Date() }).where(eq(users.id, actor.userId))
    await appendAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'auth.totp_disabled', entityType: 'user', entityId: actor.userId, requestId: ctx.requestId })
    return 'ok' as const
  })
}

export async function actorHasTotp(db: Db, actor: Actor): Promise<boolean> {
  const [u] = await inOrg(db, actor.orgId, (tx) => tx.select({ on: users.totpEnabled }).from(users).where(eq(users.id, actor.userId)))
  return !!u?.on
}
