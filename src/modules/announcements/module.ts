import { Hono } from 'hono'
import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { StaffEnv } from '../../platform/http/context.js'
import { announcementsPermissions } from './permissions.js'
import { draftRoutes } from './staff.routes.js'
import { detailRoutes } from './detail.routes.js'
import { ackRoutes } from './ack.routes.js'
import { sheetRoutes } from './sheet.routes.js'
import { manualStaffRoutes } from './manuals.routes.js'
import { manualsT } from './manuals.i18n.js'
import { publicRoutes } from './public.routes.js'
import { loadAnnouncementsDemo } from './demo.js'
import { announcementsT } from './announcements.i18n.js'
import { announcementsEvidence, announcementsStatistics, manualsEvidence } from './contracts.js'

function staffRoutes() {
  const app = new Hono<StaffEnv>()
  app.route('/', draftRoutes())
  app.route('/', ackRoutes())
  app.route('/', sheetRoutes())
  app.route('/', manualStaffRoutes())
  app.route('/', detailRoutes())
  return app
}

/** ประกาศ / คำสั่ง / มาตรการ / นโยบาย (numbered on publication, public pages, staff acknowledgement; seed measures 1, 5, 6) and the units' manuals. */
export const announcementsModule = defineModule({
  id: 'announcements',
  label: localized(announcementsT, 'module.name'),
  permissions: announcementsPermissions,
  staffNav: [
    { id: 'announcements', path: '/announcements', label: localized(announcementsT, 'nav.staff'), permission: 'announcements.read', order: 500 },
    { id: 'manuals', path: '/manuals', label: localized(manualsT, 'nav.staff'), permission: 'manuals.read', order: 505 },
  ],
  publicMenu: [
    { id: 'announcements', path: '/announcements', label: localized(announcementsT, 'nav.public'), order: 80 },
    { id: 'manuals', path: '/manuals', label: localized(manualsT, 'nav.public'), order: 81 },
  ],
  routes: { staff: staffRoutes, public: publicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadAnnouncementsDemo,
  evidenceSources: [announcementsEvidence, manualsEvidence],
  statistics: announcementsStatistics,
})
