import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const meetingsPermissions = definePermissions({
  'meetings.read': { label: { th: 'ดูการประชุมและรายงานการประชุม', en: 'See meetings and minutes' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'meetings.edit': { label: { th: 'จัดการประชุม ระเบียบวาระ ผู้เข้าประชุม และรายงานการประชุม', en: 'Run meetings: agenda, attendance and minutes' }, roles: ['agency_admin', 'officer'] },
  'meetings.checkin': { label: { th: 'ลงชื่อเข้าประชุมด้วยตนเอง (QR)', en: 'Check in to a meeting (QR)' }, roles: ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof meetingsPermissions> {}
}
