import type { Config } from '../config.js'
import { startEmbeddedPostgres } from '../db/embedded.js'
import { migrate } from '../db/migrate.js'
import { connectDatabase, type Database } from '../db/client.js'
import { createLogger } from '../platform/logger.js'
import { loadSecrets } from '../platform/secrets.js'
import type { AppDeps } from '../platform/http/context.js'
import type { Registry } from '../platform/module/registry.js'
import { noJobs } from '../platform/jobs/runner.js'
import { registry as appRegistry } from './registry.js'

export type Runtime = { deps: AppDeps; database: Database; ownerUrl: string; stop: () => Promise<void> }

/** Database (embedded unless DATABASE_URL), migrations, secrets: everything the app and CLIs need. */
export async function boot(config: Config, registry: Registry = appRegistry): Promise<Runtime> {
  const log = createLogger(config.logLevel)
  let ownerUrl = config.databaseUrl
  let stopEmbedded = async () => {}
  if (!ownerUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'prongsai', log: (m) => log.info(m) })
    ownerUrl = pg.url
    config.embeddedPgPort = pg.port // it may have moved to a free port
    stopEmbedded = pg.stop
  }
  await migrate(ownerUrl, registry, (m) => log.info(m))
  const { appSecret, masterKeys } = await loadSecrets(config)
  const database = connectDatabase(ownerUrl)
  const deps: AppDeps = { db: database.db, config, log, appSecret, masterKeys, registry, ownerUrl, jobs: noJobs }
  return {
    deps,
    database,
    ownerUrl,
    stop: async () => {
      await database.close().catch(() => {})
      await stopEmbedded()
    },
  }
}
