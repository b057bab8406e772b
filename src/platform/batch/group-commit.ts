import { inOrg, type Db, type Tx } from '../../db/client.js'

// Group commit for public submissions (complaints, survey answers). One transaction per submission
// costs a round trip per statement and one fsync each (and, for complaints, serialises on the
// agency's audit chain lock). Submissions that arrive while a commit is in flight are written
// together in the next transaction; every caller is answered only after the transaction holding
// its submission has committed, so an acknowledged write survives a crash. Queues are per agency
// and per `lane` (a module's name), so one module's batch never holds another's.
//
// A job may defer its writes: it adds rows to the batch and registers a flush (run once, after all
// jobs of the transaction) that writes them with one multi-row statement per table; the job then
// returns a function that gives its result after the flush. The batch runs optimistically; if
// anything in it fails, nothing of it is stored and every job is retried in a transaction of its
// own, so one bad report fails alone.

export type BatchCtx = {
  memo: Map<string, unknown>
  /** Registers fn to run once, after every job of this transaction, before commit. */
  onFlush: (key: string, fn: () => Promise<void>) => void
}

type Job = { work: (tx: Tx, b: BatchCtx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }
const queues = new Map<string, { jobs: Job[]; running: boolean }>()
const MAX_BATCH = 64

export function commitBatched<T>(db: Db, orgId: string, work: (tx: Tx, b: BatchCtx) => Promise<T | (() => T)>, lane = 'default'): Promise<T> {
  const key = `${lane}:${orgId}`
  let q = queues.get(key)
  if (!q) queues.set(key, (q = { jobs: [], running: false }))
  const p = new Promise<T>((resolve, reject) => q!.jobs.push({ work, resolve: resolve as (v: unknown) => void, reject }))
  if (!q.running) void drain(db, orgId, q)
  return p
}

/** Runs jobs in one transaction: every job, then every registered flush, then the results. */
function runTogether(db: Db, orgId: string, jobs: Job[]): Promise<unknown[]> {
  return inOrg(db, orgId, async (tx) => {
    const flushes = new Map<string, () => Promise<void>>()
    const b: BatchCtx = { memo: new Map(), onFlush: (key, fn) => void (flushes.has(key) || flushes.set(key, fn)) }
    const out: unknown[] = []
    for (const job of jobs) out.push(await job.work(tx, b))
    for (const fn of flushes.values()) await fn()
    return out.map((v) => (typeof v === 'function' ? (v as () => unknown)() : v))
  })
}

async function drain(db: Db, orgId: string, q: { jobs: Job[]; running: boolean }) {
  q.running = true
  try {
    while (q.jobs.length) {
      const batch = q.jobs.splice(0, MAX_BATCH)
      let values: unknown[] | undefined
      try {
        values = await runTogether(db, orgId, batch)
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error)
      }
      if (values) batch.forEach((job, i) => job.resolve(values![i]))
      else if (batch.length > 1)
        for (const job of batch) {
          try {
            job.resolve((await runTogether(db, orgId, [job]))[0])
          } catch (error) {
            job.reject(error)
          }
        }
    }
  } finally {
    q.running = false
  }
}
