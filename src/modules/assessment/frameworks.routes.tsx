import { Hono } from 'hono'
import type { PlatformContext, PlatformEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { readForm } from '../../platform/http/forms.js'
import { requirePlatformAdmin } from '../../platform/http/guards.js'
import { AppError } from '../../platform/http/errors.js'
import { CsrfField, PlatformLayout } from '../../platform/ui/layout.js'
import { TextArea, TextField } from '../../platform/ui/fields.js'
import { flash, pageCtx, type PageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { formatThaiDateTime } from '../../platform/thai/index.js'
import { at } from './assessment.i18n.js'
import { frameworkAt, frameworkYears, listFrameworkVersions, saveFrameworkVersion } from './frameworks.service.js'

type YearRow = { year: number; versions: Awaited<ReturnType<typeof listFrameworkVersions>> }

const FrameworksPage = (p: { ctx: PageCtx; years: YearRow[]; errors?: string[]; json?: string; note?: string }) => {
  const { ctx } = p
  const lang = ctx.lang
  return (
    <PlatformLayout ctx={ctx} title={at(lang, 'fw.title')}>
      <h1>{at(lang, 'fw.title')}</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{at(lang, 'ita.years')}</th>
              <th scope="col">{at(lang, 'fw.versions')}</th>
            </tr>
          </thead>
          <tbody>
            {p.years.map((y) => (
              <tr>
                <th scope="row">{y.year}</th>
                <td>
                  <ul>
                    {y.versions.map((v, i) => (
                      <li>
                        <a href={`/admin/frameworks/${y.year}/${v.version}.json`}>{at(lang, 'fw.version', { version: v.version })}</a>
                        {v.builtIn && ` (${at(lang, 'fw.builtIn')})`}
                        {i === 0 && ` — ${at(lang, 'fw.current')}`}
                        {v.createdAt && <span class="muted"> {formatThaiDateTime(v.createdAt, { lang })}</span>}
                        {v.note && <span class="muted"> {v.note}</span>}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{at(lang, 'fw.add')}</h2>
      <p>{at(lang, 'fw.addHint')}</p>
      {p.errors && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h3>{at(lang, 'scores.importFailed', { count: p.errors.length })}</h3>
          <ul>
            {p.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action="/admin/frameworks" enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="file">{at(lang, 'fw.file')}</label>
          <input id="file" name="file" type="file" accept=".json,application/json" />
        </div>
        <TextArea name="json" label={at(lang, 'fw.json')} values={{ json: p.json ?? '' }} rows={8} />
        <TextField name="note" label={at(lang, 'fw.note')} values={{ note: p.note ?? '' }} />
        <button type="submit">{at(lang, 'fw.save')}</button>
      </form>
    </PlatformLayout>
  )
}

export function frameworkPlatformRoutes() {
  const app = new Hono<PlatformEnv>()
  app.use('/frameworks', requirePlatformAdmin())
  app.use('/frameworks/*', requirePlatformAdmin())
  const years = async (c: PlatformContext): Promise<YearRow[]> => {
    const db = c.get('deps').db
    return Promise.all((await frameworkYears(db)).map(async (year) => ({ year, versions: await listFrameworkVersions(db, year) })))
  }
  app.get('/frameworks', async (c) => render(c, <FrameworksPage ctx={pageCtx(c)} years={await years(c)} />))
  app.get('/frameworks/:year{[0-9]{4}}/:version{[0-9]+}.json', async (c) => {
    const fw = await frameworkAt(c.get('deps').db, Number(c.req.param('year')), Number(c.req.param('version')))
    if (!fw) throw new AppError('not_found', 404)
    return c.body(JSON.stringify(fw.framework, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${fw.fiscalYear}-v${fw.version}.json"` })
  })
  app.post('/frameworks', async (c) => {
    const { values, files } = await readForm(c)
    const f = files.file?.[0]
    const pasted = typeof values.json === 'string' ? values.json.trim() : ''
    const note = typeof values.note === 'string' ? values.note.trim().slice(0, 500) : ''
    const json = f ? await f.text() : pasted
    const lang = c.get('lang')
    if (!json) return render(c, <FrameworksPage ctx={pageCtx(c)} years={await years(c)} errors={[at(lang, 'fw.missing')]} note={note} />, 422)
    const r = await saveFrameworkVersion(ctxOf(c), { json, note: note || undefined })
    if (!r.ok) return render(c, <FrameworksPage ctx={pageCtx(c)} years={await years(c)} errors={r.errors} json={f ? '' : pasted} note={note} />, 422)
    flash(c, at(lang, 'fw.saved', { year: r.fiscalYear, version: r.version }))
    return c.redirect('/admin/frameworks', 303)
  })
  return app
}
