import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, Pager, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { coiT } from '../coi.i18n.js'
import { DECLARATION_KINDS, DECLARATION_STATUSES } from '../coi.schema.js'
import type { RegisterFilter, RegisterPage } from '../declarations.js'
import type { MatterView } from '../checks.js'
import { day, StatusBadge } from './shared.js'

type Unit = { id: string; nameTh: string }

/** The register the executive sees: a fiscal year's declarations, who has not declared, the matters found. */
export const RegisterView = (p: { ctx: StaffPageCtx; base: string; filter: RegisterFilter; data: RegisterPage; units: Unit[]; years: number[]; matters: MatterView[] } & FormState) => {
  const { ctx, filter, data } = p
  const L = ctx.lang
  const fy = filter.fiscalYear
  const { href: qs, values } = listFilter(p.base, { fy: String(fy), q: filter.q ?? '', unit: filter.unitId ?? '', status: filter.status ?? '', kind: filter.kind ?? '' })
  const manage = ctx.can('coi.manage')
  return (
    <StaffLayout ctx={ctx} title={coiT(L, 'register.title', { year: fy })}>
      <h1>{coiT(L, 'register.title', { year: fy })}</h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="muted">{coiT(L, 'register.privacy')}</p>
      <ul class="actions">
        {manage && (
          <>
            <li>
              <a href={`${p.base}/check`}>{coiT(L, 'check.title')}</a>
            </li>
            <li>
              <a href={`${p.base}/links`}>{coiT(L, 'register.links')}</a>
            </li>
          </>
        )}
        <li>
          <a href={`${p.base}/report/${fy}/report.docx`}>{coiT(L, 'report.docx', { year: fy })}</a>
        </li>
        <li>
          <a href={`${p.base}/report/${fy}/report.pdf`}>{coiT(L, 'report.pdf', { year: fy })}</a>
        </li>
        <li>
          <a href={`${p.base}/report/${fy}/report.xlsx`}>{coiT(L, 'report.xlsx', { year: fy })}</a>
        </li>
      </ul>
      <form method="get" action={p.base} class="search-form" role="search">
        <SelectField name="fy" label={coiT(L, 'list.fiscalYear')} values={values} options={p.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <TextField name="q" type="search" label={coiT(L, 'list.search')} values={values} />
        <SelectField name="unit" label={coiT(L, 'list.unit')} values={values} placeholder={coiT(L, 'list.allUnits')} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <SelectField name="status" label={coiT(L, 'field.status')} values={values} placeholder={coiT(L, 'list.allStatuses')} options={DECLARATION_STATUSES.map((s) => ({ value: s, label: coiT(L, `status.${s}`) }))} />
        <SelectField name="kind" label={coiT(L, 'field.kind')} values={values} placeholder={coiT(L, 'list.allKinds')} options={DECLARATION_KINDS.map((s) => ({ value: s, label: coiT(L, `kind.${s}`) }))} />
        <button type="submit" class="secondary">
          {coiT(L, 'list.filter')}
        </button>
      </form>
      <p class="muted" role="status">
        {coiT(L, 'list.count', { count: data.total })}
      </p>
      {data.total > 0 && (
        <>
          <TableWrap label={coiT(L, 'register.title', { year: fy })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{coiT(L, 'field.person')}</th>
                  <th scope="col">{coiT(L, 'field.kind')}</th>
                  <th scope="col">{coiT(L, 'field.declaredOn')}</th>
                  <th scope="col">{coiT(L, 'register.interests')}</th>
                  <th scope="col">{coiT(L, 'field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`${p.base}/d/${r.id}`}>{r.personName}</a>
                      {r.position && <span class="muted"> {r.position}</span>}
                    </td>
                    <td>
                      {coiT(L, `kind.${r.kind}`)}
                      {r.project && <span class="muted"> {r.project}</span>}
                    </td>
                    <td>{day(ctx, r.declaredOn)}</td>
                    <td>{r.interests > 0 ? coiT(L, 'register.interestCount', { count: r.interests }) : coiT(L, 'register.noInterest')}</td>
                    <td>
                      <StatusBadge ctx={ctx} status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager ctx={ctx} page={data.page} hasNext={data.page < data.pages} href={qs} />
        </>
      )}
      <section aria-labelledby="missing">
        <h2 id="missing">{coiT(L, 'register.missing', { count: data.missing.length, total: data.people })}</h2>
        {data.dueOn && <p>{coiT(L, 'register.dueOn', { date: day(ctx, data.dueOn) })}</p>}
        {data.missing.length === 0 ? (
          <p>{coiT(L, 'register.allDeclared')}</p>
        ) : (
          <ul>
            {data.missing.map((m) => (
              <li>
                {m.fullName}
                {m.position && <span class="muted"> {m.position}</span>}
                {manage && (
                  <>
                    {' '}
                    <a href={`${p.base}/people/${m.id}/declare`}>
                      {coiT(L, 'register.recordPaper')}
                      <span class="visually-hidden"> {m.fullName}</span>
                    </a>{' '}
                    <a href={`${p.base}/links?person=${m.id}&kind=annual`}>
                      {coiT(L, 'register.issueLink')}
                      <span class="visually-hidden"> {m.fullName}</span>
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {manage && (
          <form method="post" action={`${p.base}/round/${fy}`} novalidate>
            <CsrfField ctx={ctx} />
            <DateField name="dueOn" label={coiT(L, 'round.dueOn')} hint={coiT(L, 'round.hint')} values={p.values} errors={p.errors} lang={L} />
            <button type="submit" class="secondary">
              {coiT(L, 'round.submit')}
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="matters">
        <h2 id="matters">{coiT(L, 'matters.title')}</h2>
        {p.matters.length === 0 ? (
          <p>{coiT(L, 'report.noMatters')}</p>
        ) : (
          <ul>
            {p.matters.map((m) => (
              <li>
                <a href={`${p.base}/matters/${m.id}`}>
                  {m.project}: {m.personName} — {m.partyName}
                </a>{' '}
                <span class={`badge ${m.status === 'resolved' ? 'ok' : 'warn'}`}>{m.status === 'resolved' && m.resolution ? coiT(L, `resolution.${m.resolution}`) : coiT(L, 'matter.open')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </StaffLayout>
  )
}
