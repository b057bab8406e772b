import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { auditLog } from './audit.schema.js'

export const GENESIS_HASH = '0'.repeat(64)

export type AuditInput = {
  orgId: string | null
  actorUserId?: string | null
  actorLabel?: string | null
  action: string
  entityType: string
  entityId?: string | null
  requestId?: string | null
  details?: Record<string, unknown>
}

/** JSON with sorted keys, so the same entry always hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

export function entryHash(prevHash: string, e: AuditInput & { at: string }): string {
  const body = canonicalJson({
    orgId: e.orgId,
    at: e.at,
    actorUserId: e.actorUserId ?? null,
    actorLabel: e.actorLabel ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    requestId: e.requestId ?? null,
    details: e.details ?? {},
  })
  return createHash('sha256').update(prevHash).update('|').update(body).digest('hex')
}

/**
 * Appends an entry to the agency's hash chain inside the caller's transaction, so the change
 * and its audit entry commit or vanish together. One chain per agency keeps agencies independent.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<string> {
  const chainKey = input.orgId ?? 'platform'
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'audit:' + chainKey}))`)
  const prev = await tx.execute<{ hash: string }>(
    sql`SELECT hash FROM audit_log WHERE org_id IS NOT DISTINCT FROM ${input.orgId}::uuid ORDER BY id DESC LIMIT 1`,
  )
  const prevHash = prev.rows[0]?.hash ?? GENESIS_HASH
  const at = new Date().toISOString()
  const hash = entryHash(prevHash, { ...input, at })
  await tx.insert(auditLog).values({
    orgId: input.orgId,
    at: new Date(at),
    actorUserId: input.actorUserId ?? null,
    actorLabel: input.actorLabel ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    requestId: input.requestId ?? null,
    details: input.details ?? {},
    prevHash,
    hash,
  })
  return hash
}

/**
 * Appends several entries of one agency's chain at once (one lock, one read of the head, one
 * multi-row insert) — for group commit, where many changes share a transaction.
 */
export async function appendAuditMany(tx: Tx, orgId: string | null, inputs: Omit<AuditInput, 'orgId'>[]): Promise<void> {
  if (inputs.length === 0) return
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'audit:' + (orgId ?? 'platform')}))`)
  const prev = await tx.execute<{ hash: string }>(sql`SELECT hash FROM audit_log WHERE org_id IS NOT DISTINCT FROM ${orgId}::uuid ORDER BY id DESC LIMIT 1`)
  let prevHash = prev.rows[0]?.hash ?? GENESIS_HASH
  const rows = inputs.map((i) => {
    const at = new Date().toISOString()
    const input = { ...i, orgId }
    const hash = entryHash(prevHash, { ...input, at })
    const row = {
      orgId,
      at: new Date(at),
      actorUserId: i.actorUserId ?? null,
      actorLabel: i.actorLabel ?? null,
      action: i.action,
      entityType: i.entityType,
      entityId: i.entityId ?? null,
      requestId: i.requestId ?? null,
      details: i.details ?? {},
      prevHash,
      hash,
    }
    prevHash = hash
    return row
  })
  // Rows get ascending ids in VALUES order, which is the chain order.
  await tx.insert(auditLog).values(rows)
}
