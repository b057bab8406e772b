import { serve } from '@hono/node-server'
import type { Config } from '../config.js'
import { boot } from './boot.js'
import { createApp } from './create-app.js'
import { loadDemoIfEmpty } from './demo.js'
import { startJobRunner } from '../platform/jobs/runner.js'

/** npm start: database, migrations, demo data (when on), background work, HTTP, clean stop. */
export async function startServer(config: Config): Promise<void> {
  const runtime = await boot(config)
  const { deps } = runtime
  if (config.demo) {
    const accounts = await loadDemoIfEmpty(deps)
    if (accounts) {
      console.log('\nDemo data loaded. Sign-in accounts (password for all: see below):')
      for (const a of accounts) console.log(`  ${a.loginUrl.padEnd(34)} ${a.email.padEnd(34)} ${a.role}`)
      console.log(`  password: ${accounts[0]?.password}\n`)
    }
  }
  const runner = await startJobRunner(deps)
  deps.jobs = runner
  const stoppers = [runner.stop]
  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve())
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new Error(e.code === 'EADDRINUSE' ? `port ${config.port} is already in use (set PORT to another port)` : `cannot listen on ${config.host}:${config.port}: ${e.message}`))
    })
  }).catch(async (e) => {
    for (const s of stoppers) await s().catch(() => {})
    await runtime.stop()
    throw e
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  console.log(`Prongsai is running on http://localhost:${port}`)

  let stopping = false
  async function shutdown(signal: string) {
    if (stopping) return
    stopping = true
    deps.log.info(`${signal}: shutting down`)
    server.close()
    for (const s of stoppers) await s().catch(() => {})
    await runtime.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}
