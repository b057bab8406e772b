import type { FormState } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { formatThaiDateTime } from '../../../platform/thai/index.js'
import type { Framework } from '../../../domain/ita/framework.schema.js'
import type { Lang } from '../../../platform/i18n/i18n.js'
import { at } from '../assessment.i18n.js'
import type { ScoreCell } from '../assessment.schema.js'
import type { HistoryEntry, ImportPreview } from '../score-imports.service.js'

/** A cell's name: the indicator, the OIT item or the published tool score. */
export function cellLabel(lang: Lang, fw: Framework, item: string): string {
  if (/^\d+$/.test(item)) return at(lang, 'plans.indicator', { n: item, name: fw.indicators.find((i) => i.number === Number(item))?.nameTh ?? '' })
  if (item.startsWith('tool_')) {
    const code = item.slice(5)
    // A tool ("eit") or one of its parts ("eit.1").
    const t = code.split('.')[0] as keyof Framework['tools']
    const name = code.includes('.') ? fw.tools[t]?.parts?.find((p) => p.code === code)?.nameTh : fw.tools[t]?.nameTh
    return `${at(lang, 'scores.toolEntered')}: ${name ?? ''} (${code.toUpperCase()})`
  }
  const o = fw.oitItems.find((x) => x.code === item)
  return `${item} ${o?.titleTh ?? ''}`.trim()
}

/** A cell's value as shown: a score, มี / ไม่มี, or (ว่าง). */
export function cellValue(lang: Lang, v: string | null): string {
  if (v === null) return at(lang, 'scores.valueEmpty')
  if (v === 'yes') return at(lang, 'scores.oitYes')
  if (v === 'no') return at(lang, 'scores.oitNo')
  return v
}

const CellTable = ({ lang, fw, cells, id }: { lang: Lang; fw: Framework; cells: ScoreCell[]; id: string }) => (
  <div class="table-wrap">
    <table id={id}>
      <thead>
        <tr>
          <th scope="col">{at(lang, 'scores.previewItem')}</th>
          <th scope="col">{at(lang, 'scores.previewOld')}</th>
          <th scope="col">{at(lang, 'scores.previewNew')}</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr>
            <th scope="row">{cellLabel(lang, fw, c.item)}</th>
            <td>{cellValue(lang, c.old)}</td>
            <td>
              <strong>{cellValue(lang, c.new)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
)

/** The preview of a read score sheet: what would change, old → new; confirm or cancel. */
export const ImportPreviewPage = ({ ctx, fw, base, year, preview, state }: { ctx: StaffPageCtx; fw: Framework; base: string; year: number; preview: ImportPreview; state?: FormState | undefined }) => {
  const L = ctx.lang
  const url = `${base}/import/${preview.import.id}`
  return (
    <StaffLayout ctx={ctx} title={at(L, 'scores.previewTitle', { year })}>
      <p>
        <a href={base}>{at(L, 'scores.title', { year })}</a>
      </p>
      <h1>{at(L, 'scores.previewTitle', { year })}</h1>
      <ErrorSummary ctx={ctx} errors={state?.errors} />
      <p>{at(L, 'scores.previewIntro', { file: preview.import.fileName || '–' })}</p>
      <p id="preview-count">
        <strong>{at(L, 'scores.previewCount', { count: preview.changes.length, same: preview.unchanged })}</strong>
      </p>
      {preview.changes.length ? <CellTable lang={L} fw={fw} cells={preview.changes} id="preview-changes" /> : <p class="empty-state">{at(L, 'scores.previewNone')}</p>}
      <p class="muted">{at(L, 'scores.previewExpires', { time: formatThaiDateTime(preview.import.expiresAt, { lang: L }) })}</p>
      <div class="actions">
        {preview.changes.length > 0 && (
          <form method="post" action={`${url}/confirm`} class="inline-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="seen" value={preview.seen} />
            <button type="submit">{at(L, 'scores.confirm', { count: preview.changes.length })}</button>
          </form>
        )}{' '}
        <form method="post" action={`${url}/cancel`} class="inline-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {at(L, 'scores.cancel')}
          </button>
        </form>
      </div>
    </StaffLayout>
  )
}

/** The year's score changes (who, when, old → new); the latest import can be undone. */
export const ScoreHistory = ({ ctx, fw, base, history, state }: { ctx: StaffPageCtx; fw: Framework; base: string; history: HistoryEntry[]; state?: FormState | undefined }) => {
  const L = ctx.lang
  return (
    <>
      <h2 id="history">{at(L, 'scores.history')}</h2>
      <ErrorSummary ctx={ctx} errors={state?.errors} />
      {!history.length && <p class="muted">{at(L, 'scores.historyEmpty')}</p>}
      {history.length > 0 && (
        <div class="table-wrap">
          <table id="score-history">
            <thead>
              <tr>
                <th scope="col">{at(L, 'scores.historyWhen')}</th>
                <th scope="col">{at(L, 'scores.historyWho')}</th>
                <th scope="col">{at(L, 'scores.historySource')}</th>
                <th scope="col">{at(L, 'scores.historyCells')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr>
                  <td>{formatThaiDateTime(h.changedAt, { lang: L })}</td>
                  <td>{h.who ?? '–'}</td>
                  <td>
                    {at(L, `scores.source.${h.source}`)}
                    {h.source === 'import' && h.importStatus === 'undone' && <span class="badge"> {at(L, 'scores.undoneBadge')}</span>}
                    {h.undoable && ctx.can('assessment.edit') && (
                      <form method="post" action={`${base}/imports/${h.importId}/undo`}>
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="secondary">
                          {at(L, 'scores.undo')}
                        </button>
                      </form>
                    )}
                  </td>
                  <td>
                    <ul class="cell-changes">
                      {h.cells.map((c) => (
                        <li>
                          {cellLabel(L, fw, c.item)}: {cellValue(L, c.old)} → {cellValue(L, c.new)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
