import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// The boundary rules (.dependency-cruiser.cjs) run over the real tree in `npm test`; this test
// proves they catch what they are meant to, on a small tree of deliberately bad imports
// (tests/fixtures/boundaries), static and dynamic alike.
const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const fixture = fileURLToPath(new URL('../fixtures/boundaries', import.meta.url))

type Violation = { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }

async function violations(): Promise<Violation[]> {
  const { stdout } = await run(`${root}node_modules/.bin/depcruise`, ['src', '--config', `${root}.dependency-cruiser.cjs`, '--output-type', 'json'], { cwd: fixture, maxBuffer: 16 * 1024 * 1024 }).catch((e: { stdout: string }) => ({ stdout: e.stdout }))
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations
}

describe('module boundaries are enforced', () => {
  it('catches reaching past an index (static and dynamic), platform → module, module → app, and cycles', async () => {
    const found = await violations()
    const has = (rule: string, from: string, to?: string) => found.some((v) => v.rule.name === rule && v.from === from && (!to || v.to === to))
    expect(has('modules-meet-through-index', 'src/modules/beta/bad-static.ts', 'src/modules/alpha/internal.ts')).toBe(true)
    expect(has('modules-meet-through-index', 'src/modules/beta/bad-dynamic.ts', 'src/modules/alpha/internal.ts')).toBe(true)
    expect(has('platform-knows-no-module', 'src/platform/knows-a-module.ts')).toBe(true)
    expect(has('only-entries-know-the-app', 'src/modules/beta/knows-the-app.ts')).toBe(true)
    expect(found.some((v) => v.rule.name === 'no-circular' && v.from.startsWith('src/modules/beta/cycle-'))).toBe(true)
    // The allowed import (through alpha's index) is not reported.
    expect(found.some((v) => v.from === 'src/modules/beta/through-index.ts')).toBe(false)
  }, 60_000)
})
