import { sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { todayInBangkok, toIsoDate } from '../../platform/thai/index.js'

// The daily seal: the answer sheets of days before today are rewritten in one transaction per
// agency, in random order and with new ids, so that all of them share one xmin and their physical
// order is random — neither tells the order in which they arrived (README "Anonymity"). Today's
// sheets wait until tomorrow's run.

export async function sealOrg(deps: Pick<AppDeps, 'db'>, orgId: string, today = toIsoDate(todayInBangkok())): Promise<number> {
  return inOrg(deps.db, orgId, async (tx) => {
    const r = await tx.execute(sql`
      WITH moved AS (
        DELETE FROM surveys_responses WHERE NOT sealed AND answered_on < ${today}
        RETURNING org_id, survey_id, point_id, answered_on, via, answers
      )
      INSERT INTO surveys_responses (org_id, survey_id, point_id, answered_on, via, answers, sealed)
      SELECT org_id, survey_id, point_id, answered_on, via, answers, true FROM moved ORDER BY random()`)
    return r.rowCount ?? 0
  })
}

export async function sealResponses(deps: Pick<AppDeps, 'db'>, today?: string): Promise<number> {
  const all = await deps.db.select({ id: orgs.id }).from(orgs)
  let n = 0
  for (const o of all) n += await sealOrg(deps, o.id, today)
  return n
}
