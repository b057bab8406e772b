#!/usr/bin/env node
// npm run new:module <name> [-- --th "ชื่อภาษาไทย" --en "English name"]
// Writes a working module from scripts/module-template/ into src/modules/<name>/ and adds it to
// the composition root (src/app/registry.ts). The result passes `npm test` untouched.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const templateDir = join(root, 'scripts', 'module-template')
const { values, positionals } = parseArgs({ allowPositionals: true, options: { th: { type: 'string' }, en: { type: 'string' } } })
const id = positionals[0] ?? ''

function fail(message) {
  console.error(`new:module: ${message}`)
  process.exit(2)
}
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id) || id.length > 30) fail('give the module a name in lower case, e.g. `npm run new:module gifts` (letters, digits, single hyphens; at most 30)')
const target = join(root, 'src', 'modules', id)
if (existsSync(target)) fail(`src/modules/${id} already exists`)
const registryFile = join(root, 'src', 'app', 'registry.ts')
const registry = readFileSync(registryFile, 'utf8')
const IMPORT_MARK = '// new:module adds its import above this line'
const LIST_MARK = '  // new:module adds its manifest above this line'
if (!registry.includes(IMPORT_MARK) || !registry.includes(LIST_MARK)) fail('src/app/registry.ts has lost its new:module marker lines; add the module by hand')

const words = id.split('-')
const camel = words[0] + words.slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join('')
const pascal = camel[0].toUpperCase() + camel.slice(1)
const tokens = {
  __UPPER__: words.join('_').toUpperCase(),
  __Pascal__: pascal,
  __camel__: camel,
  __snake__: words.join('_'),
  __labelTh__: values.th?.trim() || id,
  __labelEn__: values.en?.trim() || pascal.replace(/([a-z])([A-Z])/g, '$1 $2'),
  __id__: id,
}
const fill = (s) => Object.entries(tokens).reduce((acc, [k, v]) => acc.replaceAll(k, v), s)

function walk(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]))
}
const written = []
for (const file of walk(templateDir)) {
  const rel = fill(relative(templateDir, file)).replace(/\.tmpl$/, '')
  const out = join(target, rel)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, fill(readFileSync(file, 'utf8')))
  written.push(relative(root, out))
}
writeFileSync(
  registryFile,
  registry
    .replace(IMPORT_MARK, `import { ${camel}Module } from '../modules/${id}/module.js'\n${IMPORT_MARK}`)
    .replace(LIST_MARK, `  ${camel}Module,\n${LIST_MARK}`),
)
console.log(`Module "${id}" written:\n  ${written.sort().join('\n  ')}\nand added to src/app/registry.ts.`)
console.log(`Next: npm test; then open /o/<agency>/admin/${id} (npm start). Read docs/CONTRIBUTING-modules.md.`)
