import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

// The register names people and what they were given: only those who keep it or decide on it read it.
export const giftsPermissions = definePermissions({
  'gifts.read': { label: { th: 'ดูทะเบียนของขวัญและการรายงาน', en: 'See the gift register and returns' }, roles: ['agency_admin', 'executive', 'officer'] },
  'gifts.edit': { label: { th: 'บันทึกและแก้ไขทะเบียนของขวัญ', en: 'Record and edit gifts' }, roles: ['agency_admin', 'officer'] },
  'gifts.report': { label: { th: 'เปิดรอบรายงาน ออกลิงก์ และเผยแพร่รายงานราย 6 เดือน', en: 'Open rounds, issue links and publish the six-monthly report' }, roles: ['agency_admin', 'officer'] },
  'gifts.self': { label: { th: 'แจ้งไม่ได้รับของขวัญของตนเอง', en: 'File one’s own nil return' }, roles: ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof giftsPermissions> {}
}
