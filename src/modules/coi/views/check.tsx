import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxGroup, DateField, ErrorSummary, TableWrap, TextArea, TextField } from '../../../platform/ui/fields.js'
import { coiT } from '../coi.i18n.js'
import type { CheckResult } from '../checks.js'

/** Check a purchase's parties against its committee (until the procurement module does it itself). */
export const CheckPage = (p: { ctx: StaffPageCtx; base: string; people: { id: string; fullName: string; position: string | null }[]; result?: CheckResult | undefined } & FormState) => {
  const { ctx } = p
  const L = ctx.lang
  const title = coiT(L, 'check.title')
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: coiT(L, 'nav.staff'), href: p.base }, { label: title, href: `${p.base}/check` }]}>
      <h1>{title}</h1>
      <p>{coiT(L, 'check.intro')}</p>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      {p.result && (
        <section aria-labelledby="result" class="card">
          <h2 id="result">{coiT(L, p.result.matches.length ? 'check.found' : 'check.none', { count: p.result.matches.length })}</h2>
          {p.result.recorded > 0 && <p class="notice">{coiT(L, 'check.recorded', { count: p.result.recorded })}</p>}
          {p.result.matches.length > 0 && (
            <TableWrap label={coiT(L, 'check.found', { count: p.result.matches.length })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{coiT(L, 'field.party')}</th>
                    <th scope="col">{coiT(L, 'field.person')}</th>
                    <th scope="col">{coiT(L, 'check.interest')}</th>
                    <th scope="col">{coiT(L, 'check.by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.result.matches.map((m) => (
                    <tr>
                      <td>
                        {m.party.name}
                        {m.party.juristicId && <span class="muted"> {m.party.juristicId}</span>}
                      </td>
                      <td>{m.personName}</td>
                      <td>
                        {coiT(L, `interest.${m.interest.kind}`)} ({coiT(L, `relation.${m.interest.relation}`)}) {[m.interest.holderName, m.interest.partyName, m.interest.detail].filter(Boolean).join(' · ')}
                      </td>
                      <td>{coiT(L, `match.by.${m.by}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <ul>
            {p.result.members
              .filter((m) => !m.declared)
              .map((m) => (
                <li class="badge warn">{coiT(L, 'check.notDeclared', { name: m.fullName })}</li>
              ))}
          </ul>
        </section>
      )}
      <form method="post" action={`${p.base}/check`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="project" label={coiT(L, 'field.project')} hint={coiT(L, 'field.projectHint')} values={p.values} errors={p.errors} required />
        <DateField name="on" label={coiT(L, 'check.on')} hint={coiT(L, 'field.dateHint')} values={p.values} errors={p.errors} lang={L} required />
        <CheckboxGroup name="personIds" label={coiT(L, 'check.members')} values={p.values} errors={p.errors} options={p.people.map((x) => ({ value: x.id, label: x.position ? `${x.fullName} (${x.position})` : x.fullName }))} />
        <TextArea name="parties" label={coiT(L, 'check.parties')} hint={coiT(L, 'check.partiesHint')} values={p.values} errors={p.errors} rows={5} />
        <div class="actions">
          <button type="submit" name="record" value="0">
            {coiT(L, 'check.submit')}
          </button>
          <button type="submit" name="record" value="1" class="secondary">
            {coiT(L, 'check.record')}
          </button>
        </div>
      </form>
    </StaffLayout>
  )
}
