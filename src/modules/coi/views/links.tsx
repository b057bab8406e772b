import type { OrgPageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, PublicLayout, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField } from '../../../platform/ui/fields.js'
import { dayText } from '../../../platform/ui/prose.js'
import { bangkokDate, toIsoDate } from '../../../platform/thai/index.js'
import { coiT } from '../coi.i18n.js'
import { DECLARATION_KINDS, type DeclarationKind } from '../coi.schema.js'
import { LINK_DAYS, type DeclarationLinkView } from '../links.js'
import { DeclarationFields } from './declaration-form.js'

const until = (ctx: OrgPageCtx, d: Date) => dayText(ctx, toIsoDate(bangkokDate(d)), 'long')

export type Candidate = { id: string; fullName: string; position: string | null; hasAccount: boolean }

/** The officer's form: a person of the people directory and the kind of declaration the link files. */
export const IssueLinkPage = (p: { ctx: StaffPageCtx; base: string; action: string; people: Candidate[] } & FormState) => {
  const L = p.ctx.lang
  const title = coiT(L, 'links.title')
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: coiT(L, 'detail.back'), href: p.base }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <p>{coiT(L, 'links.intro', { days: LINK_DAYS })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <SelectField
          name="personId"
          label={coiT(L, 'field.personId')}
          values={p.values}
          errors={p.errors}
          placeholder={coiT(L, 'form.choose')}
          required
          options={p.people.map((x) => ({ value: x.id, label: [x.fullName, x.position, x.hasAccount ? coiT(L, 'links.hasAccount') : ''].filter(Boolean).join(' ') }))}
        />
        <SelectField name="kind" label={coiT(L, 'field.kind')} values={p.values} errors={p.errors} required options={DECLARATION_KINDS.map((k) => ({ value: k, label: coiT(L, `kind.${k}`) }))} />
        <div class="actions">
          <button type="submit">{coiT(L, 'links.submit')}</button>
          <a href={p.base}>{coiT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}

/** The issued link, shown once (only its hash is stored): the URL and its QR code, to print or hand over. */
export const LinkSlipPage = (p: { ctx: StaffPageCtx; base: string; personName: string; position: string | null; kind: DeclarationKind; expiresAt: Date; url: string; qrSvg: string }) => {
  const L = p.ctx.lang
  const title = coiT(L, 'slip.title', { name: p.personName })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: coiT(L, 'detail.back'), href: p.base }, { label: coiT(L, 'links.title'), href: `${p.base}/links` }]}>
      <h1>{title}</h1>
      <p class="no-print">{coiT(L, 'slip.intro', { date: until(p.ctx, p.expiresAt) })}</p>
      <div class="card">
        <h2>{p.personName}</h2>
        {p.position && <p>{p.position}</p>}
        <p>{coiT(L, 'slip.kind', { kind: coiT(L, `kind.${p.kind}`) })}</p>
        <figure>
          <div role="img" aria-label={coiT(L, 'slip.scan')} dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
          <figcaption>
            {coiT(L, 'slip.scan')}: <a href={p.url}>{p.url}</a>
          </figcaption>
        </figure>
      </div>
      <p class="no-print">
        <a href={`${p.base}/links`}>{coiT(L, 'slip.another')}</a>
      </p>
    </StaffLayout>
  )
}

/** The single-use link's public page: only the declaration form (no sign-in, no earlier declaration), posting back to itself. */
export const LinkDeclarationPage = (p: { ctx: OrgPageCtx; action: string; link: DeclarationLinkView } & FormState) => {
  const L = p.ctx.lang
  const title = coiT(L, 'form.title')
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <strong>{coiT(L, 'link.for', { name: p.link.personName, kind: coiT(L, `kind.${p.link.kind}`) })}</strong>
      </p>
      <p>{coiT(L, 'link.intro', { date: until(p.ctx, p.link.expiresAt) })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <DeclarationFields lang={L} kind={p.link.kind} values={p.values} errors={p.errors} />
        <div class="actions">
          <button type="submit">{coiT(L, 'form.submit')}</button>
        </div>
      </form>
    </PublicLayout>
  )
}

/** After filing through a link, and for a link that no longer works (used, expired, replaced or unknown). */
export const LinkAnswerPage = (p: { ctx: OrgPageCtx; done?: DeclarationLinkView }) => {
  const L = p.ctx.lang
  const title = p.done ? coiT(L, 'link.done', { name: p.done.personName }) : coiT(L, 'link.spentTitle')
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <p role="status">{coiT(L, p.done ? 'link.doneDetail' : 'link.spent')}</p>
    </PublicLayout>
  )
}
