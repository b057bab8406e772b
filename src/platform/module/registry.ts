import { fileURLToPath } from 'node:url'
import type { EvidenceSourceDef, EvidenceTargetDef, JobDef, Localized, ModuleManifest, PermissionDef, PublicMenuDef, Registry, RoleDef, StatisticDef } from './manifest.js'

export type { Registry }

const ID = /^[a-z][a-z0-9-]{1,40}$/
const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || a.id.localeCompare(b.id)

function mergeMenus(items: PublicMenuDef[]): PublicMenuDef[] {
  // Modules may add children to a node another module defines (same path): merged, then sorted.
  const byPath = new Map<string, PublicMenuDef>()
  for (const item of items) {
    const prior = byPath.get(item.path)
    if (prior) byPath.set(item.path, { ...prior, children: [...(prior.children ?? []), ...(item.children ?? [])] })
    else byPath.set(item.path, item)
  }
  return [...byPath.values()].map((n) => (n.children ? { ...n, children: mergeMenus(n.children) } : n)).sort(byOrder)
}

/**
 * Collects the manifests (the platform's first) and checks them: unique module ids, permission
 * names, roles and error codes; every grant names a known role and permission; every menu item
 * names a known permission. A mistake here stops the app at start, with the module named.
 */
export function buildRegistry(manifests: readonly ModuleManifest[]): Registry {
  const roles = new Map<string, RoleDef & { moduleId: string }>()
  const permissions = new Map<string, PermissionDef & { moduleId: string }>()
  const errors = new Map<string, Localized>()
  const ids = new Set<string>()
  const fail = (m: ModuleManifest, what: string): never => {
    throw new Error(`module ${m.id}: ${what}`)
  }
  for (const m of manifests) {
    if (!ID.test(m.id)) fail(m, 'id must be lower-case letters, digits and -')
    if (ids.has(m.id)) fail(m, 'declared twice')
    ids.add(m.id)
    for (const r of m.roles ?? []) {
      if (roles.has(r.id)) fail(m, `role ${r.id} is already defined by ${roles.get(r.id)!.moduleId}`)
      roles.set(r.id, { ...r, moduleId: m.id })
    }
    for (const [name, def] of Object.entries(m.permissions ?? {})) {
      if (permissions.has(name)) fail(m, `permission ${name} is already defined by ${permissions.get(name)!.moduleId}`)
      permissions.set(name, { ...def, moduleId: m.id })
    }
    for (const [code, msg] of Object.entries(m.errors ?? {})) {
      if (!code.startsWith(`${m.id}.`)) fail(m, `error code ${code} must start with "${m.id}."`)
      errors.set(code, msg)
    }
  }
  const grants = new Map<string, Set<string>>([...roles.keys()].map((r) => [r, new Set<string>()]))
  for (const [name, def] of permissions) {
    for (const role of def.roles) {
      const set = grants.get(role)
      if (!set) throw new Error(`module ${def.moduleId}: permission ${name} is granted to unknown role ${role}`)
      set.add(name)
    }
  }
  for (const r of roles.values()) {
    for (const p of r.grants ?? []) {
      if (!permissions.has(p)) throw new Error(`module ${r.moduleId}: role ${r.id} is granted unknown permission ${p}`)
      grants.get(r.id)!.add(p)
    }
  }
  for (const m of manifests) {
    for (const n of [...(m.staffNav ?? []), ...(m.dashboardCards ?? [])]) {
      if (!permissions.has(n.permission)) fail(m, `menu item ${n.id} needs unknown permission ${n.permission}`)
    }
  }
  const jobs = new Map<string, JobDef & { moduleId: string }>()
  const statistics = new Map<string, StatisticDef & { moduleId: string }>()
  const evidenceSources = new Map<string, EvidenceSourceDef & { moduleId: string }>()
  const evidenceTargets = new Map<string, EvidenceTargetDef & { moduleId: string }>()
  for (const m of manifests) {
    for (const j of m.jobs ?? []) {
      if (!j.name.startsWith(`${m.id}.`)) fail(m, `job ${j.name} must start with "${m.id}."`)
      if (jobs.has(j.name)) fail(m, `job ${j.name} is declared twice`)
      jobs.set(j.name, { ...j, moduleId: m.id })
    }
    for (const st of m.statistics ?? []) {
      const k = `${m.id}.${st.key}`
      if (statistics.has(k)) fail(m, `statistic ${st.key} is declared twice`)
      statistics.set(k, { ...st, moduleId: m.id })
    }
    for (const e of m.evidenceSources ?? []) {
      if (!e.type.startsWith(`${m.id}.`)) fail(m, `evidence source ${e.type} must start with "${m.id}."`)
      if (evidenceSources.has(e.type)) fail(m, `evidence source ${e.type} is declared twice`)
      evidenceSources.set(e.type, { ...e, moduleId: m.id })
    }
    for (const e of m.evidenceTargets ?? []) {
      if (!e.type.startsWith(`${m.id}.`)) fail(m, `evidence target ${e.type} must start with "${m.id}."`)
      if (evidenceTargets.has(e.type)) fail(m, `evidence target ${e.type} is declared twice`)
      evidenceTargets.set(e.type, { ...e, moduleId: m.id })
    }
  }
  const migrationDirs = manifests.filter((m) => m.migrations).map((m) => ({ moduleId: m.id, dir: fileURLToPath(m.migrations!) }))
  const empty = new Set<string>()
  return {
    modules: manifests,
    roles,
    permissions,
    grants,
    staffNav: manifests.flatMap((m) => m.staffNav ?? []).sort(byOrder),
    platformNav: manifests.flatMap((m) => m.platformNav ?? []).sort(byOrder),
    publicMenu: mergeMenus(manifests.flatMap((m) => m.publicMenu ?? [])),
    dashboardCards: manifests.flatMap((m) => m.dashboardCards ?? []).sort(byOrder),
    errors,
    migrationDirs,
    jobs: [...jobs.values()],
    statistics: [...statistics.values()],
    evidenceSources,
    evidenceTargets,
    anonymousPaths: manifests.flatMap((m) => m.anonymousPaths ?? []),
    roleLabel: (role, lang) => roles.get(role)?.label[lang] ?? role,
    permissionsOf: (role) => grants.get(role) ?? empty,
  }
}
