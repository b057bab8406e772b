import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const assetsPermissions = definePermissions({
  'assets.read': { label: { th: 'ดูทะเบียนครุภัณฑ์', en: 'See the asset register' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'assets.edit': { label: { th: 'บันทึกและแก้ไขทะเบียนครุภัณฑ์', en: 'Record and edit the asset register' }, roles: ['agency_admin', 'officer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof assetsPermissions> {}
}
