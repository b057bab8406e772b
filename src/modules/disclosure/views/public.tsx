import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase, publicTrail, type Crumb } from '../../../platform/ui/menu.js'
import { dt } from '../disclosure.i18n.js'
import type { ItemReadiness } from '../readiness.js'
import { OitEvidenceList, StatusBadge, WhyNotReady } from './shared.js'

const oitTrail = (ctx: OrgPageCtx): Crumb[] => publicTrail(ctx.registry, ctx.lang, ctx.org.slug, '/oit') ?? []
const yearCrumb = (ctx: OrgPageCtx, year: number): Crumb => ({ label: dt(ctx.lang, 'oit.year', { year }), href: `${orgBase(ctx.org.slug)}/oit/${year}` })

export const OitYearsPage = ({ ctx, years }: { ctx: OrgPageCtx; years: number[] }) => (
  <PublicLayout ctx={ctx} title={dt(ctx.lang, 'oit.title')} trail={oitTrail(ctx)}>
    <h1>{dt(ctx.lang, 'oit.title')}</h1>
    <p>{dt(ctx.lang, 'oit.intro')}</p>
    <ul class="section-links">
      {years.map((y) => (
        <li>
          <a href={`${orgBase(ctx.org.slug)}/oit/${y}`}>{dt(ctx.lang, 'oit.year', { year: y })}</a>
        </li>
      ))}
    </ul>
  </PublicLayout>
)

/** A year with no (valid) framework: says so and offers the years that have one. */
export const OitYearMissingPage = ({ ctx, year, years, href }: { ctx: OrgPageCtx; year: number; years: number[]; href: (y: number) => string }) => (
  <PublicLayout ctx={ctx} title={dt(ctx.lang, 'oit.noFramework', { year })} trail={[...oitTrail(ctx), yearCrumb(ctx, year)]}>
    <h1>{dt(ctx.lang, 'oit.noFramework', { year })}</h1>
    <p>{dt(ctx.lang, 'oit.noFrameworkIntro')}</p>
    {years.length > 0 && (
      <p>
        <a href={href(years[0]!)}>{dt(ctx.lang, 'oit.latestYear', { year: years[0]! })}</a>
      </p>
    )}
    {years.length > 1 && (
      <ul class="inline-list">
        {years.slice(1).map((y) => (
          <li>
            <a href={href(y)}>{dt(ctx.lang, 'oit.year', { year: y })}</a>
          </li>
        ))}
      </ul>
    )}
  </PublicLayout>
)

export const OitItemPage = ({ ctx, item, year, origin }: { ctx: OrgPageCtx; item: ItemReadiness; year: number; origin: string }) => {
  const title = `${item.code} ${item.titleTh}`
  return (
    <PublicLayout ctx={ctx} title={title} trail={[...oitTrail(ctx), yearCrumb(ctx, year), { label: title, href: item.url }]}>
      <h1>{title}</h1>
      <p>
        {dt(ctx.lang, 'oit.status')}: <StatusBadge ctx={ctx} status={item.status} />
        <WhyNotReady ctx={ctx} item={item} />
      </p>
      <h2>{dt(ctx.lang, 'oit.evidence')}</h2>
      {item.evidence.length ? <OitEvidenceList ctx={ctx} evidence={item.evidence} /> : <p>{dt(ctx.lang, 'oit.noEvidence')}</p>}
      {item.explanation && (
        <>
          <h2>{dt(ctx.lang, 'oit.explanation')}</h2>
          <p>{item.explanation}</p>
        </>
      )}
      <p class="muted permalink">
        {dt(ctx.lang, 'oit.permalink')}: <a href={item.url}>{`${origin}${item.url}`}</a>
      </p>
    </PublicLayout>
  )
}
