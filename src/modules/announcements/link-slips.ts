import type { StaffContext } from '../../platform/http/context.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import type { IssuedLink } from './link-mail.js'
import type { LinkSlip } from './views/links.js'

export type LinkPath = 'announcements/ack' | 'manuals/ack'

/** The public URL of a link's token (the address mailed and printed). */
export const linkUrlOf = (c: StaffContext, path: LinkPath) => (token: string) => `${publicOrigin(c)}/o/${c.get('org').slug}/${path}/${token}`

/** One printable slip per issued link: the person, their units, the public URL of the link, its QR code and whether it was mailed. */
export async function linkSlips(c: StaffContext, issued: IssuedLink[], path: LinkPath): Promise<LinkSlip[]> {
  const unitName = new Map((await listUnitsOf(c.get('deps').db, c.get('org').id)).map((u) => [u.id, u.nameTh]))
  const urlOf = linkUrlOf(c, path)
  return Promise.all(
    issued.map(async ({ person, token, mailedTo }) => {
      const url = urlOf(token)
      return { name: person.fullName, units: person.unitIds.map((u) => unitName.get(u) ?? '').filter(Boolean).join(', '), url, qrSvg: await linkQrSvg(url), mailedTo }
    }),
  )
}
