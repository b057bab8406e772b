import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const portalPermissions = definePermissions({
  'portal.read': { label: { th: 'ดูเนื้อหาเว็บไซต์หน่วยงาน', en: 'See the agency site’s content' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'portal.edit': { label: { th: 'แก้ไขเนื้อหาเว็บไซต์หน่วยงาน', en: 'Edit the agency site' }, roles: ['agency_admin', 'officer'] },
  'portal.moderate': { label: { th: 'ตอบและจัดการกระดานถาม-ตอบ', en: 'Answer and moderate Q&A' }, roles: ['agency_admin', 'officer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof portalPermissions> {}
}
