import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const here = dirname(fileURLToPath(import.meta.url))
export const APP_CSS = readFileSync(join(here, 'static/app.css'), 'utf8')
// Cache-busting version for long-cached static assets.
export const ASSET_VERSION = createHash('sha256').update(APP_CSS).digest('hex').slice(0, 10)

const require = createRequire(import.meta.url)
export const FONT_DIR = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files')
