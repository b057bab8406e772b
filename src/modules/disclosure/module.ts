import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { disclosurePermissions } from './permissions.js'
import { disclosurePublicRoutes } from './public.routes.js'
import { disclosureStaffRoutes } from './staff.routes.js'
import { startLinkMonitor } from './link-monitor.js'
import { dt } from './disclosure.i18n.js'

/** The OIT disclosure map: every item of the year's framework with the agency's evidence. */
export const disclosureModule = defineModule({
  id: 'disclosure',
  label: { th: 'การเปิดเผยข้อมูลสาธารณะ (OIT)', en: 'Public disclosure (OIT)' },
  permissions: disclosurePermissions,
  staffNav: [{ id: 'oit', path: '/oit', label: localized(dt, 'admin.nav'), permission: 'oit.read', order: 200 }],
  publicMenu: [{ id: 'oit', path: '/oit', label: localized(dt, 'menu.oit'), order: 60 }],
  routes: { public: disclosurePublicRoutes, staff: disclosureStaffRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  start: startLinkMonitor,
})
