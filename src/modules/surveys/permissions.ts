import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const surveysPermissions = definePermissions({
  'surveys.read': { label: { th: 'ดูแบบสำรวจและผลสำรวจ', en: 'See surveys and their results' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'surveys.edit': { label: { th: 'จัดทำ เปิด ปิดแบบสำรวจ ออกลิงก์ และบันทึกแบบสำรวจกระดาษ', en: 'Build, open and close surveys, issue links, key in paper answers' }, roles: ['agency_admin', 'officer'] },
  // Free-text answers can name people: fewer roles read them.
  'surveys.comments': { label: { th: 'อ่านข้อเสนอแนะที่ผู้ตอบเขียน', en: 'Read the free-text answers' }, roles: ['agency_admin', 'executive', 'officer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof surveysPermissions> {}
}
