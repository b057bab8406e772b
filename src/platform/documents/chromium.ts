import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

// Chromium's background services try to reach Google; on a closed network that only produces
// refused connections, so they are switched off.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
]

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the Chromium inside @sparticuz/chromium (npm). */
export async function resolveChromiumExecutable(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`)
    return fromEnv
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const sparticuz = (await import('@sparticuz/chromium')).default
  sparticuz.setGraphicsMode = false
  return sparticuz.executablePath()
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = await resolveChromiumExecutable()
  return chromium.launch({ executablePath, args: ARGS, headless: true })
}

let shared: Promise<Browser> | undefined

/** One browser per process for document rendering, started on first use. */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then((b) => {
    b.on('disconnected', () => {
      shared = undefined
    })
    return b
  })
  return shared
}

export async function closeChromium(): Promise<void> {
  const b = shared
  shared = undefined
  if (b) await (await b).close().catch(() => {})
}
