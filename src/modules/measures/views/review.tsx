import type { FormState } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextArea } from '../../../platform/ui/fields.js'
import { PrevNext, type PageLink } from '../../../platform/ui/prev-next.js'
import { formatThaiDateTime } from '../../../platform/thai/index.js'
import { pt } from '../progress.i18n.js'
import type { MeasureReturn } from '../review.js'
import { COMMENT_MAX } from '../review.js'

/** What the measure page shows of a send-back: the open one, the refused send-back or resubmit form. */
export type ReviewState = { open: MeasureReturn | null; sendBack?: FormState | undefined; resubmit?: FormState | undefined }

/**
 * On a measure page: the executive's comment when the measure was sent back (with "resubmit" for
 * editors), and the executive's send-back form beside the approval.
 */
export const ReviewPanel = ({ ctx, base, approved, review }: { ctx: StaffPageCtx; base: string; approved: boolean; review: ReviewState }) => {
  const L = ctx.lang
  const open = review.open
  return (
    <>
      {open && (
        <section class="callout" id="returned" aria-labelledby="returned-title">
          <h2 id="returned-title">{pt(L, 'r.returnedTitle')}</h2>
          <p id="returned-comment">{open.comment}</p>
          <p class="muted">{pt(L, 'r.returnedBy', { who: open.returnedByName ?? '–', at: formatThaiDateTime(open.returnedAt, { lang: L }) })}</p>
          {ctx.can('measure.edit') && (
            <>
              <ErrorSummary ctx={ctx} errors={review.resubmit?.errors} />
              <form method="post" action={`${base}/resubmit`}>
                <CsrfField ctx={ctx} />
                <button type="submit">{pt(L, 'r.resubmit')}</button>
              </form>
            </>
          )}
        </section>
      )}
      {ctx.can('measure.approve') && !approved && !open && (
        <details open={review.sendBack ? true : undefined}>
          <summary>{pt(L, 'r.sendBack')}</summary>
          <ErrorSummary ctx={ctx} errors={review.sendBack?.errors} />
          <form method="post" action={`${base}/send-back`}>
            <CsrfField ctx={ctx} />
            <TextArea name="comment" label={pt(L, 'r.comment')} hint={pt(L, 'r.commentHint')} rows={4} max={COMMENT_MAX} lang={L} values={review.sendBack?.values ?? { comment: '' }} errors={review.sendBack?.errors} required />
            <button type="submit" class="secondary">
              {pt(L, 'r.sendBack')}
            </button>
          </form>
        </details>
      )}
    </>
  )
}

/** Previous / next measure of the same year, in the year's order. */
export const MeasureNav = ({ ctx, prev, next }: { ctx: StaffPageCtx; prev: PageLink | null; next: PageLink | null }) => (
  <PrevNext label={pt(ctx.lang, 'nav.measures')} prev={prev} next={next} prevText={pt(ctx.lang, 'nav.prev')} nextText={pt(ctx.lang, 'nav.next')} />
)
