import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// The other static assets (app.css, app.js, share.png) are served precompressed by http/compress.ts.
const require = createRequire(import.meta.url)
export const FONT_DIR = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files')
