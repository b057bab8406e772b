import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import PgBoss from 'pg-boss'
import type { AppDeps } from '../../platform/http/context.js'
import { listOrgs } from '../../platform/orgs/orgs.service.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { runLinkCheck, selfProbe } from './disclosure.service.js'
import { oitYears } from './framework.js'

export const LINK_CHECK_QUEUE = 'disclosure-link-check'

/** The owner connection pg-boss needs for its own schema (external DATABASE_URL, or the embedded server's). */
function ownerUrl(deps: AppDeps): string | null {
  if (deps.config.databaseUrl) return deps.config.databaseUrl
  try {
    const password = readFileSync(resolve(deps.config.dataDir, 'secrets', 'postgres-password'), 'utf8').trim()
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${deps.config.embeddedPgPort}/prongsai`
  } catch {
    return null
  }
}

/** Checks the links of every agency (current and previous fiscal year); used by the scheduled job. */
export async function checkAllAgencies(deps: AppDeps): Promise<number> {
  const origin = deps.config.publicUrl?.replace(/\/$/, '') ?? `http://127.0.0.1:${deps.config.port}`
  const available = await oitYears(deps.db)
  const now = currentFiscalYear()
  const years = available.filter((y) => y === now || y === now - 1)
  let n = 0
  for (const org of await listOrgs(deps.db)) {
    try {
      const r = await runLinkCheck(deps, org, { siteOrigin: origin, probe: selfProbe(origin, org.slug), years: years.length ? years : available.slice(0, 1) })
      n += r.length
    } catch (e) {
      deps.log.error({ err: e, org: org.slug }, 'link check failed')
    }
  }
  return n
}

/** Starts the nightly link monitor (pg-boss schedule, Bangkok time) and its worker. */
export async function startLinkMonitor(deps: AppDeps): Promise<() => Promise<void>> {
  const url = ownerUrl(deps)
  if (!url) {
    deps.log.warn('link monitor: no owner database URL; scheduled checks are off (staff can still check on demand)')
    return async () => {}
  }
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 2 })
  boss.on('error', (err) => deps.log.error({ err }, 'pg-boss'))
  await boss.start()
  await boss.createQueue(LINK_CHECK_QUEUE)
  await boss.schedule(LINK_CHECK_QUEUE, '30 2 * * *', {}, { tz: 'Asia/Bangkok' })
  await boss.work(LINK_CHECK_QUEUE, async () => {
    const n = await checkAllAgencies(deps)
    deps.log.info({ checked: n }, 'link monitor: done')
  })
  return async () => {
    await boss.stop({ graceful: true, timeout: 10_000 })
  }
}
