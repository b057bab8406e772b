import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const trainingsPermissions = definePermissions({
  'trainings.read': { label: { th: 'ดูการฝึกอบรม ผู้เข้าอบรม และผลการอบรม', en: 'See trainings, attendance and results' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'trainings.edit': { label: { th: 'จัดการฝึกอบรม: ผู้สมัคร การเข้าอบรม แบบทดสอบ และรายงานผล', en: 'Run trainings: sign-up, attendance, tests and reports' }, roles: ['agency_admin', 'officer'] },
  'trainings.checkin': { label: { th: 'ลงชื่อเข้าอบรมและทำแบบทดสอบด้วยตนเอง', en: 'Check in to a training and answer its tests' }, roles: ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof trainingsPermissions> {}
}
