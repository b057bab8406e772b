import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TableWrap, TextArea } from '../../../platform/ui/fields.js'
import { coiT } from '../coi.i18n.js'
import type { DeclarationView } from '../declarations.js'
import { day, StatusBadge } from './shared.js'

/** One declaration: who, what kind, the committee, the interests; the executive's review form; remove. */
export const DeclarationPage = (p: { ctx: StaffPageCtx; base: string; back: string; d: DeclarationView; canReview: boolean; canRemove: boolean } & FormState) => {
  const { ctx, d } = p
  const L = ctx.lang
  const title = coiT(L, 'detail.title', { name: d.person.fullName })
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: coiT(L, 'detail.back'), href: p.back }, { label: title, href: `${p.base}/d/${d.id}` }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="muted">{coiT(L, 'detail.audited')}</p>
      <dl class="facts">
        <dt>{coiT(L, 'field.position')}</dt>
        <dd>{d.person.position ?? '-'}</dd>
        <dt>{coiT(L, 'field.kind')}</dt>
        <dd>{coiT(L, `kind.${d.kind}`)}</dd>
        <dt>{coiT(L, 'field.declaredOn')}</dt>
        <dd>{day(ctx, d.declaredOn)}</dd>
        <dt>{coiT(L, 'field.status')}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={d.status} /> {coiT(L, `via.${d.via}`)}
        </dd>
        {d.kind === 'appointment' && (
          <>
            <dt>{coiT(L, 'field.committee')}</dt>
            <dd>
              {d.committee && coiT(L, `committee.${d.committee}`)} ({d.committeeRole && coiT(L, `role.${d.committeeRole}`)})
            </dd>
            <dt>{coiT(L, 'field.project')}</dt>
            <dd>{d.project}</dd>
            <dt>{coiT(L, 'field.bidders')}</dt>
            <dd>{d.bidders || '-'}</dd>
          </>
        )}
        {d.reviewNote && (
          <>
            <dt>{coiT(L, 'field.reviewNote')}</dt>
            <dd>{d.reviewNote}</dd>
          </>
        )}
        {d.note && (
          <>
            <dt>{coiT(L, 'field.note')}</dt>
            <dd>{d.note}</dd>
          </>
        )}
      </dl>
      <h2>{coiT(L, 'form.interests')}</h2>
      {d.interests.length === 0 ? (
        <p>{coiT(L, d.noInterest ? 'detail.noInterest' : 'detail.none')}</p>
      ) : (
        <TableWrap label={coiT(L, 'form.interests')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{coiT(L, 'field.interestKind')}</th>
                <th scope="col">{coiT(L, 'field.relation')}</th>
                <th scope="col">{coiT(L, 'field.holderName')}</th>
                <th scope="col">{coiT(L, 'field.partyName')}</th>
                <th scope="col">{coiT(L, 'field.juristicId')}</th>
                <th scope="col">{coiT(L, 'field.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {d.interests.map((i) => (
                <tr>
                  <td>{coiT(L, `interest.${i.kind}`)}</td>
                  <td>{coiT(L, `relation.${i.relation}`)}</td>
                  <td>{i.holderName || '-'}</td>
                  <td>{i.partyName || '-'}</td>
                  <td>{i.juristicId ?? '-'}</td>
                  <td>{i.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.canReview && d.status !== 'withdrawn' && (
        <section aria-labelledby="review">
          <h2 id="review">{coiT(L, 'review.title')}</h2>
          <form method="post" action={`${p.base}/d/${d.id}/review`} novalidate>
            <CsrfField ctx={ctx} />
            <SelectField name="decision" label={coiT(L, 'field.decision')} values={p.values} errors={p.errors} options={(['acknowledged', 'more_info'] as const).map((v) => ({ value: v, label: coiT(L, `decision.${v}`) }))} />
            <TextArea name="reviewNote" label={coiT(L, 'field.reviewNote')} hint={coiT(L, 'field.reviewNoteHint')} values={p.values} errors={p.errors} rows={3} />
            <div class="actions">
              <button type="submit">{coiT(L, 'review.submit')}</button>
            </div>
          </form>
        </section>
      )}
      {p.canRemove && d.status !== 'withdrawn' && (
        <p>
          <a href={`${p.base}/d/${d.id}/delete`}>{coiT(L, d.status === 'submitted' ? 'delete.link' : 'withdraw.link')}</a>
        </p>
      )}
    </StaffLayout>
  )
}

/** Removing asks first on a page of its own: an unreviewed declaration is deleted, a reviewed one withdrawn. */
export const RemovePage = (p: { ctx: StaffPageCtx; base: string; d: DeclarationView } & FormState) => {
  const L = p.ctx.lang
  const withdraw = p.d.status !== 'submitted'
  const title = coiT(L, withdraw ? 'withdraw.title' : 'delete.title', { name: p.d.person.fullName, date: day(p.ctx, p.d.declaredOn) })
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{coiT(L, withdraw ? 'withdraw.intro' : 'delete.intro')}</p>
      <form method="post" action={`${p.base}/d/${p.d.id}/delete`} class="actions">
        <CsrfField ctx={p.ctx} />
        <button type="submit" class="danger">
          {coiT(L, withdraw ? 'withdraw.confirm' : 'delete.confirm')}
        </button>
        <a href={`${p.base}/d/${p.d.id}`}>{coiT(L, 'form.cancel')}</a>
      </form>
    </StaffLayout>
  )
}
