import { serve } from '@hono/node-server'
import { loadConfig } from './config.js'
import { boot } from './boot.js'
import { createApp } from './app.js'
import { loadDemoIfEmpty } from '../demo/load.js'
import { modules } from './modules/index.js'

const config = loadConfig()
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

const stoppers = await Promise.all(modules.filter((m) => m.start).map((m) => m.start!(deps)))
const app = createApp(deps)
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Prongsai is running on http://localhost:${info.port}`)
})

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
