import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { disclosurePermissions } from './permissions.js'
import { disclosurePublicRoutes } from './public.routes.js'
import { disclosureStaffRoutes } from './staff.routes.js'
import { checkAllAgencies } from './link-monitor.js'
import { dt } from './disclosure.i18n.js'
import { oitItemEvidenceTarget } from './evidence-target.js'

/** The OIT disclosure map: every item of the year's framework with the agency's evidence. */
export const disclosureModule = defineModule({
  id: 'disclosure',
  label: { th: 'การเปิดเผยข้อมูลสาธารณะ (OIT)', en: 'Public disclosure (OIT)' },
  permissions: disclosurePermissions,
  staffNav: [{ id: 'oit', path: '/oit', label: localized(dt, 'admin.nav'), permission: 'oit.read', order: 200 }],
  publicMenu: [{ id: 'oit', path: '/oit', label: localized(dt, 'menu.oit'), order: 60 }],
  routes: { public: disclosurePublicRoutes, staff: disclosureStaffRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  // Every night at 02:30 Bangkok time: every agency's OIT links (broken-link digest to its admins).
  // An OIT item of a year takes evidence linked from any module (platform picker).
  evidenceTargets: [oitItemEvidenceTarget],
  jobs: [{ name: 'disclosure.link-check', schedule: '30 2 * * *', run: async (deps) => void (await checkAllAgencies(deps)) }],
})
