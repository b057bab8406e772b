import type { FC } from 'hono/jsx'
import type { FormState, FormValues } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextField } from '../../../platform/ui/fields.js'
import { ct } from '../complaints.i18n.js'
import { CATEGORIES } from '../complaints.schema.js'
import type { ComplaintSettings } from '../settings.js'
import { adminBase, StaffPage } from './staff.js'

/** The stored settings as form values. */
export const settingsValues = (s: ComplaintSettings): FormValues =>
  Object.fromEntries([...CATEGORIES.flatMap((k) => [[`ack_${k}`, String(s.sla[k].ack)], [`close_${k}`, String(s.sla[k].close)]]), ['retentionYears', String(s.retentionYears)]])

/** SLA days per category and the retention period. */
export const SettingsPage: FC<FormState & { ctx: StaffPageCtx }> = ({ ctx, values, errors }) => {
  const L = ctx.lang
  return (
    <StaffPage ctx={ctx} title={ct(L, 'settings.title')} back>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${adminBase(ctx)}/settings`} novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{ct(L, 'settings.sla')}</legend>
          {CATEGORIES.map((k) => (
            <>
              <TextField name={`ack_${k}`} type="number" inputmode="numeric" label={ct(L, 'settings.ack', { cat: ct(L, `cat.${k}`) })} values={values} errors={errors} />
              <TextField name={`close_${k}`} type="number" inputmode="numeric" label={ct(L, 'settings.close', { cat: ct(L, `cat.${k}`) })} values={values} errors={errors} />
            </>
          ))}
        </fieldset>
        <TextField name="retentionYears" type="number" inputmode="numeric" label={ct(L, 'settings.retention')} values={values} errors={errors} />
        <button type="submit">{ct(L, 'case.save')}</button>
      </form>
    </StaffPage>
  )
}
