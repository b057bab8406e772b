import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { dateText } from '../../../platform/ui/prose.js'
import { giftsT } from '../gifts.i18n.js'
import type { MyHalf } from '../returns.js'
import { halfLabel, num } from './shared.js'

/** The signed-in person's own returns: this half and the last, each with a one-button nil return. */
export const MinePage = (p: { ctx: StaffPageCtx; action: string; mine: { personName: string; halves: MyHalf[] } | null } & FormState) => {
  const { ctx } = p
  const L = ctx.lang
  return (
    <StaffLayout ctx={ctx} title={giftsT(L, 'mine.title')}>
      <h1>{giftsT(L, 'mine.title')}</h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p>{giftsT(L, 'mine.intro')}</p>
      {!p.mine ? (
        <p class="badge warn">{giftsT(L, 'mine.noPerson')}</p>
      ) : (
        <>
          <p>{p.mine.personName}</p>
          <ul class="cards">
            {p.mine.halves.map((h) => (
              <li class="card">
                <h2>{halfLabel(ctx, h.fiscalYear, h.half)}</h2>
                {h.answer === 'nil' && (
                  <p>
                    <span class="badge ok">{giftsT(L, 'mine.filed')}</span> {h.filedAt && dateText(ctx, h.filedAt)}
                  </p>
                )}
                {h.answer === 'gifts' && <p>{giftsT(L, 'returns.answer.gifts', { count: num(ctx, h.gifts) })}</p>}
                {h.answer === 'none' && (
                  <form method="post" action={p.action}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="fy" value={String(h.fiscalYear)} />
                    <input type="hidden" name="half" value={String(h.half)} />
                    <p>{giftsT(L, 'link.statement')}</p>
                    <button type="submit">{giftsT(L, 'mine.file', { half: halfLabel(ctx, h.fiscalYear, h.half) })}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </StaffLayout>
  )
}
