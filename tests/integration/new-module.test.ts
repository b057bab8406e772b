import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

// `npm run new:module <name>` in a copy of this repository: the generated module must pass the
// typecheck, the lint, the boundary rules and its own tests (service, role × route, browser)
// untouched. A name with a hyphen checks every derived identifier (camelCase, snake_case, …).
const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))

describe('npm run new:module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-newmodule-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes a module that passes tsc, lint, boundaries and its own tests untouched', { timeout: 600_000 }, async () => {
    const { stdout: files } = await run('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, maxBuffer: 16 * 1024 * 1024 })
    for (const f of files.split('\n').filter(Boolean)) if (existsSync(join(root, f))) cpSync(join(root, f), join(dir, f), { recursive: true })
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
    const opts = { cwd: dir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } }
    const gen = await run('node', ['scripts/new-module.mjs', 'loan-desk', '--th', 'โต๊ะยืมพัสดุ', '--en', 'Loan desk'], opts)
    expect(gen.stdout).toContain('src/modules/loan-desk/module.ts')
    expect(readFileSync(join(dir, 'src/app/registry.ts'), 'utf8')).toContain("import { loanDeskModule } from '../modules/loan-desk/module.js'")
    // The same name twice is refused, and so is a bad name.
    await expect(run('node', ['scripts/new-module.mjs', 'loan-desk'], opts)).rejects.toMatchObject({ code: 2 })
    await expect(run('node', ['scripts/new-module.mjs', 'Bad_Name'], opts)).rejects.toMatchObject({ code: 2 })

    await run('node_modules/.bin/tsc', ['--noEmit', '-p', '.'], opts)
    await run('node_modules/.bin/eslint', ['--max-warnings', '0', 'src/modules/loan-desk', 'src/app/registry.ts'], opts)
    await run('node_modules/.bin/depcruise', ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], opts)
    const tests = await run('node_modules/.bin/vitest', ['run', 'src/modules/loan-desk'], opts).catch((e: { stdout: string; stderr: string }) => {
      throw new Error(`the generated module's tests failed:\n${e.stdout}\n${e.stderr}`)
    })
    expect(tests).toBeDefined()
    const report = JSON.parse(readFileSync(join(dir, 'test-output/vitest.json'), 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number }
    expect(report.numFailedTests).toBe(0)
    expect(report.numPendingTests).toBe(0)
    expect(report.numPassedTests).toBeGreaterThanOrEqual(40)
  })
})
