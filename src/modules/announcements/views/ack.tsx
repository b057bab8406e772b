import type { Child } from 'hono/jsx'
import type { OrgPageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, PublicLayout, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import type { FormErrors } from '../../../platform/http/forms.js'
import { dayText, Markdown } from '../../../platform/ui/prose.js'
import { announcementsT } from '../announcements.i18n.js'
import type { Announcement } from '../announcements.schema.js'
import { countText, kindAndNumber } from './shared.js'
import { manualsT } from '../manuals.i18n.js'
import type { ManualLinkView } from '../manuals.ack.js'

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

/** What a single-use link's page shows: whose link it is, what to read, and what to say once done. */
export type LinkAckView = { title: string; personName: string; intro: string; content: Child; doneText: string }

/** The link's page of an announcement. */
export const announcementLinkView = (ctx: OrgPageCtx, v: { announcement: Announcement; personName: string }): LinkAckView => ({
  title: announcementsT(ctx.lang, 'ack.pageTitle', { subject: v.announcement.subject }),
  personName: v.personName,
  intro: announcementsT(ctx.lang, 'ack.linkIntro'),
  content: <Text ctx={ctx} a={v.announcement} />,
  doneText: announcementsT(ctx.lang, 'ack.linkDone', { name: v.personName, subject: v.announcement.subject }),
})

/** The link's page of a manual's version in force. */
export const manualLinkView = (ctx: OrgPageCtx, v: ManualLinkView): LinkAckView => ({
  title: manualsT(ctx.lang, 'ack.pageTitle', { title: v.m.title }),
  personName: v.personName,
  intro: manualsT(ctx.lang, 'ack.linkIntro'),
  content: (
    <>
      <p class="muted">{manualsT(ctx.lang, 'sheet.dated', { version: countText(ctx, v.version.version), date: dayText(ctx, v.version.effectiveOn) })}</p>
      <h2>{v.m.title}</h2>
      <Markdown md={v.version.body} />
    </>
  ),
  doneText: manualsT(ctx.lang, 'ack.linkDone', { name: v.personName, title: v.m.title, version: countText(ctx, v.version.version) }),
})

/**
 * A single-use link's page (of an announcement or a manual): no sign-in; the form posts back to the
 * same address (CSRF-protected). `view` null = the link was used, expired or replaced.
 */
export const LinkAckPage = (p: { ctx: OrgPageCtx; action: string; view: LinkAckView | null; usedText: string; done?: boolean; errors?: FormErrors | undefined }) => {
  const L = p.ctx.lang
  const title = p.view?.title ?? announcementsT(L, 'ack.title')
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {p.done && p.view && (
        <p class="notice" role="status">
          {p.view.doneText}
        </p>
      )}
      {!p.view && !p.errors && <p>{p.usedText}</p>}
      {p.view && !p.done && (
        <>
          <p>
            <strong>{announcementsT(L, 'ack.linkFor', { name: p.view.personName })}</strong>
          </p>
          <p>{p.view.intro}</p>
          {p.view.content}
          <form method="post" action={p.action} class="actions">
            <CsrfField ctx={p.ctx} />
            <button type="submit">{announcementsT(L, 'ack.button')}</button>
          </form>
        </>
      )}
    </PublicLayout>
  )
}
