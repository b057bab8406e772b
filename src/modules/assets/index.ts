// The assets module's read API for other modules (queries and types; no views, no routes).
export { publicLendable, type PublicAsset } from './assets.service.js'
export type { AssetItem, AssetStatus } from './assets.schema.js'
