import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import type { AppEnv } from '../../src/platform/http/context.js'
import { rateLimit } from '../../src/platform/http/rate-limit.js'
import { createTestApp } from '../support/app.js'

describe('per-address rate limiting', () => {
  it('answers 429 with Retry-After once an address exceeds its budget, per address', async () => {
    const t = await createTestApp({ TRUST_PROXY: 'on' })
    try {
      const direct = new Hono<AppEnv>()
      direct.use('*', async (c, next) => {
        c.set('deps', t.deps)
        await next()
      })
      direct.use('/p', rateLimit({ name: 'direct', max: 3, windowMs: 60_000 }))
      direct.post('/p', (c) => c.text('ok'))
      direct.onError((e, c) => c.text(e.message, (e as { status?: 429 }).status ?? 500))
      const hit = (ip: string) => direct.request('/p', { method: 'POST', headers: { 'x-forwarded-for': ip } })
      for (let i = 0; i < 3; i++) expect((await hit('203.0.113.9')).status).toBe(200)
      const blocked = await hit('203.0.113.9')
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await hit('203.0.113.10')).status).toBe(200)
    } finally {
      await t.close()
    }
  })
})
