import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import { CheckboxGroup, TableWrap } from '../../../platform/ui/fields.js'
import { announcementsT } from '../announcements.i18n.js'
import type { AckProgress } from '../acknowledgement.js'
import { countText, percentText } from './shared.js'

/** % acknowledged per unit, who is missing, and (for editors) links/QR and paper acknowledgements. */
export const ProgressSection = (p: { ctx: StaffPageCtx; action: string; progress: AckProgress; canEdit: boolean; open: boolean } & FormState) => {
  const L = p.ctx.lang
  const g = p.progress
  return (
    <section aria-labelledby="ack">
      <h2 id="ack">{announcementsT(L, 'ack.title')}</h2>
      <p id="ack-summary">{announcementsT(L, 'ack.summary', { done: countText(p.ctx, g.acknowledged), asked: countText(p.ctx, g.asked), pct: percentText(p.ctx, g.acknowledged, g.asked) })}</p>
      <TableWrap label={announcementsT(L, 'ack.title')}>
        <table id="ack-units">
          <thead>
            <tr>
              <th scope="col">{announcementsT(L, 'ack.unit')}</th>
              <th scope="col" class="num">{announcementsT(L, 'ack.asked')}</th>
              <th scope="col" class="num">{announcementsT(L, 'ack.done')}</th>
              <th scope="col" class="num">{announcementsT(L, 'ack.pct')}</th>
            </tr>
          </thead>
          <tbody>
            {g.units.map((u) => (
              <tr>
                <th scope="row">{u.unitName ?? announcementsT(L, 'ack.noUnit')}</th>
                <td class="num">{countText(p.ctx, u.asked)}</td>
                <td class="num">{countText(p.ctx, u.acknowledged)}</td>
                <td class="num">{percentText(p.ctx, u.acknowledged, u.asked)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{announcementsT(L, 'ack.missing')}</h3>
      {g.missing.length === 0 ? (
        <p>{announcementsT(L, 'ack.allDone')}</p>
      ) : (
        <ul id="ack-missing">
          {g.missing.map((m) => (
            <li>
              {m.fullName}
              {m.position ? ` (${m.position})` : ''} {m.units ? `— ${m.units}` : ''} {!m.hasAccount && <span class="muted">[{announcementsT(L, 'ack.noAccount')}]</span>}
            </li>
          ))}
        </ul>
      )}
      <AckActions ctx={p.ctx} action={p.action} missing={p.canEdit && p.open ? g.missing : []} values={p.values} errors={p.errors} />
    </section>
  )
}

/**
 * What staff do for those not yet acknowledged (of an announcement or a manual): print the paper
 * sheet, issue single-use links, record signatures from paper. `missing` empty = nothing to issue or record.
 */
export const AckActions = (p: { ctx: StaffPageCtx; action: string; missing: { personId: string; fullName: string }[] } & FormState) => {
  const L = p.ctx.lang
  return (
    <>
      <h3>{announcementsT(L, 'sheet.print')}</h3>
      <p class="muted">{announcementsT(L, 'sheet.hint')}</p>
      <ul class="actions" id="ack-sheet">
        <li>
          <a href={`${p.action}/sheet.pdf`}>{announcementsT(L, 'sheet.pdf')}</a>
        </li>
        <li>
          <a href={`${p.action}/sheet.docx`}>{announcementsT(L, 'sheet.docx')}</a>
        </li>
      </ul>
      {p.missing.length > 0 && (
        <>
          <form method="post" action={`${p.action}/links`} class="actions">
            <CsrfField ctx={p.ctx} />
            <button type="submit" class="secondary">
              {announcementsT(L, 'links.issue')}
            </button>
            <button type="submit" class="secondary" name="all" value="1">
              {announcementsT(L, 'links.issueAll')}
            </button>
          </form>
          <form method="post" action={`${p.action}/paper`} novalidate>
            <CsrfField ctx={p.ctx} />
            <CheckboxGroup name="personIds" label={announcementsT(L, 'paper.field')} values={p.values} errors={p.errors} options={p.missing.map((m) => ({ value: m.personId, label: m.fullName }))} />
            <button type="submit" class="secondary">
              {announcementsT(L, 'paper.save')}
            </button>
          </form>
        </>
      )}
    </>
  )
}
