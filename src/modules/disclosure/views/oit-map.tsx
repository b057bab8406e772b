import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase, publicTrail, type Crumb } from '../../../platform/ui/menu.js'
import { dt } from '../disclosure.i18n.js'
import type { OitMap } from '../disclosure.service.js'
import { evidenceLinks } from '../item-links.js'
import type { ItemReadiness } from '../readiness.js'
import { mt } from './oit-map.i18n.js'
import { StatusBadge } from './shared.js'

// The public OIT map of a year for assessors: an index by O-number (every item one tap away), a
// filter "items not ready" that is a plain link (?show=not-ready, no JavaScript), the items by
// sub-indicator with the same links as the ITAS answer sheet, in a layout that fits a phone.

export type MapFilter = 'all' | 'not-ready'
export const mapFilterOf = (q: string | undefined): MapFilter => (q === 'not-ready' ? 'not-ready' : 'all')

const notReady = (i: ItemReadiness) => i.status !== 'yes'

/** Why an item is not ready: the readiness check's own reason when it gives one. */
function whyNotReady(ctx: OrgPageCtx, i: ItemReadiness): string | null {
  if (!notReady(i)) return null
  const own = (i as ItemReadiness & { reason?: string | null }).reason
  if (own) return own
  return mt(ctx.lang, i.status === 'no' ? 'nav.whyNone' : 'nav.whyStale')
}

export const BasedOnNotice = ({ ctx, year, base }: { ctx: OrgPageCtx; year: number; base: number }) => (
  <section class="notice" id="based-on" aria-labelledby="based-on-title">
    <h2 id="based-on-title">{mt(ctx.lang, 'based.title', { year })}</h2>
    <p>{mt(ctx.lang, 'based.body', { year, base })}</p>
    <p>
      <a href={`${orgBase(ctx.org.slug)}/oit/${base}`}>{mt(ctx.lang, 'based.link', { base })}</a>
    </p>
  </section>
)

export const OitMapPage = ({ ctx, map, year, filter }: { ctx: OrgPageCtx; map: OitMap; year: number; filter: MapFilter }) => {
  const lang = ctx.lang
  const title = dt(lang, 'oit.yearTitle', { year })
  const here = `${orgBase(ctx.org.slug)}/oit/${year}`
  const trail: Crumb[] = [...(publicTrail(ctx.registry, lang, ctx.org.slug, '/oit') ?? []), { label: dt(lang, 'oit.year', { year }), href: here }]
  const yes = map.items.filter((i) => i.status === 'yes').length
  const missing = map.items.filter(notReady)
  const shown = filter === 'not-ready' ? missing : map.items
  const groups = map.framework.indicators.flatMap((ind) => ind.subIndicators.map((s) => ({ key: s.code, heading: dt(lang, 'oit.subIndicator', { code: s.code, name: s.nameTh }), items: shown.filter((i) => s.itemCodes.includes(i.code)) })))
  const grouped = new Set(map.framework.indicators.flatMap((ind) => ind.subIndicators.flatMap((s) => s.itemCodes)))
  const rest = shown.filter((i) => !grouped.has(i.code))
  if (rest.length) groups.push({ key: '', heading: groups.length ? mt(lang, 'nav.ungrouped') : '', items: rest })
  const based = map.framework.basedOnFiscalYear
  return (
    <PublicLayout ctx={ctx} title={title} trail={trail}>
      <div class="oit-map">
        <h1>{title}</h1>
        <p>{dt(lang, 'oit.assessorIntro')}</p>
        {based !== undefined && <BasedOnNotice ctx={ctx} year={year} base={based} />}
        {map.framework.status === 'draft' && <p class="muted">{dt(lang, 'oit.draftFramework')}</p>}
        <p>
          <strong>{dt(lang, 'oit.summary', { yes, total: map.items.length })}</strong>
        </p>
        <nav class="oit-filter no-print" aria-label={mt(lang, 'nav.filter')}>
          <ul>
            <li>
              <a href={`${here}#oit-index`} aria-current={filter === 'all' ? 'page' : undefined}>
                {mt(lang, 'nav.all', { n: map.items.length })}
              </a>
            </li>
            <li>
              <a href={`${here}?show=not-ready#oit-index`} aria-current={filter === 'not-ready' ? 'page' : undefined}>
                {mt(lang, 'nav.notReady', { n: missing.length })}
              </a>
            </li>
          </ul>
        </nav>
        {filter === 'not-ready' && <p id="filter-status">{missing.length ? mt(lang, 'nav.showing', { n: missing.length, total: map.items.length }) : mt(lang, 'nav.allReady')}</p>}
        {shown.length > 0 && (
          <nav id="oit-index" class="oit-index" aria-label={mt(lang, 'nav.index')}>
            <h2>{mt(lang, 'nav.index')}</h2>
            <ol>
              {shown.map((i) => (
                <li class={`status-${i.status}`}>
                  <a href={`#${i.code}`} title={`${i.code} ${i.titleTh} (${dt(lang, `status.${i.status}`)})`}>
                    {i.code}
                    <span class="visually-hidden"> {dt(lang, `status.${i.status}`)}</span>
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        )}
        {groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <section class="oit-group">
              {g.heading && <h2>{g.heading}</h2>}
              <ul class="oit-items">
                {g.items.map((i) => {
                  const why = whyNotReady(ctx, i)
                  const links = evidenceLinks(i)
                  return (
                    <li class={`oit-item status-${i.status}`} id={i.code} data-code={i.code}>
                      <a class="oit-item-title" href={i.url}>{`${i.code} ${i.titleTh}`}</a> <StatusBadge ctx={ctx} status={i.status} />
                      {why && (
                        <p class="why-not-ready">
                          {mt(lang, 'nav.why')}: {why}
                        </p>
                      )}
                      {links.length > 0 && (
                        <ul class="oit-links">
                          {links.map((e) => (
                            <li>
                              <a href={e.href} rel={e.href.startsWith('/') ? undefined : 'noopener noreferrer'}>
                                {e.label}
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                      {i.explanation && <p class="muted">{i.explanation}</p>}
                      <a class="oit-top no-print" href="#oit-index">
                        {mt(lang, 'nav.top')}
                      </a>
                    </li>
                  )
                })}
              </ul>
            </section>
          ))}
        <p class="muted no-print">{dt(lang, 'oit.print')}</p>
      </div>
    </PublicLayout>
  )
}
