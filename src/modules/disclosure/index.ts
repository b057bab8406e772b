import type { AppModule } from '../../platform/http/module.js'
import { disclosurePublicRoutes, disclosureStaffNav, disclosureStaffRoutes } from './disclosure.routes.js'
import { startLinkMonitor } from './link-monitor.js'

export const disclosureModule: AppModule = {
  name: 'disclosure',
  publicRoutes: disclosurePublicRoutes,
  staffRoutes: disclosureStaffRoutes,
  staffNav: disclosureStaffNav,
  start: startLinkMonitor,
}

export { oitMap, runLinkCheck, type OitMap } from './disclosure.service.js'
export { safeFetch, isPrivateAddress } from './ssrf.js'
export { loadOitFramework } from './framework.js'
