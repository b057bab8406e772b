import { Hono } from 'hono'
import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { StaffEnv } from '../../platform/http/context.js'
import { announcementsPermissions } from './permissions.js'
import { draftRoutes } from './staff.routes.js'
import { detailRoutes } from './detail.routes.js'
import { ackRoutes } from './ack.routes.js'
import { publicRoutes } from './public.routes.js'
import { loadAnnouncementsDemo } from './demo.js'
import { announcementsT } from './announcements.i18n.js'
import { announcementsEvidence, announcementsStatistics } from './contracts.js'

function staffRoutes() {
  const app = new Hono<StaffEnv>()
  app.route('/', draftRoutes())
  app.route('/', ackRoutes())
  app.route('/', detailRoutes())
  return app
}

/** ประกาศ / คำสั่ง / มาตรการ / นโยบาย: numbered on publication, public pages, staff acknowledgement (seed measures 1, 5, 6). */
export const announcementsModule = defineModule({
  id: 'announcements',
  label: localized(announcementsT, 'module.name'),
  permissions: announcementsPermissions,
  staffNav: [{ id: 'announcements', path: '/announcements', label: localized(announcementsT, 'nav.staff'), permission: 'announcements.read', order: 500 }],
  publicMenu: [{ id: 'announcements', path: '/announcements', label: localized(announcementsT, 'nav.public'), order: 80 }],
  routes: { staff: staffRoutes, public: publicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadAnnouncementsDemo,
  evidenceSources: [announcementsEvidence],
  statistics: announcementsStatistics,
})
