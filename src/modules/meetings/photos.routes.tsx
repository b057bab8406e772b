import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { fileHeaders } from '../../platform/files/files.service.js'
import type { StoredFile } from '../../platform/files/files.schema.js'
import { ConfirmDeletePage } from '../../platform/ui/confirm.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { meetingsT } from './meetings.i18n.js'
import { getMeeting } from './meetings.service.js'
import { addPhoto, deletePhoto, getPhoto, photoFile, PHOTO_RULE, publicPhotoFile } from './photos.js'
import { PhotoForm } from './views/photos.js'

const baseOf = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/meetings`
export const PhotoSchema = z.object({ caption: f.text(300) })
const serve = (c: Context, file: StoredFile) => c.body(new Uint8Array(file.data), 200, { ...fileHeaders(file), 'Cache-Control': 'no-store' })

/** Photos of a meeting: upload (multipart, checked by content), the image, delete after confirmation. */
export function photoRoutes() {
  const app = new Hono<StaffEnv>()
  const base = baseOf

  const form = async (c: StaffContext) => {
    const meeting = await getMeeting(ctxOf(c), uuidParam(c))
    return { meeting, view: (s: FormState) => <PhotoForm ctx={pageCtx(c)} base={base(c)} meeting={meeting} action={`${base(c)}/${meeting.id}/photos/new`} {...s} /> }
  }
  app.get('/meetings/:id/photos/new', requirePermission('meetings.edit'), async (c) => render(c, (await form(c)).view({})))
  app.post('/meetings/:id/photos/new', requirePermission('meetings.edit'), async (c) => {
    const { meeting, view } = await form(c) // 404 before reading the body
    const L = c.get('lang')
    return formAction(c, {
      schema: PhotoSchema,
      labels: { photo: meetingsT(L, 'field.photo'), caption: meetingsT(L, 'field.caption') },
      files: { photo: PHOTO_RULE },
      view,
      submit: async (data, files) => {
        const photo = await addPhoto(ctxOf(c), meeting.id, data, files.photo![0]!)
        flash(c, meetingsT(L, 'photo.added', { caption: photo.caption }))
        return c.redirect(`${base(c)}/${meeting.id}#photos`, 303)
      },
    })
  })

  app.get('/meetings/:id/photos/:photoId', requirePermission('meetings.read'), async (c) => serve(c, await photoFile(ctxOf(c), uuidParam(c), uuidParam(c, 'photoId'))))

  app.get('/meetings/:id/photos/:photoId/delete', requirePermission('meetings.edit'), async (c) => {
    const photo = await getPhoto(ctxOf(c), uuidParam(c), uuidParam(c, 'photoId'))
    const L = c.get('lang')
    const url = `${base(c)}/${photo.meetingId}`
    return render(
      c,
      <ConfirmDeletePage ctx={pageCtx(c)} title={meetingsT(L, 'photo.deleteTitle', { caption: photo.caption })} intro={meetingsT(L, 'delete.intro')} action={`${url}/photos/${photo.id}/delete`} button={meetingsT(L, 'delete.confirm')} cancelHref={`${url}#photos`} />,
    )
  })
  app.post('/meetings/:id/photos/:photoId/delete', requirePermission('meetings.edit'), async (c) => {
    const photo = await deletePhoto(ctxOf(c), uuidParam(c), uuidParam(c, 'photoId'))
    flash(c, meetingsT(c.get('lang'), 'photo.deleted', { caption: photo.caption }))
    return c.redirect(`${base(c)}/${photo.meetingId}#photos`, 303)
  })
  return app
}

/** The image of a photo of a public meeting (404 unless the meeting is public and not cancelled). */
export function photoPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/meetings/:id/photos/:photoId', async (c) => serve(c, await publicPhotoFile(c.get('deps').db, c.get('org').id, uuidParam(c), uuidParam(c, 'photoId'))))
  return app
}
