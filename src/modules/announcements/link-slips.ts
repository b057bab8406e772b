import type { StaffContext } from '../../platform/http/context.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import type { Person } from '../../platform/people/directory.js'
import type { LinkSlip } from './views/links.js'

/** One printable slip per issued link: the person, their units, the public URL of the link and its QR code. */
export async function linkSlips(c: StaffContext, issued: { person: Person; token: string }[], path: 'announcements/ack' | 'manuals/ack'): Promise<LinkSlip[]> {
  const unitName = new Map((await listUnitsOf(c.get('deps').db, c.get('org').id)).map((u) => [u.id, u.nameTh]))
  const origin = publicOrigin(c)
  return Promise.all(
    issued.map(async ({ person, token }) => {
      const url = `${origin}/o/${c.get('org').slug}/${path}/${token}`
      return { name: person.fullName, units: person.unitIds.map((u) => unitName.get(u) ?? '').filter(Boolean).join(', '), url, qrSvg: await linkQrSvg(url) }
    }),
  )
}
