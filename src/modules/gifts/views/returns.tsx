import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { dateText } from '../../../platform/ui/prose.js'
import { giftsT } from '../gifts.i18n.js'
import type { RoundStatus } from '../returns.js'
import { halfLabel, num } from './shared.js'

/** Who has answered a half (nil return or gifts on record) and who has not; opening the round and issuing links. */
export const ReturnsPage = (p: { ctx: StaffPageCtx; base: string; round: RoundStatus; kinds: string; hasRule: boolean } & FormState) => {
  const { ctx, round } = p
  const L = ctx.lang
  const here = `${p.base}/returns/${round.fiscalYear}/${round.half}`
  const title = `${giftsT(L, 'returns.title')} — ${halfLabel(ctx, round.fiscalYear, round.half)}`
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: giftsT(L, 'list.title'), href: p.base }, { label: giftsT(L, 'returns.title'), href: `${p.base}/returns` }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p>{giftsT(L, 'returns.intro', { kinds: p.kinds })}</p>
      {!p.hasRule && <p class="badge warn">{giftsT(L, 'returns.noRule', { year: num(ctx, round.fiscalYear) })}</p>}
      <form method="get" action={`${p.base}/returns`} class="search-form" aria-label={giftsT(L, 'returns.choose')}>
        <TextField name="fy" label={giftsT(L, 'list.fiscalYear')} values={{ fy: String(round.fiscalYear) }} inputmode="numeric" />
        <SelectField name="half" label={giftsT(L, 'list.half')} values={{ half: String(round.half) }} options={[1, 2].map((h) => ({ value: String(h), label: giftsT(L, h === 1 ? 'half.1' : 'half.2') }))} />
        <button type="submit" class="secondary">
          {giftsT(L, 'returns.show')}
        </button>
      </form>
      <p role="status">{giftsT(L, 'returns.counts', { total: num(ctx, round.respondents.length), nil: num(ctx, round.nil), gifts: num(ctx, round.withGifts), none: num(ctx, round.unanswered) })}</p>
      {ctx.can('gifts.report') && (
        <div class="actions">
          <form method="post" action={`${here}/open`} class="inline-form">
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">
              {giftsT(L, 'returns.open')}
            </button>
          </form>
          <form method="post" action={`${here}/links`} class="inline-form">
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">
              {giftsT(L, 'returns.links')}
            </button>
          </form>
          <a href={`${p.base}/reports/${round.fiscalYear}/${round.half}`}>{giftsT(L, 'reports.open')}</a>
        </div>
      )}
      <TableWrap label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{giftsT(L, 'returns.person')}</th>
              <th scope="col">{giftsT(L, 'returns.position')}</th>
              <th scope="col">{giftsT(L, 'returns.account')}</th>
              <th scope="col">{giftsT(L, 'returns.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {round.respondents.map((r) => (
              <tr>
                <td>{r.person.fullName}</td>
                <td>{r.person.position ?? ''}</td>
                <td>{giftsT(L, r.person.userId ? 'returns.hasAccount' : 'returns.noAccount')}</td>
                <td>
                  {r.answer === 'gifts' && giftsT(L, 'returns.answer.gifts', { count: num(ctx, r.gifts) })}
                  {r.answer === 'nil' && r.nil && (
                    <>
                      {giftsT(L, 'returns.answer.nil')} <span class="muted">({giftsT(L, `returns.via.${r.nil.via}`)}, {dateText(ctx, r.nil.filedAt)})</span>
                    </>
                  )}
                  {r.answer === 'none' && (
                    <>
                      <span class="badge warn">{giftsT(L, 'returns.answer.none')}</span>{' '}
                      {ctx.can('gifts.edit') && (
                        <form method="post" action={`${here}/paper`} class="inline-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="personId" value={r.person.id} />
                          <button type="submit" class="link">
                            {giftsT(L, 'returns.paper')}
                            <span class="visually-hidden"> {giftsT(L, 'returns.paperFor', { name: r.person.fullName })}</span>
                          </button>
                        </form>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </StaffLayout>
  )
}
