// Throttles receipt-code guessing, in process memory only: per address (as a keyed hash, never
// the address itself) and per agency across all addresses, in fixed windows. Entries are
// forgotten when their window ends (at most 15 minutes), so nothing identifying is kept.

type Window = { count: number; resetAt: number }

export class GuessThrottle {
  private readonly perAddress = new Map<string, Window>()
  private readonly perOrg = new Map<string, Window>()
  constructor(
    readonly opts = { perAddress: 10, perOrg: 200, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  private sweep(map: Map<string, Window>, t: number) {
    if (map.size > 1000) for (const [k, v] of map) if (v.resetAt <= t) map.delete(k)
  }

  /** Milliseconds until this address may guess again for this agency (0: now). */
  blockedFor(orgId: string, addressKey: string): number {
    const t = this.now()
    const a = this.perAddress.get(`${orgId}:${addressKey}`)
    const o = this.perOrg.get(orgId)
    let wait = 0
    if (a && a.resetAt > t && a.count >= this.opts.perAddress) wait = a.resetAt - t
    if (o && o.resetAt > t && o.count >= this.opts.perOrg) wait = Math.max(wait, o.resetAt - t)
    return wait
  }

  /** Records a wrong code. */
  fail(orgId: string, addressKey: string): void {
    const t = this.now()
    this.sweep(this.perAddress, t)
    this.sweep(this.perOrg, t)
    for (const [map, key] of [
      [this.perAddress, `${orgId}:${addressKey}`],
      [this.perOrg, orgId],
    ] as const) {
      const w = map.get(key)
      if (!w || w.resetAt <= t) map.set(key, { count: 1, resetAt: t + this.opts.windowMs })
      else w.count++
    }
  }
}
