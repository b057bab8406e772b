import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { complaintsPermissions } from './permissions.js'
import { publicRoutes, staffRoutes } from './routes.js'
import { loadComplaintsDemo } from './demo.js'
import { runMaintenance } from './maintenance.js'
import { ct } from './complaints.i18n.js'
import { complaintStatsEvidence } from './evidence-source.js'
import { complaintStatistics } from './statistics.js'

/** The anonymous complaint and whistleblowing channel (encrypted at rest, need-to-know access). */
export const complaintsModule = defineModule({
  id: 'complaints',
  label: { th: 'ช่องทางร้องเรียนและแจ้งเบาะแส', en: 'Complaints and whistleblowing' },
  roles: [
    {
      id: 'complaints_officer',
      label: { th: 'เจ้าหน้าที่รับเรื่องร้องเรียน', en: 'Complaints officer' },
      description: { th: 'อ่านและดำเนินการเรื่องร้องเรียนทุกเรื่องของหน่วยงาน', en: 'Reads and handles every complaint of the agency' },
      sensitive: true,
      grants: ['staff.dashboard', 'account.manage', 'unit.read'],
    },
  ],
  permissions: complaintsPermissions,
  staffNav: [{ id: 'complaints', path: '/complaints', label: localized(ct, 'admin.title'), permission: 'complaint.assigned', order: 400 }],
  publicMenu: [{ id: 'complaints', path: '/complaints/new', label: localized(ct, 'menu.complaints'), order: 70 }],
  routes: { public: publicRoutes, staff: staffRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadComplaintsDemo,
  // Overdue reminders and retention, once a day at 01:15 Bangkok time (the platform's job runner).
  // The year's public statistics answer the OIT statistics item (checked against the year's data).
  evidenceSources: [complaintStatsEvidence],
  // Figures per agency and fiscal year (by category, status, month; median handling days), one query each.
  statistics: complaintStatistics,
  jobs: [{ name: 'complaints.maintenance', schedule: '15 1 * * *', run: async (deps) => void (await runMaintenance(deps)) }],
})
