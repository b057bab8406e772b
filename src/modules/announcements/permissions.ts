import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const announcementsPermissions = definePermissions({
  'announcements.read': { label: { th: 'ดูประกาศและผลการรับทราบ', en: 'See announcements and who acknowledged' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'announcements.edit': { label: { th: 'ร่าง เผยแพร่ ปรับปรุง และยกเลิกประกาศ', en: 'Draft, publish, revise and withdraw announcements' }, roles: ['agency_admin', 'officer'] },
  'announcements.acknowledge': { label: { th: 'รับทราบประกาศที่ตนต้องรับทราบ', en: 'Acknowledge announcements one is asked to' }, roles: ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof announcementsPermissions> {}
}
