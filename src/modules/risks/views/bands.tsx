import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, ErrorSummary, TextField } from '../../../platform/ui/fields.js'
import { risksT } from '../risks.i18n.js'
import type { YearBands } from '../rules.js'
import { bandsSource, bandsText } from './parts.js'

/** The agency's own level bands of a year (upper limits of low, medium, high), or back to the default. */
export const BandsForm = (p: { ctx: StaffPageCtx; base: string; year: number; current: YearBands } & FormState) => {
  const L = p.ctx.lang
  const title = risksT(L, 'bands.title', { year: p.year })
  const y = `${p.base}/year/${p.year}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: risksT(L, 'list.title'), href: p.base }, { label: risksT(L, 'year.title', { year: p.year }), href: y }, { label: title, href: `${y}/bands` }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{risksT(L, 'bands.intro')}</p>
      <p>
        {risksT(L, 'bands.current', { bands: bandsText(L, p.current) })} · {bandsSource(L, p.current)}
      </p>
      <form method="post" action={`${y}/bands`} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="lowMax" label={risksT(L, 'bands.lowMax')} values={p.values} errors={p.errors} inputmode="numeric" required />
        <TextField name="mediumMax" label={risksT(L, 'bands.mediumMax')} values={p.values} errors={p.errors} inputmode="numeric" required />
        <TextField name="highMax" label={risksT(L, 'bands.highMax')} values={p.values} errors={p.errors} inputmode="numeric" required />
        {p.current.custom && <CheckboxField name="reset" label={risksT(L, 'bands.reset')} values={p.values} />}
        <div class="actions">
          <button type="submit">{risksT(L, 'form.save')}</button>
          <a href={y}>{risksT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
