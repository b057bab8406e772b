import PgBoss from 'pg-boss'
import cronParser from 'cron-parser'
import pg from 'pg'
import type { AppDeps, JobDef, JobQueue } from '../module/manifest.js'

// The app's one job runner: pg-boss queues on the same PostgreSQL (retries, one worker per job),
// with schedules evaluated here in Bangkok time. Every app process ticks; a due run is claimed in
// job_schedule_runs (INSERT … ON CONFLICT DO NOTHING), so two processes never run one slot twice.

export const JOB_TIME_ZONE = 'Asia/Bangkok'
/** A scheduled run missed while no process was up is still run, if it is at most this old. */
const CATCH_UP_MS = 24 * 3600 * 1000

export type JobRunner = JobQueue & {
  /** Claims and queues every schedule due at `now` (called every 30 s; tests call it directly). */
  tick: (now?: Date) => Promise<string[]>
  stop: () => Promise<void>
}

/** The latest time ≤ now that a cron expression names, in Bangkok time. */
export function latestSlot(cron: string, now: Date): Date {
  const it = cronParser.parseExpression(cron, { currentDate: new Date(now.getTime() + 1000), tz: JOB_TIME_ZONE })
  return it.prev().toDate()
}

/** A stand-in queue for code paths that run without the runner (tests, CLIs): it runs nothing. */
export const noJobs: JobQueue = { send: async () => {} }

export async function startJobRunner(deps: AppDeps, opts: { jobs?: readonly JobDef[]; tickMs?: number; work?: boolean } = {}): Promise<JobRunner> {
  const jobs = opts.jobs ?? deps.registry.jobs
  const boss = new PgBoss({ connectionString: deps.ownerUrl, schema: 'pgboss', max: 3, schedule: false, application_name: 'prongsai-jobs' })
  boss.on('error', (err) => deps.log.error({ err }, 'job runner'))
  await boss.start()
  const claims = new pg.Pool({ connectionString: deps.ownerUrl, max: 1 })
  claims.on('error', () => {})
  for (const j of jobs) await boss.createQueue(j.name)
  if (opts.work !== false) {
    for (const j of jobs) {
      await boss.work(j.name, async ([job]) => {
        const started = Date.now()
        await j.run(deps, (job?.data ?? {}) as Record<string, unknown>)
        deps.log.info({ job: j.name, ms: Date.now() - started }, 'job done')
      })
    }
  }

  const send: JobQueue['send'] = async (name, data = {}, o = {}) => {
    await boss.send(name, data, o.singletonKey ? { singletonKey: o.singletonKey, singletonSeconds: 60 } : {})
  }

  const tick = async (now = new Date()): Promise<string[]> => {
    const queued: string[] = []
    for (const j of jobs) {
      if (!j.schedule) continue
      const slot = latestSlot(j.schedule, now)
      if (now.getTime() - slot.getTime() > CATCH_UP_MS) continue
      const r = await claims.query('INSERT INTO job_schedule_runs (job, slot) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING job', [j.name, slot])
      if (r.rowCount) {
        await boss.send(j.name, { slot: slot.toISOString() })
        queued.push(j.name)
      }
    }
    return queued
  }

  const interval = opts.tickMs === 0 ? null : setInterval(() => void tick().catch((err) => deps.log.error({ err }, 'job schedule tick')), opts.tickMs ?? 30_000)
  interval?.unref()
  return {
    send,
    tick,
    stop: async () => {
      if (interval) clearInterval(interval)
      await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {})
      await claims.end().catch(() => {})
    },
  }
}
