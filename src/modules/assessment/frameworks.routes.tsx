import { Hono } from 'hono'
import type { PlatformContext, PlatformEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, readForm, type FormState } from '../../platform/http/forms.js'
import { requirePlatformAdmin } from '../../platform/http/guards.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { at } from './assessment.i18n.js'
import { frameworkAt, frameworkYears, listFrameworkVersions, saveFrameworkVersion } from './frameworks.service.js'
import { frameworkForm, inBoth } from './forms.js'
import { FrameworksPage, type FrameworkFormState, type FrameworkYear } from './views/frameworks.js'

/** The platform admin's frameworks: every year's versions, a version's JSON, and adding a version. */
export function frameworkPlatformRoutes() {
  const app = new Hono<PlatformEnv>()
  app.use('/frameworks', requirePlatformAdmin())
  app.use('/frameworks/*', requirePlatformAdmin())
  const years = async (c: PlatformContext): Promise<FrameworkYear[]> => {
    const db = c.get('deps').db
    return Promise.all((await frameworkYears(db)).map(async (year) => ({ year, versions: await listFrameworkVersions(db, year) })))
  }
  const page = async (c: PlatformContext, state?: FrameworkFormState) => <FrameworksPage ctx={pageCtx(c)} years={await years(c)} state={state} />

  app.get('/frameworks', async (c) => render(c, await page(c)))

  // One segment "2.json": a regex parameter followed by a literal suffix never matched in Hono.
  app.get('/frameworks/:year{[0-9]{4}}/:file{[0-9]{1,6}\\.json}', async (c) => {
    const fw = await frameworkAt(c.get('deps').db, Number(c.req.param('year')), Number(c.req.param('file').slice(0, -'.json'.length)))
    if (!fw) throw new AppError('not_found', 404)
    return c.body(JSON.stringify(fw.framework, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${fw.fiscalYear}-v${fw.version}.json"` })
  })

  app.post('/frameworks', async (c) => {
    let problems: string[] | undefined // every problem found in the JSON, listed under the summary
    return formAction(c, {
      ...frameworkForm(c.get('lang')),
      view: (state: FormState) => page(c, { ...state, problems }),
      submit: async ({ json: pasted, note }) => {
        // The JSON file is read as text and checked by the framework schema: JSON has no content
        // type to detect. (A file over the upload limit was already refused by parseForm.)
        const f = (await readForm(c)).files.file?.[0]
        const json = f ? await f.text() : pasted
        const field = f ? 'file' : 'json'
        if (!json) throw new InputError({ json: inBoth('fw.missing') })
        const r = await saveFrameworkVersion(ctxOf(c), { json, note })
        if (!r.ok) {
          problems = r.errors
          throw new InputError({ [field]: inBoth('fw.invalid', { count: r.errors.length }) })
        }
        flash(c, at(c.get('lang'), 'fw.saved', { year: r.fiscalYear, version: r.version }))
        return c.redirect('/admin/frameworks', 303)
      },
    })
  })
  return app
}
