import { inOrg, type Db, type Tx } from '../../db/client.js'

// Group commit for submissions. Every agency has one audit hash chain whose lock is held until
// commit, so one-transaction-per-report serialises on one fsync each. Reports that arrive while a
// commit is in flight are written together in the next transaction, each inside its own savepoint
// (one report failing rolls back only itself) and each with its own audit entry; every caller is
// answered only after the transaction holding its report has committed.

type Job = { work: (tx: Tx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }
const queues = new Map<string, { jobs: Job[]; running: boolean }>()
const MAX_BATCH = 64

export function commitBatched<T>(db: Db, orgId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  const key = orgId
  let q = queues.get(key)
  if (!q) queues.set(key, (q = { jobs: [], running: false }))
  const p = new Promise<T>((resolve, reject) => q!.jobs.push({ work, resolve: resolve as (v: unknown) => void, reject }))
  if (!q.running) void drain(db, orgId, q)
  return p
}

async function drain(db: Db, orgId: string, q: { jobs: Job[]; running: boolean }) {
  q.running = true
  try {
    while (q.jobs.length) {
      const batch = q.jobs.splice(0, MAX_BATCH)
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
      try {
        await inOrg(db, orgId, async (tx) => {
          for (const job of batch) {
            try {
              outcomes.push({ ok: true, value: await tx.transaction((sp) => job.work(sp)) })
            } catch (error) {
              outcomes.push({ ok: false, error })
            }
          }
        })
      } catch (error) {
        // The commit itself failed: nothing of this batch is stored.
        for (const job of batch) job.reject(error)
        continue
      }
      batch.forEach((job, i) => {
        const o = outcomes[i]!
        if (o.ok) job.resolve(o.value)
        else job.reject(o.error)
      })
    }
  } finally {
    q.running = false
  }
}
