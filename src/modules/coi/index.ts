// The coi module's read API for other modules (queries and types; no views, no routes).
// Procurement reads a committee's declared interests and matches its bidders with the pure matcher;
// the flags it raises are its own (coi never imports procurement).
export { declaredInterests } from './declarations.js'
export { matchParties, normalizeThaiName, normalizeJuristicId, parsePartyLines, type DeclaredInterest, type Party, type PartyMatch, type InterestKind, type Relation } from './matcher.js'
export type { DeclarationKind, DeclarationStatus } from './coi.schema.js'
