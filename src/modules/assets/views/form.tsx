import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { assetsT } from '../assets.i18n.js'
import { ASSET_STATUSES } from '../assets.schema.js'
import type { AssetChoices } from '../assets.service.js'
import { ASSET_CATEGORIES } from '../rules.js'

/** Create or edit one asset; the same view shows the form again with errors and values (422/409). */
export const AssetForm = (p: { ctx: StaffPageCtx; base: string; action: string; title: string; choices: AssetChoices } & FormState) => {
  const L = p.ctx.lang
  const none = assetsT(L, 'field.none')
  const v = { values: p.values, errors: p.errors }
  return (
    <StaffLayout ctx={p.ctx} title={p.title} trail={[{ label: assetsT(L, 'list.title'), href: p.base }, { label: p.title, href: p.action }]}>
      <h1>{p.title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="assetNo" label={assetsT(L, 'field.assetNo')} hint={assetsT(L, 'field.assetNoHint')} {...v} required />
        <SelectField name="category" label={assetsT(L, 'field.category')} {...v} options={ASSET_CATEGORIES.map((c) => ({ value: c, label: assetsT(L, `category.${c}`) }))} />
        <TextField name="name" label={assetsT(L, 'field.name')} {...v} required />
        <TextField name="brandModel" label={assetsT(L, 'field.brandModel')} {...v} />
        <TextField name="serial" label={assetsT(L, 'field.serial')} {...v} />
        <DateField name="acquiredOn" label={assetsT(L, 'field.acquiredOn')} {...v} ctx={p.ctx} />
        <TextField name="price" label={assetsT(L, 'field.price')} hint={assetsT(L, 'field.priceHint')} {...v} inputmode="decimal" />
        <TextField name="budgetSource" label={assetsT(L, 'field.budgetSource')} hint={assetsT(L, 'field.budgetSourceHint')} {...v} />
        <SelectField name="custodianUnitId" label={assetsT(L, 'field.custodianUnitId')} {...v} placeholder={none} options={p.choices.units.map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField name="custodianPersonId" label={assetsT(L, 'field.custodianPersonId')} {...v} placeholder={none} options={p.choices.people.map((u) => ({ value: u.id, label: u.name }))} />
        <TextField name="location" label={assetsT(L, 'field.location')} {...v} />
        <TextArea name="condition" label={assetsT(L, 'field.condition')} {...v} rows={3} />
        <SelectField name="status" label={assetsT(L, 'field.status')} {...v} options={ASSET_STATUSES.map((s) => ({ value: s, label: assetsT(L, `status.${s}`) }))} />
        <CheckboxField name="lendStaff" label={assetsT(L, 'field.lendStaff')} {...v} />
        <CheckboxField name="lendPublic" label={assetsT(L, 'field.lendPublic')} {...v} />
        <div class="actions">
          <button type="submit">{assetsT(L, 'form.save')}</button>
          <a href={p.base}>{assetsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
