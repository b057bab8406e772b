import type { OrgPageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, PublicLayout, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import type { FormErrors } from '../../../platform/http/forms.js'
import { dayText, Markdown } from '../../../platform/ui/prose.js'
import { announcementsT } from '../announcements.i18n.js'
import type { Announcement } from '../announcements.schema.js'
import { kindAndNumber } from './shared.js'

const Text = ({ ctx, a }: { ctx: OrgPageCtx; a: Announcement }) => (
  <>
    <p class="muted">{kindAndNumber(ctx, a)}</p>
    <h2>{a.subject}</h2>
    <Markdown md={a.body} />
    <p>{announcementsT(ctx.lang, 'public.signedOn', { date: dayText(ctx, a.signedOn) })}</p>
  </>
)

/** The signed-in person's "รับทราบ" page (reached from งานที่ต้องทำ; any staff role). */
export const AckPage = (p: { ctx: StaffPageCtx; a: Announcement; mine: 'asked' | 'done' | 'not_asked' | 'no_person'; errors?: FormErrors | undefined }) => {
  const L = p.ctx.lang
  const title = announcementsT(L, 'ack.pageTitle', { subject: p.a.subject })
  const action = `/o/${p.ctx.org.slug}/admin/announcements/${p.a.id}/ack`
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <Text ctx={p.ctx} a={p.a} />
      {p.mine === 'asked' && (
        <form method="post" action={action} class="actions">
          <CsrfField ctx={p.ctx} />
          <button type="submit">{announcementsT(L, 'ack.button')}</button>
        </form>
      )}
      {p.mine === 'done' && <p class="notice">{announcementsT(L, 'ack.mineDone')}</p>}
      {p.mine === 'not_asked' && <p>{announcementsT(L, 'ack.notAsked')}</p>}
      {p.mine === 'no_person' && <p>{announcementsT(L, 'ack.noPerson')}</p>}
    </StaffLayout>
  )
}

/** A single-use link's page: no sign-in; the form posts back to the same address (CSRF-protected). */
export const LinkAckPage = (p: { ctx: OrgPageCtx; action: string; view: { announcement: Announcement; personName: string } | null; done?: boolean; errors?: FormErrors | undefined }) => {
  const L = p.ctx.lang
  const a = p.view?.announcement
  const title = a ? announcementsT(L, 'ack.pageTitle', { subject: a.subject }) : announcementsT(L, 'ack.title')
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {p.done && p.view && (
        <p class="notice" role="status">
          {announcementsT(L, 'ack.linkDone', { name: p.view.personName, subject: p.view.announcement.subject })}
        </p>
      )}
      {!p.view && !p.errors && <p>{announcementsT(L, 'ack.linkUsed')}</p>}
      {p.view && !p.done && (
        <>
          <p>
            <strong>{announcementsT(L, 'ack.linkFor', { name: p.view.personName })}</strong>
          </p>
          <p>{announcementsT(L, 'ack.linkIntro')}</p>
          <Text ctx={p.ctx} a={p.view.announcement} />
          <form method="post" action={p.action} class="actions">
            <CsrfField ctx={p.ctx} />
            <button type="submit">{announcementsT(L, 'ack.button')}</button>
          </form>
        </>
      )}
    </PublicLayout>
  )
}
