import { sql } from 'drizzle-orm'
import { inOrg } from '../db/client.js'
import type { AppDeps } from '../platform/http/context.js'
import { orgs, units, type OrgKind, type UnitKind } from '../platform/orgs/orgs.schema.js'
import { users, userUnits } from '../platform/auth/auth.schema.js'
import { loadDemoPeople } from './demo-people.js'
import { hashPassword } from '../platform/auth/passwords.js'
import { appendAudit } from '../platform/audit/audit.js'

// The demo agencies (the seed's municipality and a neighbour), their people and accounts; each
// module then loads its own demo content through its manifest.
const DEMO_ROLES = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] as const
type Role = (typeof DEMO_ROLES)[number] | 'platform_admin'

/** Known only to demo installs (DEMO=on); a real deployment creates its first admin with `npm run admin:create`. */
export const DEMO_PASSWORD = 'prongsai-demo-2566'

type DemoOrg = {
  slug: string
  nameTh: string
  nameEn: string
  kind: OrgKind
  province: string
  district: string
  subdistrict: string
  contact: { phone: string; email: string; address: string; officeHours: string }
  units: { nameTh: string; nameEn: string; kind: UnitKind }[]
  people: Record<(typeof DEMO_ROLES)[number], { name: string; position: string; unit?: string }>
}

export const DEMO_ORGS: DemoOrg[] = [
  {
    slug: 'phanomrung',
    nameTh: 'เทศบาลตำบลพนมรุ้ง',
    nameEn: 'Phanom Rung Subdistrict Municipality',
    kind: 'subdistrict_municipality',
    province: 'บุรีรัมย์',
    district: 'เฉลิมพระเกียรติ',
    subdistrict: 'ตาเป๊ก',
    contact: { phone: '044-000-000', email: 'saraban@phanomrung.example', address: 'ตำบลตาเป๊ก อำเภอเฉลิมพระเกียรติ จังหวัดบุรีรัมย์ 31110', officeHours: 'จันทร์–ศุกร์ 08.30–16.30 น.' },
    units: [
      { nameTh: 'สำนักปลัดเทศบาล', nameEn: 'Office of the Municipal Clerk', kind: 'office' },
      { nameTh: 'กองคลัง', nameEn: 'Finance Division', kind: 'division' },
      { nameTh: 'กองช่าง', nameEn: 'Public Works Division', kind: 'division' },
      { nameTh: 'กองการศึกษา', nameEn: 'Education Division', kind: 'division' },
      { nameTh: 'งานนิติการ', nameEn: 'Legal Affairs Section', kind: 'section' },
      { nameTh: 'งานพัสดุ', nameEn: 'Procurement Section', kind: 'section' },
      { nameTh: 'งานประชาสัมพันธ์', nameEn: 'Public Relations Section', kind: 'section' },
    ],
    people: {
      agency_admin: { name: 'สมศรี ดูแลระบบ', position: 'นักวิชาการคอมพิวเตอร์', unit: 'สำนักปลัดเทศบาล' },
      executive: { name: 'สมชาย ผู้บริหาร', position: 'นายกเทศมนตรีตำบลพนมรุ้ง' },
      officer: { name: 'วิภา ปฏิบัติการ', position: 'นักวิเคราะห์นโยบายและแผน', unit: 'สำนักปลัดเทศบาล' },
      complaints_officer: { name: 'ประเสริฐ นิติกร', position: 'นิติกร', unit: 'งานนิติการ' },
      viewer: { name: 'มานี ผู้ติดตาม', position: 'ผู้ช่วยเจ้าหน้าที่ธุรการ', unit: 'กองคลัง' },
    },
  },
  {
    slug: 'tapek',
    nameTh: 'องค์การบริหารส่วนตำบลตาเป๊ก',
    nameEn: 'Ta Pek Subdistrict Administrative Organization',
    kind: 'subdistrict_admin_org',
    province: 'บุรีรัมย์',
    district: 'เฉลิมพระเกียรติ',
    subdistrict: 'ตาเป๊ก',
    contact: { phone: '044-000-001', email: 'saraban@tapek.example', address: 'ตำบลตาเป๊ก อำเภอเฉลิมพระเกียรติ จังหวัดบุรีรัมย์ 31110', officeHours: 'จันทร์–ศุกร์ 08.30–16.30 น.' },
    units: [
      { nameTh: 'สำนักปลัด', nameEn: 'Office of the Chief Administrator', kind: 'office' },
      { nameTh: 'กองคลัง', nameEn: 'Finance Division', kind: 'division' },
      { nameTh: 'กองช่าง', nameEn: 'Public Works Division', kind: 'division' },
      { nameTh: 'งานนิติการ', nameEn: 'Legal Affairs Section', kind: 'section' },
    ],
    people: {
      agency_admin: { name: 'อารีย์ ดูแลระบบ', position: 'เจ้าพนักงานธุรการ', unit: 'สำนักปลัด' },
      executive: { name: 'บุญมี ผู้บริหาร', position: 'นายกองค์การบริหารส่วนตำบลตาเป๊ก' },
      officer: { name: 'สุดา ปฏิบัติการ', position: 'นักจัดการงานทั่วไป', unit: 'สำนักปลัด' },
      complaints_officer: { name: 'วิชัย นิติกร', position: 'นิติกร', unit: 'งานนิติการ' },
      viewer: { name: 'ปรีชา ผู้ติดตาม', position: 'ผู้ช่วยเจ้าหน้าที่', unit: 'กองคลัง' },
    },
  },
]

export type DemoAccount = { email: string; password: string; role: Role; orgSlug: string | null; loginUrl: string }

export function demoEmail(role: Role, slug: string | null): string {
  return slug ? `${role.replace('_', '-')}@${slug}.example` : 'platform-admin@prongsai.example'
}

/** Loads the demo agencies once, into an empty database. Returns the accounts, or null if data exists. */
export async function loadDemoIfEmpty(deps: AppDeps): Promise<DemoAccount[] | null> {
  const [{ n } = { n: 0 }] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(orgs)
  if (n > 0) return null
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const accounts: DemoAccount[] = []

  await inOrg(deps.db, null, async (tx) => {
    const email = demoEmail('platform_admin', null)
    const [u] = await tx.insert(users).values({ orgId: null, email, displayName: 'ผู้ดูแลระบบกลาง', role: 'platform_admin', passwordHash }).returning()
    await appendAudit(tx, { orgId: null, action: 'demo.load', entityType: 'user', entityId: u!.id, actorLabel: 'demo' })
    accounts.push({ email, password: DEMO_PASSWORD, role: 'platform_admin', orgSlug: null, loginUrl: '/login' })
  })

  for (const d of DEMO_ORGS) {
    const [org] = await deps.db
      .insert(orgs)
      .values({ slug: d.slug, nameTh: d.nameTh, nameEn: d.nameEn, kind: d.kind, province: d.province, district: d.district, subdistrict: d.subdistrict, settings: { thaiNumerals: true, contact: d.contact } })
      .returning()
    if (!org) throw new Error('demo org insert failed')
    await inOrg(deps.db, org.id, async (tx) => {
      const unitRows = await tx
        .insert(units)
        .values(d.units.map((u, i) => ({ orgId: org.id, nameTh: u.nameTh, nameEn: u.nameEn, kind: u.kind, sortOrder: i + 1 })))
        .returning()
      const accountOf = new Map<string, string>()
      for (const role of DEMO_ROLES) {
        const p = d.people[role]
        const email = demoEmail(role, d.slug)
        const [u] = await tx.insert(users).values({ orgId: org.id, email, displayName: p.name, position: p.position, role, passwordHash }).returning()
        const unit = unitRows.find((x) => x.nameTh === p.unit)
        if (unit && u) await tx.insert(userUnits).values({ orgId: org.id, userId: u.id, unitId: unit.id })
        if (u) accountOf.set(role, u.id)
        accounts.push({ email, password: DEMO_PASSWORD, role, orgSlug: d.slug, loginUrl: `/o/${d.slug}/login` })
      }
      await loadDemoPeople(tx, org.id, d.slug, accountOf)
      await appendAudit(tx, { orgId: org.id, action: 'demo.load', entityType: 'org', entityId: org.id, actorLabel: 'demo' })
    })
    for (const m of deps.registry.modules) if (m.demo) await m.demo(deps, { id: org.id, slug: org.slug })
  }
  return accounts
}
