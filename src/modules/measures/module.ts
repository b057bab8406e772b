import { defineModule } from '../../platform/module/manifest.js'
import { measuresPermissions } from './permissions.js'
import { measuresStaffRoutes } from './measures.routes.js'
import { measuresPublicRoutes } from './public.routes.js'
import { loadMeasuresDemo } from './demo.js'
import { activityEvidenceTarget } from './evidence-targets.js'
import { measuresReportEvidence } from './report-source.js'

/** Measures, activities, evidence, approval and the published ITA documents. */
export const measuresModule = defineModule({
  id: 'measures',
  label: { th: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส', en: 'Integrity measures' },
  permissions: measuresPermissions,
  routes: { staff: measuresStaffRoutes, public: measuresPublicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadMeasuresDemo,
  evidenceTargets: [activityEvidenceTarget],
  // The year's public report answers the OIT report item when it has approved measures at work.
  evidenceSources: [measuresReportEvidence],
})
