import type { FC } from 'hono/jsx'
import type { FormState } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, SelectField } from '../../../platform/ui/fields.js'
import { ct } from '../complaints.i18n.js'
import { INTAKE_CHANNELS } from '../complaints.forms.js'
import { ReceiptCode, ReportFields } from './report.js'
import { adminBase, StaffPage } from './staff.js'
import { digits } from './shared.js'

/** Staff intake: a report received on paper, by phone, in person or by e-mail. */
export const IntakePage: FC<FormState & { ctx: StaffPageCtx }> = ({ ctx, values, errors }) => {
  const L = ctx.lang
  return (
    <StaffPage ctx={ctx} title={ct(L, 'admin.intake')} back>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${adminBase(ctx)}/new`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField name="channel" label={ct(L, 'f.channel')} values={values} errors={errors} required placeholder="" options={INTAKE_CHANNELS.map((x) => ({ value: x, label: ct(L, `channel.${x}`) }))} />
        <DateField name="receivedOn" ctx={ctx} label={ct(L, 'f.receivedOn')} values={values} errors={errors} />
        <ReportFields ctx={ctx} values={values} errors={errors} />
        <button type="submit">{ct(L, 'case.save')}</button>
      </form>
    </StaffPage>
  )
}

/** The intake's receipt: the code to pass on to the reporter, and the new case. */
export const IntakeDonePage: FC<{ ctx: StaffPageCtx; code: string; qr: string; caseId: string; caseNo: number }> = ({ ctx, code, qr, caseId, caseNo }) => {
  const L = ctx.lang
  return (
    <StaffPage ctx={ctx} title={ct(L, 'admin.intake')} back>
      <p role="status">{ct(L, 'admin.intake.done', { code: '' })}</p>
      <ReceiptCode ctx={ctx} code={code} qr={qr} />
      <p>
        <a href={`${adminBase(ctx)}/${caseId}`}>
          {ct(L, 'case.no')} {digits(ctx, String(caseNo))}
        </a>
      </p>
    </StaffPage>
  )
}
