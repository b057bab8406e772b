import { expect } from 'vitest'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import { TestClient, type TestApp } from './app.js'
import { buildUser, TEST_PASSWORD } from './factories.js'

// The cast of every role × route test: one signed-in browser per staff role of the agency, a
// visitor, and an admin of another agency (tenant isolation), and the answer each should get.

export const STAFF_ROLES = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
export type Who = StaffRole | 'anonymous' | 'other_agency'
/** Everyone a GET route is tried as. */
export const EVERYONE: readonly Who[] = ['anonymous', ...STAFF_ROLES, 'other_agency']

/** One client per staff role of `org` (signed in), `anonymous`, and `other_agency` (the admin of `other`). */
export async function clientsByRole(t: TestApp, org: Org, other: Org): Promise<Map<Who, TestClient>> {
  const clients = new Map<Who, TestClient>([['anonymous', new TestClient(t.app)]])
  for (const role of STAFF_ROLES) {
    const u = await buildUser(t.deps.db, org, role)
    const c = new TestClient(t.app)
    expect((await c.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    clients.set(role, c)
  }
  const o = await buildUser(t.deps.db, other, 'agency_admin')
  const oc = new TestClient(t.app)
  expect((await oc.signIn(other.slug, o.email, TEST_PASSWORD)).status).toBe(303)
  clients.set('other_agency', oc)
  return clients
}

/** What a staff route answers `who`: the sign-in redirect to a visitor, `ok` to an allowed role, else 403 (another agency too). */
export const expectedStatus = (who: Who, allowed: readonly string[], ok = 200): number => (who === 'anonymous' ? 303 : who !== 'other_agency' && allowed.includes(who) ? ok : 403)
