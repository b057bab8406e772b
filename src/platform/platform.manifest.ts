import { defineModule } from './module/manifest.js'
import { definePermissions, type PermissionsOf } from './auth/permissions.js'
import { Hono } from 'hono'
import type { StaffEnv } from './module/manifest.js'
import { staffRoutes } from './orgs/staff.routes.js'
import { platformRoutes } from './orgs/platform.routes.js'
import { todoRoutes } from './deadlines/todo.routes.js'
import { evidenceRoutes } from './evidence/evidence.routes.js'
import { grantsRoutes } from './orgs/grants.routes.js'
import { peopleRoutes } from './people/people.routes.js'
import { sendDeadlineDigests } from './deadlines/digest.js'
import { deliverMail } from './mail/delivery.js'
import { computeStatistics } from './stats/statistics.js'
import { sweepRateCounters } from './http/rate-limit.js'
import { anchorAuditChains } from './audit/anchors.js'
import { anchorRoutes } from './audit/anchors.routes.js'

// The platform's own part of the registry: its roles, permissions, menus and routes, declared the
// same way a module declares its own (src/app/registry.ts puts it first).

const AGENCY_STAFF = ['agency_admin', 'executive', 'officer', 'viewer'] as const

export const platformPermissions = definePermissions({
  'platform.manage': { label: { th: 'ดูแลระบบกลาง', en: 'Manage the platform' }, roles: ['platform_admin'] },
  'staff.dashboard': { label: { th: 'เข้าแผงควบคุม', en: 'Open the staff dashboard' }, roles: AGENCY_STAFF },
  'account.manage': { label: { th: 'จัดการบัญชีของตนเอง', en: 'Manage one’s own account' }, roles: ['platform_admin', ...AGENCY_STAFF] },
  'unit.read': { label: { th: 'ดูหน่วยงานภายใน', en: 'See units' }, roles: AGENCY_STAFF },
  'unit.manage': { label: { th: 'จัดการหน่วยงานภายใน', en: 'Manage units' }, roles: ['agency_admin'] },
  'people.read': { label: { th: 'ดูรายชื่อบุคลากร', en: 'See the agency’s people' }, roles: AGENCY_STAFF },
  'people.manage': { label: { th: 'จัดการรายชื่อบุคลากร', en: 'Manage the agency’s people' }, roles: ['agency_admin'] },
  'user.read': { label: { th: 'ดูผู้ใช้งาน', en: 'See accounts' }, roles: ['agency_admin', 'executive'] },
  'user.manage': { label: { th: 'เชิญและจัดการผู้ใช้งาน', en: 'Invite and manage accounts' }, roles: ['agency_admin'] },
  'org.settings': { label: { th: 'ตั้งค่าหน่วยงาน', en: 'Agency settings' }, roles: ['agency_admin'] },
  'audit.read': { label: { th: 'ดูบันทึกการใช้งาน', en: 'Read the audit log' }, roles: ['agency_admin', 'executive'] },
  'todo.agency': { label: { th: 'ดูงานที่ต้องทำของทั้งหน่วยงาน', en: 'See the whole agency’s to-do list' }, roles: ['agency_admin', 'executive'] },
})
declare module './auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof platformPermissions> {}
}

export const platformManifest = defineModule({
  id: 'platform',
  label: { th: 'ระบบกลาง', en: 'Platform' },
  roles: [
    { id: 'platform_admin', label: { th: 'ผู้ดูแลระบบกลาง', en: 'Platform administrator' }, assignable: false },
    { id: 'agency_admin', label: { th: 'ผู้ดูแลระบบของหน่วยงาน', en: 'Agency administrator' } },
    { id: 'executive', label: { th: 'ผู้บริหาร', en: 'Executive' } },
    { id: 'officer', label: { th: 'เจ้าหน้าที่', en: 'Officer' } },
    { id: 'viewer', label: { th: 'ผู้ดูข้อมูล', en: 'Viewer' } },
  ],
  permissions: platformPermissions,
  staffNav: [
    { id: 'dashboard', path: '', label: { th: 'แผงควบคุม', en: 'Dashboard' }, permission: 'staff.dashboard', order: 0 },
    { id: 'todo', path: '/todo', label: { th: 'งานที่ต้องทำ', en: 'To do' }, permission: 'staff.dashboard', order: 10 },
    { id: 'people', path: '/people', label: { th: 'บุคลากร', en: 'People' }, permission: 'people.read', order: 890 },
    { id: 'units', path: '/units', label: { th: 'หน่วยงานภายใน', en: 'Units' }, permission: 'unit.read', order: 900 },
    { id: 'users', path: '/users', label: { th: 'ผู้ใช้งาน', en: 'Accounts' }, permission: 'user.read', order: 910 },
    { id: 'audit', path: '/audit', label: { th: 'บันทึกการใช้งาน', en: 'Audit log' }, permission: 'audit.read', order: 920 },
    { id: 'settings', path: '/settings', label: { th: 'ตั้งค่าหน่วยงาน', en: 'Agency settings' }, permission: 'org.settings', order: 930 },
    { id: 'account', path: '/account', label: { th: 'บัญชีของฉัน', en: 'My account' }, permission: 'account.manage', order: 940 },
  ],
  platformNav: [
    { id: 'orgs', path: '', label: { th: 'หน่วยงาน', en: 'Agencies' }, order: 0 },
    { id: 'outbox', path: '/outbox', label: { th: 'กล่องจดหมายออก', en: 'Outbox' }, order: 800 },
    { id: 'audit', path: '/audit', label: { th: 'บันทึกการใช้งาน', en: 'Audit log' }, order: 900 },
    { id: 'account', path: '/account', label: { th: 'บัญชีของฉัน', en: 'My account' }, order: 950 },
  ],
  routes: { staff: platformStaffRoutes, platform: platformRoutes, public: anchorRoutes },
  jobs: [
    // Every morning at 07:00 Bangkok time, one mail per person with all their work due soon.
    { name: 'platform.deadline-digest', schedule: '0 7 * * *', run: async (deps) => void (await sendDeadlineDigests(deps)) },
    // Every night at 01:00, and on demand after changes ({ moduleId }): every module's figures.
    { name: 'platform.statistics', schedule: '0 1 * * *', run: async (deps, data) => void (await computeStatistics(deps, typeof data.moduleId === 'string' ? { moduleId: data.moduleId } : undefined)) },
    // Five past midnight Bangkok time: every audit chain's head is anchored (and published).
    { name: 'platform.audit-anchor', schedule: '5 0 * * *', run: async (deps) => void (await anchorAuditChains(deps)) },
    // Rate-limit windows that have ended are forgotten (they hold only keyed hashes anyway).
    { name: 'platform.rate-sweep', schedule: '17 * * * *', run: async (deps) => void (await sweepRateCounters(deps.db)) },
    // With SMTP configured, the outbox is delivered every minute (without it, the outbox is the delivery).
    { name: 'platform.mail-delivery', schedule: '* * * * *', run: async (deps) => void (await deliverMail(deps)) },
  ],
  migrations: new URL('../db/migrations/', import.meta.url),
})

/** The platform's staff pages: the shell (dashboard, units, accounts, audit, settings), people, to-do, the evidence picker. */
function platformStaffRoutes() {
  const app = new Hono<StaffEnv>()
  app.route('/', staffRoutes())
  app.route('/', todoRoutes())
  app.route('/', evidenceRoutes())
  app.route('/', grantsRoutes())
  app.route('/', peopleRoutes())
  return app
}
