import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/app.js'
import { latestSlot, startJobRunner, type JobRunner } from '../../src/platform/jobs/runner.js'
import type { JobDef } from '../../src/platform/module/manifest.js'

async function until(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the job')
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('the job runner (pg-boss; schedules in Bangkok time, claimed once across processes)', () => {
  let t: TestApp
  const runs: string[] = []
  const jobs: JobDef[] = [
    { name: 'test.nightly', schedule: '30 2 * * *', run: async (_d, data) => void runs.push(`nightly ${String(data.slot)}`) },
    { name: 'test.adhoc', run: async (_d, data) => void runs.push(`adhoc ${String(data.n)}`) },
  ]
  let a: JobRunner
  let b: JobRunner
  beforeAll(async () => {
    t = await createTestApp()
    // Two runners on one database stand for two app processes.
    a = await startJobRunner(t.deps, { jobs, tickMs: 0 })
    b = await startJobRunner(t.deps, { jobs, tickMs: 0 })
  })
  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await t.close()
  })

  it('reads cron in Bangkok time', () => {
    // 02:31 on 2 Dec in Bangkok is 19:31 UTC on 1 Dec: the 02:30 slot is 19:30 UTC.
    expect(latestSlot('30 2 * * *', new Date('2026-12-01T19:31:00Z')).toISOString()).toBe('2026-12-01T19:30:00.000Z')
    expect(latestSlot('30 2 * * *', new Date('2026-12-01T19:29:00Z')).toISOString()).toBe('2026-11-30T19:30:00.000Z')
  })

  it('runs a scheduled job once when two processes find it due at the same moment', async () => {
    const now = new Date('2026-12-01T19:31:00Z')
    const queued = await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)])
    expect(queued.flat()).toEqual(['test.nightly'])
    await until(() => runs.some((r) => r.startsWith('nightly')))
    await new Promise((r) => setTimeout(r, 1500)) // room for a duplicate to show up, if there were one
    expect(runs.filter((r) => r.startsWith('nightly'))).toEqual(['nightly 2026-12-01T19:30:00.000Z'])
    // The next tick in the same slot queues nothing; the next day's slot runs again.
    expect(await b.tick(new Date('2026-12-01T23:00:00Z'))).toEqual([])
    expect(await a.tick(new Date('2026-12-02T19:30:30Z'))).toEqual(['test.nightly'])
  })

  it('runs work sent to a queue exactly once', async () => {
    await a.send('test.adhoc', { n: 7 })
    await until(() => runs.includes('adhoc 7'))
    await new Promise((r) => setTimeout(r, 1000))
    expect(runs.filter((r) => r === 'adhoc 7')).toHaveLength(1)
  })
})
