import { buildRegistry } from '../platform/module/registry.js'
import { platformManifest } from '../platform/platform.manifest.js'
import { assessmentModule } from '../modules/assessment/module.js'
import { measuresModule } from '../modules/measures/module.js'
import { reportsModule } from '../modules/reports/module.js'
import { portalModule } from '../modules/portal/module.js'
import { disclosureModule } from '../modules/disclosure/module.js'
import { complaintsModule } from '../modules/complaints/module.js'
import { giftsModule } from '../modules/gifts/module.js'
import { announcementsModule } from '../modules/announcements/module.js'
import { coiModule } from '../modules/coi/module.js'
import { meetingsModule } from '../modules/meetings/module.js'
import { trainingsModule } from '../modules/trainings/module.js'
import { surveysModule } from '../modules/surveys/module.js'
import { selfAssessmentModule } from '../modules/self-assessment/module.js'
import { risksModule } from '../modules/risks/module.js'
import { assetsModule } from '../modules/assets/module.js'
// new:module adds its import above this line

// The composition root's list of modules: the only place that knows them all. The order is the
// order their migrations and demo data are applied in (a module after the ones it reads from);
// menus are ordered by each item's own `order`.
export const manifests = [
  platformManifest,
  assessmentModule,
  measuresModule,
  reportsModule,
  portalModule,
  disclosureModule,
  complaintsModule,
  giftsModule,
  announcementsModule,
  coiModule,
  meetingsModule,
  trainingsModule,
  surveysModule,
  selfAssessmentModule,
  risksModule,
  assetsModule,
  // new:module adds its manifest above this line
]

export const registry = buildRegistry(manifests)
