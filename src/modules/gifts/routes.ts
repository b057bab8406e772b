import { Hono } from 'hono'
import type { StaffEnv } from '../../platform/http/context.js'
import { registerRoutes } from './register.routes.js'
import { returnsRoutes } from './returns.routes.js'
import { reportsRoutes } from './reports.routes.js'
import { publicRoutes } from './public.routes.js'

/** The staff pages. Returns and reports first: their paths would otherwise be read as /gifts/:id/…. */
export function giftsStaffRoutes() {
  return new Hono<StaffEnv>().route('/', returnsRoutes()).route('/', reportsRoutes()).route('/', registerRoutes())
}

export function giftsPublicRoutes() {
  return publicRoutes()
}
