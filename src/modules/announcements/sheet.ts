import { sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { AppError } from '../../platform/http/errors.js'
import type { Announcement, AckVia } from './announcements.schema.js'
import { getAnnouncement } from './announcements.service.js'

// The acknowledgement sheet (ใบรับทราบ): everyone asked to acknowledge the current version, by
// unit and name, with the day each acknowledged and how; those still missing get blank lines to
// sign on paper (staff then record them back: recordPaperAcks). Rendered as PDF and DOCX.

export type SheetRow = { personId: string; fullName: string; position: string; units: string; acknowledgedAt: Date | null; via: AckVia | null }
/** Who is on a sheet (an announcement's or a manual's) and for which agency. */
export type AckSheetBase = { agency: { name: string; thaiDigits: boolean }; rows: SheetRow[]; acknowledged: number }
export type AckSheet = AckSheetBase & { a: Announcement }

/** The sheet of a published or withdrawn announcement that asks for acknowledgement (404 otherwise). */
export async function ackSheet(ctx: OrgUseCaseCtx, id: string, agency: AckSheet['agency']): Promise<AckSheet> {
  assertCan(ctx.actor, 'announcements.read')
  const a = await getAnnouncement(ctx, id)
  if (a.status === 'draft' || a.ackScope === 'none') throw new AppError('not_found', 404)
  const rows = await inOrg(ctx.db, ctx.orgId, (tx) =>
    tx.execute<{ person_id: string; full_name: string; position: string | null; units: string | null; first_unit: number | null; acknowledged_at: Date | string | null; via: AckVia | null }>(sql`
      SELECT p.id AS person_id, p.full_name, p.position, k.acknowledged_at, k.via,
        (SELECT string_agg(u.name_th, ', ' ORDER BY u.sort_order, u.name_th) FROM person_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.person_id = p.id) AS units,
        (SELECT min(u.sort_order) FROM person_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.person_id = p.id) AS first_unit
      FROM announcement_recipients r
      JOIN people p ON p.id = r.person_id
      LEFT JOIN announcement_acks k ON k.announcement_id = r.announcement_id AND k.version = ${a.version} AND k.person_id = r.person_id
      WHERE r.announcement_id = ${a.id}
      ORDER BY first_unit NULLS LAST, units NULLS LAST, p.full_name, p.id`),
  )
  const list: SheetRow[] = rows.rows.map((r) => ({
    personId: r.person_id,
    fullName: r.full_name,
    position: r.position ?? '',
    units: r.units ?? '',
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
    via: r.via,
  }))
  return { a, agency, rows: list, acknowledged: list.filter((r) => r.acknowledgedAt).length }
}
