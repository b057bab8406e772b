import type { StaffPageCtx } from '../../ui/page-context.js'
import type { FormState } from '../../http/forms.js'
import { CsrfField, StaffLayout } from '../../ui/layout.js'
import { CheckboxGroup, DateField, ErrorSummary, FileField, Pager, SelectField, TableWrap, TextField } from '../../ui/fields.js'
import { t } from '../../i18n/messages.js'
import { formatNumber } from '../../thai/numerals.js'
import { formatThaiDate } from '../../thai/dates.js'
import type { Unit } from '../../orgs/orgs.schema.js'
import { ppl } from '../people.i18n.js'
import { PERSON_KINDS, type PersonKind } from '../people.schema.js'
import type { Person } from '../directory.js'
import type { PeopleQuery } from '../people.service.js'
import { IMPORT_HEADERS, KIND_LABEL_TH, type ImportChange } from '../people-import.js'

const KIND_LABEL_EN: Record<PersonKind, string> = {
  local_official: 'Local government official',
  permanent_employee: 'Permanent employee',
  contract_employee: 'Contract employee',
  executive: 'Executive',
  council_member: 'Council member',
}
export const kindLabel = (lang: 'th' | 'en', k: PersonKind) => (lang === 'en' ? KIND_LABEL_EN[k] : KIND_LABEL_TH[k])
const num = (ctx: StaffPageCtx, n: number) => formatNumber(n, { thaiDigits: !!ctx.org.settings.thaiNumerals && ctx.lang === 'th' })
const base = (ctx: StaffPageCtx) => `/o/${ctx.org.slug}/admin`

export type PeopleListProps = {
  ctx: StaffPageCtx
  query: PeopleQuery
  rows: (Person & { account: string | null })[]
  total: number
  pageSize: number
  units: Unit[]
  summary: { active: number; withoutAccount: number }
  canManage: boolean
}

export const PeopleList = (p: PeopleListProps) => {
  const L = p.ctx.lang
  const unitName = new Map(p.units.map((u) => [u.id, L === 'en' && u.nameEn ? u.nameEn : u.nameTh]))
  const headOf = new Map<string, string[]>()
  for (const u of p.units) if (u.headPersonId) headOf.set(u.headPersonId, [...(headOf.get(u.headPersonId) ?? []), unitName.get(u.id)!])
  const filtered = !!(p.query.q || p.query.unitId || p.query.kind || p.query.status !== 'active')
  const qs = (page: number) =>
    '?' + new URLSearchParams({ ...(p.query.q ? { q: p.query.q } : {}), ...(p.query.unitId ? { unit: p.query.unitId } : {}), ...(p.query.kind ? { kind: p.query.kind } : {}), status: p.query.status, page: String(page) }).toString()
  const values = { q: p.query.q ?? '', unit: p.query.unitId ?? '', kind: p.query.kind ?? '', status: p.query.status }
  return (
    <StaffLayout ctx={p.ctx} title={ppl(L, 'people.title')}>
      <h1>{ppl(L, 'people.title')}</h1>
      <p>{ppl(L, 'people.intro')}</p>
      <p class="muted">{ppl(L, 'people.summary', { active: num(p.ctx, p.summary.active), without: num(p.ctx, p.summary.withoutAccount) })}</p>
      {p.canManage && (
        <p class="actions">
          <a class="button" href={`${base(p.ctx)}/people/new`}>{ppl(L, 'people.add')}</a>
          <a href={`${base(p.ctx)}/people/import`}>{ppl(L, 'people.import')}</a>
        </p>
      )}
      <form method="get" action={`${base(p.ctx)}/people`} class="filters" role="search">
        <TextField name="q" type="search" label={ppl(L, 'people.q')} values={values} />
        <SelectField name="unit" label={ppl(L, 'people.units')} values={values} options={[{ value: '', label: ppl(L, 'people.allUnits') }, ...p.units.map((u) => ({ value: u.id, label: unitName.get(u.id)! }))]} />
        <SelectField name="kind" label={ppl(L, 'people.kind')} values={values} options={[{ value: '', label: ppl(L, 'people.allKinds') }, ...PERSON_KINDS.map((k) => ({ value: k, label: kindLabel(L, k) }))]} />
        <SelectField name="status" label={ppl(L, 'people.status')} values={values} options={(['active', 'former', 'all'] as const).map((s) => ({ value: s, label: ppl(L, `people.status.${s}`) }))} />
        <button type="submit">{ppl(L, 'people.filter')}</button>
      </form>
      {p.rows.length === 0 ? (
        <p>{filtered ? ppl(L, 'people.emptyFilter') : ppl(L, 'people.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">{ppl(L, 'people.found', { count: num(p.ctx, p.total) })}</p>
          <TableWrap label={ppl(L, 'people.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{ppl(L, 'people.fullName')}</th>
                  <th scope="col">{ppl(L, 'people.kind')}</th>
                  <th scope="col">{ppl(L, 'people.units')}</th>
                  <th scope="col">{ppl(L, 'people.account')}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`${base(p.ctx)}/people/${r.id}`}>{r.fullName}</a>
                      {r.position && <div class="muted">{r.position}</div>}
                      {headOf.get(r.id) && <div class="muted">{ppl(L, 'people.headOf')} {headOf.get(r.id)!.join(', ')}</div>}
                      {r.activeUntil && <div class="badge">{ppl(L, 'people.former', { date: formatThaiDate(r.activeUntil, { lang: L }) })}</div>}
                    </td>
                    <td>{kindLabel(L, r.kind)}</td>
                    <td>{r.unitIds.map((id) => unitName.get(id)).filter(Boolean).join(', ')}</td>
                    <td>{r.account ?? <span class="muted">{ppl(L, 'people.noAccount')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager ctx={p.ctx} page={p.query.page} hasNext={p.query.page * p.pageSize < p.total} href={qs} />
        </>
      )}
    </StaffLayout>
  )
}

export type PersonFormProps = FormState & {
  ctx: StaffPageCtx
  person: Person | null
  units: Unit[]
  people: { id: string; fullName: string; position: string | null }[]
  accounts: { id: string; email: string; displayName: string; personId: string | null }[]
}

/** Adding and editing a person: the same form (GET shows it, a bad POST shows it again with 422). */
export const PersonForm = (p: PersonFormProps) => {
  const L = p.ctx.lang
  const title = p.person ? ppl(L, 'people.editTitle', { name: p.person.fullName }) : ppl(L, 'people.add')
  const action = p.person ? `${base(p.ctx)}/people/${p.person.id}` : `${base(p.ctx)}/people`
  const label = (k: Parameters<typeof ppl>[1]) => ppl(L, k)
  const accounts = p.accounts.filter((a) => !a.personId || a.personId === p.person?.id)
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <p>
        <a href={`${base(p.ctx)}/people`}>{ppl(L, 'people.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="fullName" label={label('people.fullName')} hint={label('people.fullNameHint')} values={p.values} errors={p.errors} required maxlength={200} />
        <TextField name="position" label={label('people.position')} values={p.values} errors={p.errors} maxlength={200} />
        <SelectField name="kind" label={label('people.kind')} values={p.values} errors={p.errors} placeholder="" options={PERSON_KINDS.map((k) => ({ value: k, label: kindLabel(L, k) }))} required />
        {p.units.length > 0 && <CheckboxGroup name="unitIds" label={label('people.units')} values={p.values} errors={p.errors} options={p.units.map((u) => ({ value: u.id, label: L === 'en' && u.nameEn ? u.nameEn : u.nameTh }))} />}
        <SelectField
          name="supervisorId"
          label={label('people.supervisor')}
          hint={label('people.supervisorHint')}
          values={p.values}
          errors={p.errors}
          options={[{ value: '', label: label('people.none') }, ...p.people.filter((x) => x.id !== p.person?.id).map((x) => ({ value: x.id, label: x.position ? `${x.fullName} (${x.position})` : x.fullName }))]}
        />
        <SelectField name="userId" label={label('people.account')} hint={label('people.accountHint')} values={p.values} errors={p.errors} options={[{ value: '', label: label('people.noAccount') }, ...accounts.map((a) => ({ value: a.id, label: `${a.displayName} <${a.email}>` }))]} />
        <TextField name="email" type="email" label={label('people.email')} values={p.values} errors={p.errors} autocomplete="off" />
        <TextField name="phone" label={label('people.phone')} values={p.values} errors={p.errors} inputmode="tel" maxlength={50} />
        <DateField name="activeFrom" lang={L} label={label('people.activeFrom')} values={p.values} errors={p.errors} />
        <DateField name="activeUntil" lang={L} label={label('people.activeUntil')} hint={`${label('people.activeUntilHint')} — ${t(L, 'date.hint')}`} values={p.values} errors={p.errors} />
        <button type="submit">{t(L, 'form.save')}</button>
      </form>
      {p.person && (
        <p>
          <a href={`${base(p.ctx)}/people/${p.person.id}/delete`}>
            {ppl(L, 'people.delete')}
            <span class="visually-hidden"> {p.person.fullName}</span>
          </a>
        </p>
      )}
    </StaffLayout>
  )
}

/** A person's details for staff who may read but not change them. */
export const PersonDetails = ({ ctx, person, units }: { ctx: StaffPageCtx; person: Person; units: Unit[] }) => {
  const L = ctx.lang
  const unitName = new Map(units.map((u) => [u.id, u.nameTh]))
  const rows: [string, string | null][] = [
    [ppl(L, 'people.position'), person.position],
    [ppl(L, 'people.kind'), kindLabel(L, person.kind)],
    [ppl(L, 'people.units'), person.unitIds.map((u) => unitName.get(u)).filter(Boolean).join(', ') || null],
    [ppl(L, 'people.email'), person.email],
    [ppl(L, 'people.phone'), person.phone],
    [ppl(L, 'people.activeFrom'), person.activeFrom ? formatThaiDate(person.activeFrom, { lang: L }) : null],
    [ppl(L, 'people.activeUntil'), person.activeUntil ? formatThaiDate(person.activeUntil, { lang: L }) : null],
  ]
  return (
    <StaffLayout ctx={ctx} title={person.fullName}>
      <p>
        <a href={`${base(ctx)}/people`}>{ppl(L, 'people.back')}</a>
      </p>
      <h1>{person.fullName}</h1>
      <dl class="details">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
      </dl>
    </StaffLayout>
  )
}

export const ImportForm = ({ ctx, errors }: { ctx: StaffPageCtx } & FormState) => {
  const L = ctx.lang
  const title = ppl(L, 'people.importTitle')
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`${base(ctx)}/people`}>{ppl(L, 'people.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{ppl(L, 'people.importIntro', { headers: IMPORT_HEADERS.join(' · ') })}</p>
      <p>
        <a href={`${base(ctx)}/people/import-template.xlsx`} download>
          {ppl(L, 'people.template')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${base(ctx)}/people/import`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <FileField name="file" label={ppl(L, 'people.file')} hint={ppl(L, 'people.fileHint')} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" errors={errors} required />
        <button type="submit">{ppl(L, 'people.preview')}</button>
      </form>
    </StaffLayout>
  )
}

export const ImportPreview = ({ ctx, importId, changes, errors }: { ctx: StaffPageCtx; importId: string; changes: ImportChange[] } & FormState) => {
  const L = ctx.lang
  const n = (a: ImportChange['action']) => num(ctx, changes.filter((c) => c.action === a).length)
  const effective = changes.some((c) => c.action !== 'same')
  return (
    <StaffLayout ctx={ctx} title={ppl(L, 'people.previewTitle')}>
      <p>
        <a href={`${base(ctx)}/people/import`}>{ppl(L, 'people.importTitle')}</a>
      </p>
      <h1>{ppl(L, 'people.previewTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{ppl(L, 'people.previewIntro')}</p>
      <p role="status">{ppl(L, 'people.previewCounts', { add: n('add'), update: n('update'), same: n('same') })}</p>
      <TableWrap label={ppl(L, 'people.previewTitle')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{ppl(L, 'people.row')}</th>
              <th scope="col">{ppl(L, 'people.fullName')}</th>
              <th scope="col">{ppl(L, 'people.status')}</th>
              <th scope="col">{ppl(L, 'people.change')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr>
                <td>{num(ctx, c.row.line)}</td>
                <td>{c.row.fullName}</td>
                <td>{ppl(L, `people.action.${c.action}`)}</td>
                <td>
                  {c.action === 'update' ? (
                    <ul>
                      {c.changes.map((d) => (
                        <li>
                          {d.field}: {d.from || '—'} → {d.to}
                        </li>
                      ))}
                    </ul>
                  ) : c.action === 'add' ? (
                    [c.row.position, kindLabel(L, c.row.kind), c.row.unitNames.join(', ')].filter(Boolean).join(' · ')
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {effective ? (
        <form method="post" action={`${base(ctx)}/people/import/${importId}`} class="actions">
          <CsrfField ctx={ctx} />
          <button type="submit">{ppl(L, 'people.confirmImport')}</button>
          <a href={`${base(ctx)}/people`}>{t(L, 'form.cancel')}</a>
        </form>
      ) : (
        <p>{ppl(L, 'people.nothingToImport')}</p>
      )}
    </StaffLayout>
  )
}

export const UnitHeadForm = ({ ctx, unit, people, values, errors }: { ctx: StaffPageCtx; unit: Unit; people: Person[] } & FormState) => {
  const L = ctx.lang
  const title = ppl(L, 'units.editTitle', { name: unit.nameTh })
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`${base(ctx)}/units`}>{t(L, 'units.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${base(ctx)}/units/${unit.id}/head`} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          name="headPersonId"
          label={ppl(L, 'units.head')}
          values={values ?? { headPersonId: unit.headPersonId ?? '' }}
          errors={errors}
          options={[{ value: '', label: ppl(L, 'units.noHead') }, ...people.map((x) => ({ value: x.id, label: x.position ? `${x.fullName} (${x.position})` : x.fullName }))]}
        />
        <button type="submit">{t(L, 'form.save')}</button>
      </form>
    </StaffLayout>
  )
}
