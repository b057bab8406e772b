import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { decrypt, encrypt, generateDataKey, unwrapDataKey, wrapDataKey } from '../../platform/crypto/index.js'
import { orgDataKeys } from './complaints.schema.js'

// Envelope encryption: each agency has a random 32-byte data key, stored only wrapped by the
// master key (org_data_keys). Unwrapped keys are kept in process memory, never written anywhere.

type DataKey = { id: string; key: Buffer }
const active = new Map<string, DataKey>() // `${orgId}` → current data key
const byId = new Map<string, Buffer>() // `${orgId}:${keyId}` → key

/** The agency's current data key; created (and wrapped under the current master key) on first use. */
export async function activeDataKey(deps: Pick<AppDeps, 'db' | 'masterKeys'>, orgId: string): Promise<DataKey> {
  const hit = active.get(orgId)
  if (hit) return hit
  const row = await inOrg(deps.db, orgId, async (tx) => {
    // Two first submissions at once must agree on one key.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'data-key:' + orgId}))`)
    const [existing] = await tx.select().from(orgDataKeys).where(isNull(orgDataKeys.retiredAt)).orderBy(desc(orgDataKeys.createdAt)).limit(1)
    if (existing) return existing
    const dataKey = generateDataKey()
    const wrapped = wrapDataKey(deps.masterKeys, dataKey, orgId)
    dataKey.fill(0)
    const [created] = await tx.insert(orgDataKeys).values({ orgId, masterKeyId: wrapped.masterKeyId, wrappedKey: wrapped.wrapped }).returning()
    return created!
  })
  const key = unwrapDataKey(deps.masterKeys, row.wrappedKey, row.masterKeyId, orgId)
  const dk = { id: row.id, key }
  active.set(orgId, dk)
  byId.set(`${orgId}:${row.id}`, key)
  return dk
}

/** A data key by id (for data written under an older key), inside the caller's agency transaction. */
export async function dataKeyById(deps: Pick<AppDeps, 'masterKeys'>, tx: Tx, orgId: string, keyId: string): Promise<Buffer> {
  const hit = byId.get(`${orgId}:${keyId}`)
  if (hit) return hit
  const [row] = await tx.select().from(orgDataKeys).where(and(eq(orgDataKeys.orgId, orgId), eq(orgDataKeys.id, keyId)))
  if (!row) throw new Error(`data key ${keyId} of agency ${orgId} is missing`)
  const key = unwrapDataKey(deps.masterKeys, row.wrappedKey, row.masterKeyId, orgId)
  byId.set(`${orgId}:${keyId}`, key)
  return key
}

/** Forgets cached keys (tests; after an agency is deleted). */
export function forgetDataKeys(): void {
  active.clear()
  byId.clear()
}

// Each blob's AAD names the agency, the case and the field, so a blob copied elsewhere fails to open.
const aad = (orgId: string, caseId: string, field: string) => `complaint:${orgId}:${caseId}:${field}`

export function sealText(key: Buffer, orgId: string, caseId: string, field: string, value: string | Buffer): Buffer {
  return encrypt(key, value, aad(orgId, caseId, field))
}
export function openBytes(key: Buffer, orgId: string, caseId: string, field: string, blob: Buffer): Buffer {
  return decrypt(key, blob, aad(orgId, caseId, field))
}
export function openText(key: Buffer, orgId: string, caseId: string, field: string, blob: Buffer): string {
  return openBytes(key, orgId, caseId, field, blob).toString('utf8')
}
export function sealJson(key: Buffer, orgId: string, caseId: string, field: string, value: unknown): Buffer {
  return sealText(key, orgId, caseId, field, JSON.stringify(value))
}
export function openJson<T>(key: Buffer, orgId: string, caseId: string, field: string, blob: Buffer): T {
  return JSON.parse(openText(key, orgId, caseId, field, blob)) as T
}
