import type { AppModule } from '../../platform/http/module.js'
import { publicRoutes } from './complaints.routes.js'
import { complaintsStaffNav, complaintsStaffRoutes } from './complaints.admin.js'
import { loadComplaintsDemo } from './demo.js'
import { startMaintenance } from './maintenance.js'

export const complaintsModule: AppModule = {
  name: 'complaints',
  publicRoutes,
  staffRoutes: complaintsStaffRoutes,
  staffNav: complaintsStaffNav,
  loadDemo: loadComplaintsDemo,
  start: async (deps) => startMaintenance(deps),
}

export { publicStats, type FiscalYearStats } from './stats.js'
export { rotateDataKeys } from './keys.js'
