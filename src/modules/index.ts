import type { AppModule } from '../platform/http/module.js'
import { portalModule } from './portal/index.js'

/** The capability modules mounted by the app, in menu order. */
export const modules: AppModule[] = [portalModule]
