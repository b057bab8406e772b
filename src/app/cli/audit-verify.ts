// npm run audit:verify — walks every agency's audit hash chain and reports the first broken link.
import { loadConfig } from '../../config.js'
import { startEmbeddedPostgres } from '../../db/embedded.js'
import { verifyAuditChain } from '../../platform/audit/verify.js'

const config = loadConfig()
let url = config.databaseUrl
let stop = async () => {}
if (!url) {
  const pg = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'prongsai' })
  url = pg.url
  stop = pg.stop
}
let exitCode = 0
try {
  const r = await verifyAuditChain(url)
  if (r.ok) {
    console.log(`audit log intact: ${r.checked} entries verified`)
  } else {
    console.error(`audit log BROKEN at entry id ${r.brokenAt.id} (agency ${r.brokenAt.orgId ?? 'platform'}): ${r.brokenAt.reason}; ${r.checked} entries before it verified`)
    exitCode = 1
  }
} finally {
  await stop()
}
// Explicit exit: the tsx wrapper does not pass process.exitCode through.
process.exit(exitCode)
