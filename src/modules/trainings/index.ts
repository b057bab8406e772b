// The trainings module's read API for other modules (queries and types; no views, no routes).
export { publicSessions, type PublicSession } from './sessions.js'
export type { Session, SessionStatus, Attendee } from './trainings.schema.js'
