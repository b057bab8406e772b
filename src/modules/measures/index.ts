import type { AppModule } from '../../platform/http/module.js'
import { measuresStaffRoutes } from './measures.routes.js'
import { measuresPublicRoutes } from './public.routes.js'
import { loadMeasuresDemo } from './demo.js'

/** Measures, activities, evidence, approval and the published ITA documents. */
export const measuresModule: AppModule = {
  name: 'measures',
  staffRoutes: measuresStaffRoutes,
  publicRoutes: measuresPublicRoutes,
  loadDemo: loadMeasuresDemo,
}

export { loadReportData, type ReportData } from './report.js'
export { progressOf, remapOitCodes } from './measures.service.js'
