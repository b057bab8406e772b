import { orgOf, type OrgAreaContext } from '../../platform/http/context.js'
import type { PageCtx } from '../../platform/ui/page-context.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { at } from './assessment.i18n.js'

/** The staff ITA area of an agency (scores, plans; measures live under it too). */
export const itaBase = (c: OrgAreaContext | PageCtx): string => `/o/${'req' in c ? orgOf(c).slug : c.org!.slug}/admin/ita`

export const statusLabel = (lang: Lang, s: string | null): string => at(lang, s === 'done' || s === 'in_progress' || s === 'not_started' ? `status.${s}` : 'status.none')
