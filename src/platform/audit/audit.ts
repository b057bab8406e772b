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
export async function appendAudit(tx: Tx, input: AuditInput, chain?: { headInThisTx: string }): Promise<string> {
  let prevHash: string
  if (chain) {
    // The caller appended the chain's head earlier in this same transaction, so it already holds
    // the chain lock and knows the head: skip two round trips (used by group commit).
    prevHash = chain.headInThisTx
  } else {
    const chainKey = input.orgId ?? 'platform'
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'audit:' + chainKey}))`)
    const prev = await tx.execute<{ hash: string }>(
      sql`SELECT hash FROM audit_log WHERE org_id IS NOT DISTINCT FROM ${input.orgId}::uuid ORDER BY id DESC LIMIT 1`,
    )
    prevHash = prev.rows[0]?.hash ?? GENESIS_HASH
  }
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
