import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { fileHeaders } from '../../platform/files/files.service.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { trainingsT } from './trainings.i18n.js'
import { FILE_KINDS } from './trainings.schema.js'
import { getSession } from './sessions.js'
import { addFile, FILE_RULE, fileBytes, filesOf, removeFile, sessionFile } from './files.js'
import { FilesPage } from './views/files.js'
import { ConfirmPage } from './views/parts.js'

const FileSchema = z.object({ kind: f.choice(FILE_KINDS), caption: f.optionalText(300).transform((v) => v ?? '') })

/** A session's materials and photos: list, upload, download, delete after confirmation. */
export function fileRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/trainings`
  const page = async (c: StaffContext, id: string) => {
    const session = await getSession(ctxOf(c), id)
    const files = await filesOf(ctxOf(c), id)
    return { session, view: (s: FormState) => <FilesPage ctx={pageCtx(c)} base={base(c)} session={session} files={files} {...s} /> }
  }
  app.get('/trainings/:id/files', requirePermission('trainings.read'), async (c) => render(c, (await page(c, uuidParam(c))).view({ values: { kind: 'photo' } })))
  app.post('/trainings/:id/files', requirePermission('trainings.edit'), async (c) => {
    const { session, view } = await page(c, uuidParam(c))
    const L = c.get('lang')
    return formAction(c, {
      schema: FileSchema,
      labels: { kind: trainingsT(L, 'field.kind'), caption: trainingsT(L, 'field.caption'), file: trainingsT(L, 'field.file') },
      files: { file: FILE_RULE },
      view,
      submit: async (data, uploaded) => {
        const file = uploaded.file?.[0]
        await addFile(ctxOf(c), session.id, data, file)
        flash(c, trainingsT(L, 'files.added', { name: file?.name ?? '' }))
        return c.redirect(`${base(c)}/${session.id}/files`, 303)
      },
    })
  })
  app.get('/trainings/:id/files/:fid', requirePermission('trainings.read'), async (c) => {
    const file = await fileBytes(ctxOf(c), uuidParam(c), uuidParam(c, 'fid'))
    return c.body(new Uint8Array(file.data), 200, fileHeaders(file))
  })
  const confirm = async (c: StaffContext, errors?: Record<string, string>) => {
    const id = uuidParam(c)
    const row = await sessionFile(ctxOf(c), id, uuidParam(c, 'fid'))
    const name = (await filesOf(ctxOf(c), id)).find((x) => x.id === row.id)?.meta?.name ?? ''
    return <ConfirmPage ctx={pageCtx(c)} title={trainingsT(c.get('lang'), 'files.deleteTitle', { name })} intro={trainingsT(c.get('lang'), 'files.deleteIntro')} action={`${base(c)}/${id}/files/${row.id}/delete`} back={`${base(c)}/${id}/files`} errors={errors} />
  }
  app.get('/trainings/:id/files/:fid/delete', requirePermission('trainings.edit'), async (c) => render(c, await confirm(c)))
  app.post('/trainings/:id/files/:fid/delete', requirePermission('trainings.edit'), async (c) => {
    const id = uuidParam(c)
    const fid = uuidParam(c, 'fid')
    await sessionFile(ctxOf(c), id, fid)
    try {
      await removeFile(ctxOf(c), id, fid)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await confirm(c, failed.errors), failed.status)
    }
    flash(c, trainingsT(c.get('lang'), 'files.removed'))
    return c.redirect(`${base(c)}/${id}/files`, 303)
  })
  return app
}
