import type { AppModule } from '../platform/http/module.js'
import { portalModule } from './portal/index.js'
import { complaintsModule } from './complaints/index.js'
import { assessmentModule } from './assessment/index.js'
import { measuresModule } from './measures/index.js'
import { disclosureModule } from './disclosure/index.js'

/** The capability modules mounted by the app, in menu order. */
export const modules: AppModule[] = [portalModule, assessmentModule, measuresModule, disclosureModule, complaintsModule]
