import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Browser } from 'playwright-core'
import { sharedChromium } from './chromium.js'

const require = createRequire(import.meta.url)
const PDFJS_DIR = join(dirname(require.resolve('pdfjs-dist/package.json')), 'build')
const ORIGIN = 'http://pdf-preview.invalid'

// pdf.js's viewer script, run inside Chromium on a private origin that exists only as routes.
const VIEWER = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}</style></head>
<body><canvas id="c"></canvas><script type="module">
import * as pdfjs from '/pdf.mjs'
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs'
const params = new URLSearchParams(location.search)
try {
  const doc = await pdfjs.getDocument({ url: '/doc.pdf', isEvalSupported: false }).promise
  const page = await doc.getPage(Number(params.get('page')))
  const viewport = page.getViewport({ scale: Number(params.get('scale')) })
  const c = document.getElementById('c')
  c.width = Math.ceil(viewport.width); c.height = Math.ceil(viewport.height)
  await page.render({ canvasContext: c.getContext('2d'), viewport }).promise
  document.body.dataset.done = 'ok'
} catch (e) { document.body.dataset.done = 'error: ' + e }
</script></body></html>`

/**
 * One page of a PDF as a PNG, drawn by pdf.js in Chromium from the PDF's own embedded fonts, so
 * the image shows the PDF itself rather than the HTML it came from.
 */
export async function pdfPageToPng(pdf: Buffer, opts: { page?: number; scale?: number; browser?: Browser } = {}): Promise<Buffer> {
  const browser = opts.browser ?? (await sharedChromium())
  const context = await browser.newContext()
  try {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin !== ORIGIN) return route.abort()
      const body: Record<string, () => { body: string | Buffer; contentType: string }> = {
        '/': () => ({ body: VIEWER, contentType: 'text/html; charset=utf-8' }),
        '/pdf.mjs': () => ({ body: readFileSync(join(PDFJS_DIR, 'pdf.mjs')), contentType: 'text/javascript' }),
        '/pdf.worker.mjs': () => ({ body: readFileSync(join(PDFJS_DIR, 'pdf.worker.mjs')), contentType: 'text/javascript' }),
        '/doc.pdf': () => ({ body: pdf, contentType: 'application/pdf' }),
      }
      const make = body[url.pathname]
      return make ? route.fulfill({ status: 200, ...make() }) : route.fulfill({ status: 404, body: '' })
    })
    const page = await context.newPage()
    await page.goto(`${ORIGIN}/?page=${opts.page ?? 1}&scale=${opts.scale ?? 1.5}`)
    const handle = await page.waitForSelector('body[data-done]', { timeout: 30_000 })
    const done = await handle.getAttribute('data-done')
    if (done !== 'ok') throw new Error(`pdf.js could not render the PDF: ${done}`)
    return await page.locator('#c').screenshot()
  } finally {
    await context.close()
  }
}
