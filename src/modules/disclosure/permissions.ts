import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const disclosurePermissions = definePermissions({
  'oit.read': { label: { th: 'ดูความพร้อมการเปิดเผยข้อมูล OIT', en: 'See OIT readiness' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'oit.edit': { label: { th: 'บันทึกคำอธิบายและลิงก์หลักฐาน OIT', en: 'Record OIT explanations and links' }, roles: ['agency_admin', 'officer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof disclosurePermissions> {}
}
