#!/usr/bin/env node
// `npm test`: typecheck + lint + module boundaries + every vitest test (unit, integration on
// real PostgreSQL, browser). Ends with the line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, mkdirSync } from 'node:fs'

const bin = (name) => `node_modules/.bin/${name}`
const steps = [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  // Module boundaries and import cycles on resolved paths (.dependency-cruiser.cjs).
  ['boundaries', bin('depcruise'), ['src', 'demo', 'bench', 'tests', 'scripts', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']],
]
let passed = 0
let failed = 0
let skipped = 0
for (const [name, cmd, args] of process.env.PRONGSAI_SKIP_STATIC ? [] : steps) {
  console.log(`\n▶ ${name}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit' })
  if (r.status === 0) passed++
  else {
    failed++
    console.log(`✗ ${name} failed`)
  }
}

console.log('\n▶ vitest')
mkdirSync('test-output', { recursive: true })
const extra = process.argv.slice(2)
const r = spawnSync(bin('vitest'), ['run', ...extra], { stdio: 'inherit' })
const report = 'test-output/vitest.json'
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed += json.numPassedTests ?? 0
  failed += json.numFailedTests ?? 0
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
  // No tests at all (a global setup that failed, a filter that matched nothing) is a failure too.
  if ((json.numTotalTests ?? 0) === 0) {
    console.log('✗ vitest ran no tests')
    failed++
  }
  // A test file that failed to load has no test results but is a failure.
  for (const f of json.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++
} else if (r.status !== 0) failed++

if (r.status !== 0 && failed === 0) failed++
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
