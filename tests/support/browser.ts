import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Browser, Page, Response } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { expect } from 'vitest'
import { launchChromium } from '../../src/platform/documents/chromium.js'
import type { Db } from '../../src/db/client.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import type { Role, User } from '../../src/platform/auth/auth.schema.js'
import { createTestApp, type TestApp } from './app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from './factories.js'

export { TEST_PASSWORD }

export type TestServer = { baseUrl: string; deps: TestApp['deps']; close: () => Promise<void> }

/**
 * The real app (tests/support/app.ts createTestApp: fresh database, same deps) served over real
 * HTTP on a free loopback port, for a browser to visit.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const t = await createTestApp(env)
  let server: ServerType
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
      s.once('error', reject)
    })
  } catch (e) {
    await t.close()
    throw e
  }
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps: t.deps,
    close: async () => {
      // Browsers keep idle connections open; drop them so close() returns at once.
      const s = server as ServerType & { closeAllConnections?: () => void }
      await new Promise<void>((r) => {
        s.close(() => r())
        s.closeAllConnections?.()
      })
      await t.close()
    },
  }
}

/**
 * Chromium for browser tests (src/platform/documents/chromium.ts: CHROMIUM_PATH, /usr/bin/chromium,
 * or @sparticuz/chromium). Never skips: when no browser can start, this throws and the test fails.
 */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await launchChromium()
  } catch (e) {
    throw new Error(`browser tests need Chromium and it could not start (set CHROMIUM_PATH or install chromium): ${(e as Error).message}`, { cause: e })
  }
}

/**
 * One Chromium for a test file, started by the first test that asks for it. Ask in each test (not
 * in beforeAll): when Chromium cannot start, every browser test then fails with the reason,
 * instead of being reported as skipped.
 */
export function browserPerFile(): { get: () => Promise<Browser>; close: () => Promise<void> } {
  let started: Promise<Browser> | undefined
  return {
    get: () => (started ??= launchBrowser()),
    close: async () => {
      const b = await started?.catch(() => undefined)
      await b?.close()
    },
  }
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * axe-core on the page as it is now (WCAG 2.1 A + AA rules); fails listing every violation and
 * the elements behind it. Needs JavaScript in the page (a context without javaScriptEnabled: false).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  const found = r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
  expect(found.length, `${found.length} axe violation(s) on ${page.url()}:\n  ${found.join('\n  ')}\n`).toBe(0)
}

/** Clicks something that submits a form or follows a link and waits for the next page; its final response. */
export async function clickAndWait(page: Page, selector: string): Promise<Response> {
  const [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)])
  if (!res) throw new Error(`clicking ${selector} did not load a page`)
  return res
}

/**
 * Whether the page's error summary gets the focus. `autofocus` is applied at the browser's next
 * rendering update, which can come after the load event, so this waits (up to 2 s) for it.
 */
export async function summaryFocused(page: Page): Promise<boolean> {
  return page
    .waitForFunction(() => document.activeElement?.classList.contains('error-summary') ?? false, null, { timeout: 2000 })
    .then(() => true)
    .catch(() => false)
}

export const signInPath = (slug: string | null) => `${slug ? `/o/${slug}` : ''}/login`

/** Signs in through the real sign-in page (any language) and waits for the page after it. */
export async function signIn(page: Page, baseUrl: string, slug: string | null, email: string, password = TEST_PASSWORD): Promise<Response> {
  await page.goto(baseUrl + signInPath(slug))
  await page.fill('#email', email)
  await page.fill('#password', password)
  return clickAndWait(page, `form[action="${signInPath(slug)}"] button[type=submit]`)
}

export const AGENCY_ROLES = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] as const satisfies readonly Role[]
export type AgencyRole = (typeof AGENCY_ROLES)[number]

export type SeededAgency = { org: Org; users: Record<AgencyRole, User>; platformAdmin: User }

/** An agency with one user of every agency role, and a platform admin; all with TEST_PASSWORD. */
export async function seedAgency(db: Db, overrides: Parameters<typeof buildOrg>[1] = {}): Promise<SeededAgency> {
  const org = await buildOrg(db, overrides)
  const users = {} as Record<AgencyRole, User>
  for (const role of AGENCY_ROLES) users[role] = await buildUser(db, org, role, { displayName: `ผู้ทดสอบ ${role}` })
  const platformAdmin = await buildUser(db, null, 'platform_admin', { displayName: 'ผู้ดูแลระบบกลาง ทดสอบ' })
  return { org, users, platformAdmin }
}
