import type { AppDeps } from '../../platform/http/context.js'
import { listOrgs } from '../../platform/orgs/orgs.service.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { runLinkCheck, selfProbe } from './disclosure.service.js'
import { oitYears } from './framework.js'

/** Checks the links of every agency (current and previous fiscal year); used by the scheduled job. */
export async function checkAllAgencies(deps: AppDeps): Promise<number> {
  const origin = deps.config.publicUrl ? deps.config.siteOrigin : `http://127.0.0.1:${deps.config.port}`
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
