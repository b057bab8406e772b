// npm run admin:create -- --email you@example.org --name "ชื่อ นามสกุล"
// Creates the first platform admin of a real deployment (which has no default passwords) and
// prints a single-use link to set the password.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { loadConfig } from '../../config.js'
import { boot } from '../boot.js'
import { inOrg } from '../../db/client.js'
import { users, authTokens } from '../../platform/auth/auth.schema.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { randomToken, sha256Hex } from '../../platform/crypto/index.js'

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } })
const input = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), name: z.string().trim().min(1).max(200) }).safeParse(values)
if (!input.success) {
  console.error('usage: npm run admin:create -- --email you@example.org --name "ชื่อ นามสกุล"')
  process.exit(2)
}
const config = loadConfig()
const rt = await boot(config)
try {
  const token = randomToken(32)
  await inOrg(rt.deps.db, null, async (tx) => {
    const [u] = await tx.insert(users).values({ orgId: null, email: input.data.email, displayName: input.data.name, role: 'platform_admin' }).returning()
    await tx.insert(authTokens).values({ id: sha256Hex(token), userId: u!.id, orgId: null, purpose: 'invite', expiresAt: new Date(Date.now() + 24 * 3600 * 1000) })
    await appendAudit(tx, { orgId: null, actorLabel: 'cli', action: 'user.create_platform_admin', entityType: 'user', entityId: u!.id })
  })
  const base = config.siteOrigin
  console.log(`Platform admin ${input.data.email} created. Set the password within 24 hours at:\n  ${base}/invite/${token}`)
} catch (e) {
  console.error(`Could not create the admin: ${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}`)
  process.exitCode = 1
} finally {
  await rt.stop()
}
process.exit(typeof process.exitCode === "number" ? process.exitCode : 0)
