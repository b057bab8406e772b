import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField } from '../../../platform/ui/fields.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { risksT } from '../risks.i18n.js'
import type { RiskFull } from '../risks.service.js'
import type { MeasureOption } from '../controls.js'
import { ROUNDS } from '../rules.js'
import { code, Inherent, Residual, StatusBadge } from './parts.js'
import { HeatMap } from './heatmap.js'

export type DetailProps = { ctx: StaffPageCtx; base: string; full: RiskFull; measures: MeasureOption[]; control?: FormState | undefined }

/** One risk: its assessment, its place on the matrix, the measures that control it, and its monitoring rounds. */
export const RiskPage = ({ ctx, base, full, measures, control }: DetailProps) => {
  const L = ctx.lang
  const { risk: r, controls, monitoring, unitName } = full
  const title = `${code(r)} ${r.event}`
  const url = `${base}/${r.id}`
  const edit = ctx.can('risks.edit')
  const linked = new Set(controls.map((c) => c.measureId))
  const free = measures.filter((m) => !linked.has(m.id))
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: risksT(L, 'list.title'), href: base }, { label: risksT(L, 'year.title', { year: r.fiscalYear }), href: `${base}/year/${r.fiscalYear}` }, { label: code(r), href: url }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={control?.errors} />
      <p>
        <StatusBadge ctx={ctx} status={r.status} /> {risksT(L, `area.${r.area}`)} · {r.process} · {risksT(L, 'year.title', { year: r.fiscalYear })}
        {r.copiedFrom && <span class="muted"> · {risksT(L, 'risk.copiedFrom')}</span>}
      </p>
      {edit && (
        <p class="actions">
          <a class="button" href={`${url}/edit`}>
            {risksT(L, 'risk.edit')}
          </a>
          {!r.publishedAt && r.status === 'draft' && <a href={`${url}/delete`}>{risksT(L, 'risk.delete')}</a>}
        </p>
      )}
      <dl class="facts">
        <dt>{risksT(L, 'field.cause')}</dt>
        <dd>{r.cause || '-'}</dd>
        <dt>{risksT(L, 'risk.inherent')}</dt>
        <dd>
          <Inherent ctx={ctx} r={r} bands={full.bands.bands} />
        </dd>
        <dt>{risksT(L, 'field.existingControls')}</dt>
        <dd>{r.existingControls || '-'}</dd>
        <dt>{risksT(L, 'risk.residual')}</dt>
        <dd>
          <Residual ctx={ctx} r={r} bands={full.bands.bands} />
        </dd>
        <dt>{risksT(L, 'field.indicator')}</dt>
        <dd>{r.indicator || '-'}</dd>
        <dt>{risksT(L, 'field.target')}</dt>
        <dd>{r.target || '-'}</dd>
        <dt>{risksT(L, 'risk.owner')}</dt>
        <dd>{unitName ?? '-'}</dd>
        {r.reviewOn && (
          <>
            <dt>{risksT(L, 'field.reviewOn')}</dt>
            <dd>{formatThaiDate(r.reviewOn, { lang: L })}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="controls">
        <h2 id="controls">{risksT(L, 'risk.controls')}</h2>
        {controls.length === 0 ? (
          <p>{risksT(L, 'risk.noControls')}</p>
        ) : (
          <ul class="item-list controls">
            {controls.map((c) => (
              <li>
                {c.measureTitle}
                {edit && (
                  <form method="post" action={`${url}/controls/${c.measureId}/remove`} class="inline-form">
                    <CsrfField ctx={ctx} />{' '}
                    <button type="submit" class="secondary">
                      {risksT(L, 'risk.removeControl')}
                      <span class="visually-hidden"> {c.measureTitle}</span>
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {edit &&
          (measures.length === 0 ? (
            <p class="muted">{risksT(L, 'risk.noMeasures', { year: r.fiscalYear })}</p>
          ) : (
            free.length > 0 && (
              <form method="post" action={`${url}/controls`} novalidate>
                <CsrfField ctx={ctx} />
                <SelectField name="measureId" label={risksT(L, 'risk.addControl')} values={control?.values} errors={control?.errors} placeholder="-" options={free.map((m) => ({ value: m.id, label: `${m.order}. ${m.title}` }))} />
                <button type="submit">{risksT(L, 'risk.addControl')}</button>
              </form>
            )
          ))}
      </section>

      <section aria-labelledby="monitoring">
        <h2 id="monitoring">{risksT(L, 'risk.monitoring')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{risksT(L, 'field.round')}</th>
              <th scope="col">{risksT(L, 'field.monitorStatus')}</th>
              <th scope="col">{risksT(L, 'field.note')}</th>
              <th scope="col">{risksT(L, 'field.recordedOn')}</th>
              {edit && r.status !== 'withdrawn' && (
                <th scope="col">
                  <span class="visually-hidden">{risksT(L, 'risk.record')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {ROUNDS.map((round) => {
              const m = monitoring.find((x) => x.round === round)
              return (
                <tr data-round={round}>
                  <th scope="row">{risksT(L, `round.${round}`)}</th>
                  <td>{m ? risksT(L, `monitor.${m.status}`) : <span class="muted">{risksT(L, 'monitor.none')}</span>}</td>
                  <td>{m?.note ?? ''}</td>
                  <td>{m ? formatThaiDate(m.recordedOn, { lang: L, style: 'short' }) : ''}</td>
                  {edit && r.status !== 'withdrawn' && (
                    <td>
                      <a href={`${url}/monitoring/${round}`}>
                        {risksT(L, 'risk.record')}
                        <span class="visually-hidden"> {risksT(L, `round.${round}`)}</span>
                      </a>
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="heat">
        <h2 id="heat">{risksT(L, 'heat.title')}</h2>
        <HeatMap ctx={ctx} id="heat-inherent" which={risksT(L, 'heat.inherent')} points={[{ code: code(r), likelihood: r.likelihood, impact: r.impact }]} bands={full.bands} />
        {r.residualLikelihood != null && r.residualImpact != null && <HeatMap ctx={ctx} id="heat-residual" which={risksT(L, 'heat.residual')} points={[{ code: code(r), likelihood: r.residualLikelihood, impact: r.residualImpact }]} bands={full.bands} />}
      </section>
    </StaffLayout>
  )
}
