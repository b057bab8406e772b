import { inOrg, type Db, type Tx } from '../../db/client.js'

// Group commit for submissions. Every agency has one audit hash chain whose lock is held until
// commit, so one-transaction-per-report serialises on one fsync each. Reports that arrive while a
// commit is in flight are written together in the next transaction; every caller is answered only
// after the transaction holding its report has committed.
//
// The batch runs optimistically without savepoints (each costs two round trips per report). If
// anything in it fails, nothing of it is stored and every report of the batch is retried in a
// transaction of its own, so one bad report fails alone.

/** Shared by the reports of one transaction: facts read once, and the audit chain's head. */
export type BatchCtx = { memo: Map<string, unknown> }

type Job = { work: (tx: Tx, b: BatchCtx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }
const queues = new Map<string, { jobs: Job[]; running: boolean }>()
const MAX_BATCH = 64

export function commitBatched<T>(db: Db, orgId: string, work: (tx: Tx, b: BatchCtx) => Promise<T>): Promise<T> {
  let q = queues.get(orgId)
  if (!q) queues.set(orgId, (q = { jobs: [], running: false }))
  const p = new Promise<T>((resolve, reject) => q!.jobs.push({ work, resolve: resolve as (v: unknown) => void, reject }))
  if (!q.running) void drain(db, orgId, q)
  return p
}

async function runAlone(db: Db, orgId: string, job: Job): Promise<void> {
  try {
    job.resolve(await inOrg(db, orgId, (tx) => job.work(tx, { memo: new Map() })))
  } catch (error) {
    job.reject(error)
  }
}

async function drain(db: Db, orgId: string, q: { jobs: Job[]; running: boolean }) {
  q.running = true
  try {
    while (q.jobs.length) {
      const batch = q.jobs.splice(0, MAX_BATCH)
      if (batch.length === 1) {
        await runAlone(db, orgId, batch[0]!)
        continue
      }
      let values: unknown[]
      try {
        values = await inOrg(db, orgId, async (tx) => {
          const b: BatchCtx = { memo: new Map() }
          const out: unknown[] = []
          for (const job of batch) out.push(await job.work(tx, b))
          return out
        })
      } catch {
        for (const job of batch) await runAlone(db, orgId, job)
        continue
      }
      batch.forEach((job, i) => job.resolve(values[i]))
    }
  } finally {
    q.running = false
  }
}
