import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { coiT } from '../coi.i18n.js'
import type { Declaration } from '../coi.schema.js'
import { day, StatusBadge } from './shared.js'

/** One's own declarations, and the three ways to file one. */
export const MinePage = ({ ctx, base, mine }: { ctx: StaffPageCtx; base: string; mine: { personName: string; rows: Declaration[] } | null }) => {
  const L = ctx.lang
  return (
    <StaffLayout ctx={ctx} title={coiT(L, 'mine.title')}>
      <h1>{coiT(L, 'mine.title')}</h1>
      <p>{coiT(L, 'mine.intro')}</p>
      {!mine ? (
        <p class="badge warn">{coiT(L, 'mine.noPerson')}</p>
      ) : (
        <>
          <p>{mine.personName}</p>
          <ul class="actions">
            <li>
              <a class="button" href={`${base}/declare?kind=annual`}>{coiT(L, 'mine.annual')}</a>
            </li>
            <li>
              <a class="button secondary" href={`${base}/declare?kind=appointment`}>{coiT(L, 'mine.appointment')}</a>
            </li>
            <li>
              <a class="button secondary" href={`${base}/declare?kind=change`}>{coiT(L, 'mine.change')}</a>
            </li>
          </ul>
          {mine.rows.length === 0 ? (
            <p>{coiT(L, 'mine.empty')}</p>
          ) : (
            <TableWrap label={coiT(L, 'mine.title')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{coiT(L, 'field.declaredOn')}</th>
                    <th scope="col">{coiT(L, 'field.kind')}</th>
                    <th scope="col">{coiT(L, 'field.project')}</th>
                    <th scope="col">{coiT(L, 'field.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.rows.map((r) => (
                    <tr>
                      <td>
                        <a href={`${base}/d/${r.id}`}>{day(ctx, r.declaredOn)}</a>
                      </td>
                      <td>{coiT(L, `kind.${r.kind}`)}</td>
                      <td>{r.project ?? ''}</td>
                      <td>
                        <StatusBadge ctx={ctx} status={r.status} />
                        {r.status === 'more_info' && r.reviewNote && <p>{r.reviewNote}</p>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </StaffLayout>
  )
}
