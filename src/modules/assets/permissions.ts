import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const assetsPermissions = definePermissions({
  'assets.read': { label: { th: 'ดูทะเบียนครุภัณฑ์', en: 'See the asset register' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'assets.edit': { label: { th: 'บันทึกและแก้ไขทะเบียนครุภัณฑ์', en: 'Record and edit the asset register' }, roles: ['agency_admin', 'officer'] },
  'assets.borrow': { label: { th: 'ขอยืมครุภัณฑ์ (เจ้าหน้าที่)', en: 'Ask to borrow an asset (staff)' }, roles: ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] },
  'assets.lend': { label: { th: 'ดูแลการยืม: ส่งมอบและรับคืนครุภัณฑ์', en: 'Run loans: hand over and take back assets' }, roles: ['agency_admin', 'officer'] },
  'assets.approve': { label: { th: 'อนุมัติหรือไม่อนุมัติการยืม (ผู้มีอำนาจ)', en: 'Approve or refuse loans (the authorised person)' }, roles: ['agency_admin', 'executive'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof assetsPermissions> {}
}
