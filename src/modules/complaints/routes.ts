import { Hono } from 'hono'
import type { OrgEnv, StaffEnv } from '../../platform/http/context.js'
import { reportRoutes } from './report.routes.js'
import { trackRoutes } from './track.routes.js'
import { intakeRoutes } from './intake.routes.js'
import { settingsRoutes } from './settings.routes.js'
import { caseRoutes } from './cases.routes.js'
import { caseActionRoutes } from './case-actions.routes.js'

/** The public pages: report form and receipt, tracking with the code, statistics. */
export function publicRoutes() {
  return new Hono<OrgEnv>().route('/', reportRoutes()).route('/', trackRoutes())
}

/** The staff pages. Intake and settings come first: their paths would otherwise match /complaints/:id. */
export function staffRoutes() {
  return new Hono<StaffEnv>().route('/', intakeRoutes()).route('/', settingsRoutes()).route('/', caseRoutes()).route('/', caseActionRoutes())
}
