import type { OrgPageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, PublicLayout, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, DateField, ErrorSummary, Pager, SelectField, TableWrap, TextArea, TextField } from '../../../platform/ui/fields.js'
import { dateText, dayText } from '../../../platform/ui/prose.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import { assetsT } from '../assets.i18n.js'
import { LOAN_STATUSES, type LoanStatus } from '../assets.schema.js'
import type { LoanRow, TrackedLoan } from '../loans.js'
import { AssetNo, digitsOf } from './parts.js'

type Choice = { id: string; label: string }
const Period = ({ ctx, from, to }: { ctx: StaffPageCtx | OrgPageCtx; from: string; to: string }) => (
  <>
    {dayText(ctx, from)} – {dayText(ctx, to)}
  </>
)

/** The loans: requests to decide, hand-overs and returns; one's own only for those who may only borrow. */
export const LoansPage = ({ ctx, base, status, data, fy }: { ctx: StaffPageCtx; base: string; status: LoanStatus | undefined; fy: number; data: { rows: LoanRow[]; page: number; pages: number; total: number } }) => {
  const L = ctx.lang
  const { values, href, filtered } = listFilter(`${base}/loans`, { status: status ?? '' })
  return (
    <StaffLayout ctx={ctx} title={assetsT(L, 'loans.title')}>
      <h1>{assetsT(L, 'loans.title')}</h1>
      <p>
        <a class="button" href={`${base}/loans/new`}>
          {assetsT(L, 'loans.add')}
        </a>{' '}
        {ctx.can('assets.read') && <a href={`${base}/loans/register/${fy}/register.xlsx`}>{assetsT(L, 'reg.download', { year: digitsOf(ctx, String(fy)) })}</a>}
      </p>
      <form method="get" action={`${base}/loans`} class="search-form" role="search">
        <SelectField name="status" label={assetsT(L, 'field.status')} values={values} placeholder={assetsT(L, 'loans.allStatuses')} options={LOAN_STATUSES.map((s) => ({ value: s, label: assetsT(L, `loan.status.${s}`) }))} />
        <button type="submit" class="secondary">
          {assetsT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{assetsT(L, filtered ? 'list.noMatch' : 'loans.empty')}</p>
      ) : (
        <>
          <TableWrap label={assetsT(L, 'loans.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{assetsT(L, 'loan.code')}</th>
                  <th scope="col">{assetsT(L, 'loan.asset')}</th>
                  <th scope="col">{assetsT(L, 'loan.borrower')}</th>
                  <th scope="col">{assetsT(L, 'loan.period')}</th>
                  <th scope="col">{assetsT(L, 'field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`${base}/loans/${r.id}`}>{r.code}</a>
                    </td>
                    <td>
                      {r.assetName} (<AssetNo ctx={ctx} no={r.assetNo} />)
                    </td>
                    <td>
                      {r.borrowerName} <span class="muted">({assetsT(L, `loan.kind.${r.borrowerKind}`)})</span>
                    </td>
                    <td>
                      <Period ctx={ctx} from={r.startOn} to={r.endOn} />
                    </td>
                    <td>{assetsT(L, `loan.status.${r.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager ctx={ctx} page={data.page} hasNext={data.page < data.pages} href={href} />
        </>
      )}
    </StaffLayout>
  )
}

const RequestFields = ({ ctx, assets, s }: { ctx: StaffPageCtx | OrgPageCtx; assets: Choice[]; s: FormState }) => {
  const L = ctx.lang
  const v = { values: s.values, errors: s.errors }
  return (
    <>
      <SelectField name="assetId" label={assetsT(L, 'lf.assetId')} {...v} placeholder={assetsT(L, 'lf.choose')} options={assets.map((a) => ({ value: a.id, label: digitsOf(ctx, a.label) }))} />
      <DateField name="startOn" label={assetsT(L, 'lf.startOn')} {...v} ctx={ctx} />
      <DateField name="endOn" label={assetsT(L, 'lf.endOn')} {...v} ctx={ctx} />
      <TextArea name="purpose" label={assetsT(L, 'lf.purpose')} {...v} rows={3} />
      <TextField name="place" label={assetsT(L, 'lf.place')} {...v} />
    </>
  )
}

/** A staff member asks to borrow (an asset lendable to staff). */
export const StaffRequestPage = ({ ctx, base, assets, ...s }: { ctx: StaffPageCtx; base: string; assets: Choice[] } & FormState) => {
  const L = ctx.lang
  const title = assetsT(L, 'loan.new')
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: assetsT(L, 'loans.title'), href: `${base}/loans` }, { label: title, href: `${base}/loans/new` }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={s.errors} />
      <form method="post" action={`${base}/loans/new`} novalidate>
        <CsrfField ctx={ctx} />
        <RequestFields ctx={ctx} assets={assets} s={s} />
        <div class="actions">
          <button type="submit">{assetsT(L, 'public.send')}</button>
          <a href={`${base}/loans`}>{assetsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}

/** One loan: its steps (dated, by whom) and the next step's form for whoever may take it. */
export const LoanPage = ({ ctx, base, loan, form, ...s }: { ctx: StaffPageCtx; base: string; loan: LoanRow; form?: 'decide' | 'checkout' | 'return' } & FormState) => {
  const L = ctx.lang
  const title = assetsT(L, 'loan.detail', { code: loan.code })
  const here = `${base}/loans/${loan.id}`
  const err = (f: string) => (form === f ? s : {})
  const steps: [string, Date | null][] = [
    [assetsT(L, 'loan.step.requested'), loan.requestedAt],
    [assetsT(L, 'loan.step.decided', { by: loan.decidedByLabel ?? '' }), loan.decidedAt],
    [assetsT(L, 'loan.step.checkedOut', { by: loan.checkedOutByLabel ?? '' }), loan.checkedOutAt],
    [assetsT(L, 'loan.step.returned', { by: loan.returnedByLabel ?? '' }), loan.returnedAt],
  ]
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: assetsT(L, 'loans.title'), href: `${base}/loans` }, { label: title, href: here }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={s.errors} />
      <dl class="facts">
        <dt>{assetsT(L, 'field.status')}</dt>
        <dd>{assetsT(L, `loan.status.${loan.status}`)}</dd>
        <dt>{assetsT(L, 'loan.asset')}</dt>
        <dd>
          {loan.assetName} (<AssetNo ctx={ctx} no={loan.assetNo} />)
        </dd>
        <dt>{assetsT(L, 'loan.borrower')}</dt>
        <dd>
          {loan.borrowerName} ({assetsT(L, `loan.kind.${loan.borrowerKind}`)}) {loan.borrowerContact}
        </dd>
        <dt>{assetsT(L, 'loan.period')}</dt>
        <dd>
          <Period ctx={ctx} from={loan.startOn} to={loan.endOn} />
        </dd>
        <dt>{assetsT(L, 'lf.purpose')}</dt>
        <dd>{loan.purpose}</dd>
        {loan.place && (
          <>
            <dt>{assetsT(L, 'lf.place')}</dt>
            <dd>{loan.place}</dd>
          </>
        )}
      </dl>
      <h2>{assetsT(L, 'loan.steps')}</h2>
      <ol>
        {steps
          .filter(([, at]) => at)
          .map(([label, at]) => (
            <li>
              {label}: {dateText(ctx, at!)}
            </li>
          ))}
      </ol>
      {loan.decisionNote && <p>{loan.decisionNote}</p>}
      {loan.checkoutCondition && <p>{assetsT(L, 'lf.condition')}: {loan.checkoutCondition}</p>}
      {loan.returnCondition && <p>{assetsT(L, 'lf.condition')}: {loan.returnCondition}</p>}
      {loan.damaged && <p>{assetsT(L, 'lf.damageNote')}: {loan.damageNote}</p>}
      {loan.status === 'requested' && ctx.can('assets.approve') && (
        <form method="post" action={`${here}/decide`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea name="note" label={assetsT(L, 'lf.note')} {...err('decide')} rows={2} />
          <div class="actions">
            <button type="submit" name="decision" value="approve">
              {assetsT(L, 'loan.approve')}
            </button>
            <button type="submit" name="decision" value="reject" class="secondary">
              {assetsT(L, 'loan.reject')}
            </button>
          </div>
        </form>
      )}
      {loan.status === 'approved' && ctx.can('assets.lend') && (
        <form method="post" action={`${here}/checkout`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea name="condition" label={assetsT(L, 'lf.condition')} {...err('checkout')} rows={2} />
          <button type="submit">{assetsT(L, 'loan.checkout')}</button>
        </form>
      )}
      {loan.status === 'checked_out' && ctx.can('assets.lend') && (
        <form method="post" action={`${here}/return`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea name="condition" label={assetsT(L, 'lf.condition')} {...err('return')} rows={2} />
          <CheckboxField name="damaged" label={assetsT(L, 'lf.damaged')} {...err('return')} />
          <TextArea name="damageNote" label={assetsT(L, 'lf.damageNote')} {...err('return')} rows={2} />
          <button type="submit">{assetsT(L, 'loan.return')}</button>
        </form>
      )}
      {(loan.status === 'requested' || loan.status === 'approved') && (ctx.can('assets.lend') || loan.borrowerUserId === ctx.actor.userId) && (
        <form method="post" action={`${here}/cancel`} class="actions">
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger">
            {assetsT(L, 'loan.cancel')}
          </button>
        </form>
      )}
    </StaffLayout>
  )
}

/** The public request form (no account): what, when, who and how to reply, and why. */
export const PublicRequestPage = ({ ctx, base, assets, ...s }: { ctx: OrgPageCtx; base: string; assets: Choice[] } & FormState) => {
  const L = ctx.lang
  const v = { values: s.values, errors: s.errors }
  return (
    <PublicLayout ctx={ctx} title={assetsT(L, 'public.request')}>
      <h1>{assetsT(L, 'public.request')}</h1>
      <p>{assetsT(L, 'public.requestIntro')}</p>
      <ErrorSummary ctx={ctx} errors={s.errors} />
      <form method="post" action={`${base}/request`} novalidate>
        <CsrfField ctx={ctx} />
        <RequestFields ctx={ctx} assets={assets} s={s} />
        <TextField name="borrowerName" label={assetsT(L, 'lf.borrowerName')} {...v} required />
        <TextField name="borrowerContact" label={assetsT(L, 'lf.borrowerContact')} {...v} required />
        <button type="submit">{assetsT(L, 'public.send')}</button>
      </form>
    </PublicLayout>
  )
}

export const PublicSentPage = ({ ctx, base, code }: { ctx: OrgPageCtx; base: string; code: string }) => {
  const L = ctx.lang
  return (
    <PublicLayout ctx={ctx} title={assetsT(L, 'public.sent')}>
      <h1>{assetsT(L, 'public.sent')}</h1>
      <p>
        {assetsT(L, 'public.sentCode')} <strong class="code">{code}</strong>
      </p>
      <p>{assetsT(L, 'public.sentKeep')}</p>
      <p>
        <a href={`${base}/track?code=${code}`}>{assetsT(L, 'public.track')}</a>
      </p>
    </PublicLayout>
  )
}

/** Follow a request by its code: the steps and dates only. */
export const TrackPage = ({ ctx, base, code, loan }: { ctx: OrgPageCtx; base: string; code: string; loan: TrackedLoan | null }) => {
  const L = ctx.lang
  return (
    <PublicLayout ctx={ctx} title={assetsT(L, 'public.track')}>
      <h1>{assetsT(L, 'public.track')}</h1>
      <form method="get" action={`${base}/track`} class="search-form">
        <TextField name="code" label={assetsT(L, 'public.trackCode')} values={{ code }} autocomplete="off" />
        <button type="submit">{assetsT(L, 'public.trackShow')}</button>
      </form>
      {code && !loan && <p role="status">{assetsT(L, 'public.trackNone')}</p>}
      {loan && (
        <section aria-labelledby="loan">
          <h2 id="loan">{loan.assetName}</h2>
          <p role="status">
            {assetsT(L, 'field.status')}: <strong>{assetsT(L, `loan.status.${loan.status}`)}</strong>
          </p>
          <p>
            {assetsT(L, 'loan.period')}: <Period ctx={ctx} from={loan.startOn} to={loan.endOn} />
          </p>
          {loan.decisionNote && <p>{loan.decisionNote}</p>}
        </section>
      )}
    </PublicLayout>
  )
}
