import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import type { EvidenceUse } from '../../../platform/evidence/evidence.service.js'
import { EvidenceUsesList } from '../../../platform/evidence/views/evidence.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { risksT } from '../risks.i18n.js'
import type { YearRisk } from '../risks.service.js'
import type { Target } from '../targets.js'
import type { YearBands } from '../rules.js'
import { HeatMap, type HeatPoint } from './heatmap.js'
import { code, Inherent, Residual, StatusBadge } from './parts.js'

export type YearProps = { ctx: StaffPageCtx; base: string; year: number; rows: YearRisk[]; bands: YearBands; targets: Target[]; uses: EvidenceUse[]; copy?: FormState | undefined; link?: FormState | undefined }

export const inherentPoints = (rows: YearRisk[]): HeatPoint[] => rows.map((r) => ({ code: code(r), likelihood: r.likelihood, impact: r.impact }))
export const residualPoints = (rows: YearRisk[]): HeatPoint[] => rows.flatMap((r) => (r.residualLikelihood != null && r.residualImpact != null ? [{ code: code(r), likelihood: r.residualLikelihood, impact: r.residualImpact }] : []))

/** The register of one fiscal year: the heat maps, the table, the documents, copying to a new year and linking it as evidence. */
export const YearPage = ({ ctx, base, year, rows, bands, targets, uses, copy, link }: YearProps) => {
  const L = ctx.lang
  const title = risksT(L, 'year.title', { year })
  const live = rows.filter((r) => r.status !== 'withdrawn')
  const published = rows.filter((r) => r.status === 'published')
  const edit = ctx.can('risks.edit')
  const y = `${base}/year/${year}`
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: risksT(L, 'list.title'), href: base }, { label: title, href: y }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={copy?.errors ?? link?.errors} />
      <p role="status">
        {risksT(L, 'year.summary', { count: rows.length, published: published.length, r6: rows.filter((r) => r.monitoring.some((m) => m.round === 6)).length, r12: rows.filter((r) => r.monitoring.some((m) => m.round === 12)).length })}
      </p>
      <p class="actions">
        {edit && (
          <a class="button" href={`${base}/new?fy=${year}`}>
            {risksT(L, 'list.add')}
          </a>
        )}
        <a href={`${base}?fy=${year}`}>{risksT(L, 'list.title')}</a>
        {published.length > 0 && <a href={`/o/${ctx.org.slug}/risks/${year}`}>{risksT(L, 'year.public')}</a>}
      </p>

      <section aria-labelledby="heat">
        <h2 id="heat">{risksT(L, 'heat.title')}</h2>
        {edit && (
          <p>
            <a href={`${y}/bands`}>{risksT(L, 'bands.edit')}</a>
          </p>
        )}
        <h3>{risksT(L, 'heat.inherent')}</h3>
        <HeatMap ctx={ctx} id="heat-inherent" which={risksT(L, 'heat.inherent')} points={inherentPoints(live)} bands={bands} />
        <h3>{risksT(L, 'heat.residual')}</h3>
        <HeatMap ctx={ctx} id="heat-residual" which={risksT(L, 'heat.residual')} points={residualPoints(live)} bands={bands} />
      </section>

      <section aria-labelledby="register">
        <h2 id="register">{risksT(L, 'list.title')}</h2>
        {rows.length === 0 ? (
          <p>{risksT(L, 'list.empty')}</p>
        ) : (
          <TableWrap label={title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{risksT(L, 'field.event')}</th>
                  <th scope="col">{risksT(L, 'risk.inherent')}</th>
                  <th scope="col">{risksT(L, 'risk.controls')}</th>
                  <th scope="col">{risksT(L, 'risk.residual')}</th>
                  <th scope="col">{risksT(L, 'round.6')}</th>
                  <th scope="col">{risksT(L, 'round.12')}</th>
                  <th scope="col">{risksT(L, 'field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`${base}/${r.id}`}>
                        {code(r)} {r.event}
                      </a>
                      <br />
                      <span class="muted">
                        {risksT(L, `area.${r.area}`)} · {r.unitName ?? ''}
                      </span>
                    </td>
                    <td>
                      <Inherent ctx={ctx} r={r} bands={bands.bands} />
                    </td>
                    <td>{r.controls.length ? r.controls.map((c) => c.measureTitle).join(' · ') : <span class="muted">{risksT(L, 'risk.noControls')}</span>}</td>
                    <td>
                      <Residual ctx={ctx} r={r} bands={bands.bands} />
                    </td>
                    {([6, 12] as const).map((round) => {
                      const m = r.monitoring.find((x) => x.round === round)
                      return <td>{m ? risksT(L, `monitor.${m.status}`) : <span class="muted">{risksT(L, 'monitor.none')}</span>}</td>
                    })}
                    <td>
                      <StatusBadge ctx={ctx} status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents">{risksT(L, 'year.documents')}</h2>
        <ul class="item-list">
          <li>
            <a href={`${y}/assessment.docx`}>{risksT(L, 'year.assessmentDocx')}</a> · <a href={`${y}/assessment.pdf`}>{risksT(L, 'year.assessmentPdf')}</a>
          </li>
          <li>
            <a href={`${y}/monitoring.docx`}>{risksT(L, 'year.monitoringDocx')}</a> · <a href={`${y}/monitoring.pdf`}>{risksT(L, 'year.monitoringPdf')}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="evidence">
        <h2 id="evidence">{risksT(L, 'year.link')}</h2>
        <p>{risksT(L, 'year.linkIntro')}</p>
        {uses.length > 0 && (
          <>
            <p>{risksT(L, 'year.uses')}</p>
            <EvidenceUsesList ctx={ctx} uses={uses} />
          </>
        )}
        {edit &&
          (targets.length === 0 ? (
            <p class="muted">{risksT(L, 'year.noTargets')}</p>
          ) : (
            <form method="post" action={`${y}/link`} novalidate>
              <CsrfField ctx={ctx} />
              <SelectField name="kind" label={risksT(L, 'field.kind')} values={link?.values} errors={link?.errors} options={(['register', 'monitoring'] as const).map((k) => ({ value: k, label: risksT(L, `kind.${k}`) }))} />
              <SelectField name="target" label={risksT(L, 'field.target.link')} values={link?.values} errors={link?.errors} placeholder="-" options={targets} />
              <button type="submit">{risksT(L, 'year.linkSubmit')}</button>
            </form>
          ))}
      </section>

      {edit && rows.length > 0 && (
        <section aria-labelledby="copy">
          <h2 id="copy">{risksT(L, 'year.copy')}</h2>
          <p>{risksT(L, 'year.copyIntro')}</p>
          <form method="post" action={`${y}/copy`} novalidate>
            <CsrfField ctx={ctx} />
            <TextField name="to" label={risksT(L, 'field.to')} values={copy?.values ?? { to: String(year + 1) }} errors={copy?.errors} inputmode="numeric" required />
            <button type="submit">{risksT(L, 'year.copySubmit')}</button>
          </form>
        </section>
      )}
    </StaffLayout>
  )
}
