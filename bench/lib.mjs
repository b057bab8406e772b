// Shared by the bench scripts: a free loopback port, and waiting for a URL to answer 200.
import { createServer } from 'node:net'

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })

export async function waitFor(url, ms = 180_000) {
  const deadline = Date.now() + ms
  for (;;) {
    if (Date.now() > deadline) throw new Error(`no 200 from ${url} within ${ms / 1000} s`)
    try {
      const r = await fetch(url)
      if (r.status === 200) return r
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}
