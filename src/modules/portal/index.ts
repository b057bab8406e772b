// The portal module's read API for other modules (queries and types; no views, no routes).
export { publicEvidence, type PublicEvidence, getPublicFile, getProfile } from './portal.service.js'
export { trailTo } from './menu.js'
export { POST_CATEGORIES, DOC_CATEGORIES, type PostCategory, type DocCategory } from './portal.schema.js'
