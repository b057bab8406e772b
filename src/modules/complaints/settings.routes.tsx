import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { orgBase } from '../../platform/ui/menu.js'
import { render } from '../../platform/ui/render.js'
import { ct } from './complaints.i18n.js'
import { CATEGORIES } from './complaints.schema.js'
import { settingsLabels, settingsSchema } from './complaints.forms.js'
import { getSettings, updateSettings, type ComplaintSettings } from './settings.js'
import { SettingsPage, settingsValues } from './views/settings.js'

const settingsForm = (c: StaffContext) => (s: FormState) => <SettingsPage ctx={pageCtx(c)} {...s} />

/** SLA days per category and the retention period. */
export function settingsRoutes() {
  const app = new Hono<StaffEnv>()
  const guard = requirePermission('complaint.settings')

  app.get('/complaints/settings', guard, async (c) => render(c, settingsForm(c)({ values: settingsValues(await getSettings(ctxOf(c))) })))
  app.post('/complaints/settings', guard, (c) =>
    formAction(c, {
      schema: settingsSchema,
      labels: settingsLabels(c.get('lang')),
      view: settingsForm(c),
      submit: async (data) => {
        const d = data as Record<string, number>
        const sla = Object.fromEntries(CATEGORIES.map((k) => [k, { ack: d[`ack_${k}`]!, close: d[`close_${k}`]! }])) as ComplaintSettings['sla']
        await updateSettings(ctxOf(c), { sla, retentionYears: d.retentionYears! })
        flash(c, ct(c.get('lang'), 'settings.saved'))
        return c.redirect(`${orgBase(c.get('org').slug)}/admin/complaints/settings`, 303)
      },
    }),
  )
  return app
}
