import type { NavItem } from '../../platform/ui/layout.js'
import type { PageCtx } from '../../platform/ui/page-context.js'
import { modules } from '../index.js'

/** The whole staff menu (every module's items), read at request time from the module list. */
export function allStaffNav(ctx: PageCtx): NavItem[] {
  return modules.flatMap((m) => m.staffNav?.(ctx) ?? [])
}
