import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TableWrap, TextArea } from '../../../platform/ui/fields.js'
import { dateText, dayText } from '../../../platform/ui/prose.js'
import { giftsT } from '../gifts.i18n.js'
import type { GiftReport } from '../gifts.schema.js'
import type { HalfReport } from '../reports.js'
import { bahtText, halfLabel, num } from './shared.js'

/** The six-monthly report in the report's columns, the nil returns, and the form to save or publish it. */
export const ReportPage = (p: { ctx: StaffPageCtx; base: string; data: HalfReport } & FormState) => {
  const { ctx, data } = p
  const L = ctx.lang
  const here = `${p.base}/reports/${data.fiscalYear}/${data.half}`
  const title = giftsT(L, 'report.title', { half: num(ctx, data.half), year: num(ctx, data.fiscalYear) })
  const status = data.report?.status ?? 'none'
  const s = data.summary
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: giftsT(L, 'list.title'), href: p.base }, { label: giftsT(L, 'reports.title'), href: `${p.base}/reports` }, { label: halfLabel(ctx, data.fiscalYear, data.half), href: here }]}>
      <h1>{title}</h1>
      <p>
        <span class={status === 'published' ? 'badge ok' : 'badge'}>{giftsT(L, `report.status.${status}`)}</span>
        {data.report?.publishedAt && status === 'published' && <> {dateText(ctx, data.report.publishedAt)}</>}
      </p>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="muted">{giftsT(L, 'report.formNote')}</p>
      {data.gifts.length === 0 ? (
        <p>{giftsT(L, 'report.noGifts')}</p>
      ) : (
        <TableWrap label={title}>
          <table>
            <thead>
              <tr>
                {(['no', 'date', 'person', 'position', 'giver', 'relation', 'item', 'value', 'occasion', 'action', 'remark'] as const).map((k) => (
                  <th scope="col">{giftsT(L, `report.col.${k}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.gifts.map((g, i) => (
                <tr>
                  <td>{num(ctx, i + 1)}</td>
                  <td>{dayText(ctx, g.receivedOn, 'short')}</td>
                  <td>{g.personName}</td>
                  <td>{g.personPosition ?? ''}</td>
                  <td>{g.giver}</td>
                  <td>{giftsT(L, `relation.${g.relation}`)}</td>
                  <td>{g.description}</td>
                  <td>{bahtText(ctx, g.valueBaht, false)}</td>
                  <td>{g.occasion}</td>
                  <td>
                    {giftsT(L, `action.${g.action}`)}
                    {g.action === 'handed_over' && g.handedTo && ` — ${g.handedTo}${g.handedOn ? ` (${dayText(ctx, g.handedOn, 'short')})` : ''}`}
                  </td>
                  <td>
                    {giftsT(L, `assessment.${g.assessment}`)}
                    {g.note && `; ${g.note}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p>
        {giftsT(L, 'report.overLimit', { count: num(ctx, s.overLimit), handed: num(ctx, s.overLimitHandedOver) })}. {giftsT(L, 'report.total', { value: bahtText(ctx, s.totalValueBaht) })}
      </p>
      <h2>{giftsT(L, 'report.nilSection')}</h2>
      <p>{giftsT(L, 'returns.counts', { total: num(ctx, data.round.respondents.length), nil: num(ctx, data.round.nil), gifts: num(ctx, data.round.withGifts), none: num(ctx, data.round.unanswered) })}</p>
      {data.round.unanswered > 0 && (
        <>
          <h3>{giftsT(L, 'report.unanswered')}</h3>
          <ul>
            {data.round.respondents
              .filter((r) => r.answer === 'none')
              .map((r) => (
                <li>
                  {r.person.fullName}
                  {r.person.position && ` (${r.person.position})`}
                </li>
              ))}
          </ul>
        </>
      )}
      <p>
        <a href={`${p.base}/returns/${data.fiscalYear}/${data.half}`}>{giftsT(L, 'list.returns')}</a>
      </p>
      <h2>{giftsT(L, 'report.download')}</h2>
      <ul class="downloads">
        {(['docx', 'pdf', 'xlsx'] as const).map((ext) => (
          <li>
            <a href={`${here}/report.${ext}`} download>
              {giftsT(L, `report.${ext}`)}
              <span class="visually-hidden"> {title}</span>
            </a>
          </li>
        ))}
      </ul>
      {ctx.can('gifts.report') && <ReportForm ctx={ctx} here={here} report={data.report} ended={data.ended} values={p.values} errors={p.errors} />}
    </StaffLayout>
  )
}

const ReportForm = (p: { ctx: StaffPageCtx; here: string; report: GiftReport | null; ended: boolean } & FormState) => {
  const L = p.ctx.lang
  if (p.report?.status === 'published')
    return (
      <form method="post" action={`${p.here}/withdraw`} class="actions">
        <CsrfField ctx={p.ctx} />
        <button type="submit" class="secondary">
          {giftsT(L, 'report.withdraw')}
        </button>
      </form>
    )
  return (
    <form method="post" action={p.here} novalidate>
      <CsrfField ctx={p.ctx} />
      <TextArea name="note" label={giftsT(L, 'report.note')} hint={giftsT(L, 'report.noteHint')} values={p.values ?? { note: p.report?.note ?? '' }} errors={p.errors} rows={6} />
      <div class="actions">
        <button type="submit" name="publish" value="" class="secondary">
          {giftsT(L, 'report.save')}
        </button>
        {p.ended && (
          <button type="submit" name="publish" value="1">
            {giftsT(L, 'report.publish')}
          </button>
        )}
      </div>
    </form>
  )
}

/** Every half with a report, and the current and last halves to open. */
export const ReportsList = ({ ctx, base, reports, halves }: { ctx: StaffPageCtx; base: string; reports: GiftReport[]; halves: { fiscalYear: number; half: 1 | 2 }[] }) => {
  const L = ctx.lang
  const known = new Set(reports.map((r) => `${r.fiscalYear}-${r.half}`))
  return (
    <StaffLayout ctx={ctx} title={giftsT(L, 'reports.title')} trail={[{ label: giftsT(L, 'list.title'), href: base }, { label: giftsT(L, 'reports.title'), href: `${base}/reports` }]}>
      <h1>{giftsT(L, 'reports.title')}</h1>
      {reports.length === 0 && <p>{giftsT(L, 'reports.none')}</p>}
      <ul>
        {reports.map((r) => (
          <li>
            <a href={`${base}/reports/${r.fiscalYear}/${r.half}`}>{halfLabel(ctx, r.fiscalYear, r.half)}</a> — {giftsT(L, `report.status.${r.status}`)}
          </li>
        ))}
        {halves
          .filter((h) => !known.has(`${h.fiscalYear}-${h.half}`))
          .map((h) => (
            <li>
              <a href={`${base}/reports/${h.fiscalYear}/${h.half}`}>{halfLabel(ctx, h.fiscalYear, h.half)}</a> — {giftsT(L, 'report.status.none')}
            </li>
          ))}
      </ul>
    </StaffLayout>
  )
}
