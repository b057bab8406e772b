// The entry of `npm start`. Every failure to start is one clear line (no stack), then exit 1.
import { loadConfig } from './config.js'
import { startServer } from './app/server.js'

try {
  await startServer(loadConfig())
} catch (e) {
  const err = e as Error & { cause?: Error }
  console.error(`Prongsai could not start: ${err.message}${err.cause?.message ? ` (${err.cause.message})` : ''}`)
  process.exit(1)
}
