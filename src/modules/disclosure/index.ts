// The disclosure module's read API for other modules (queries and types).
export { oitMap, runLinkCheck, type OitMap } from './disclosure.service.js'
export { safeFetch, isPrivateAddress } from './ssrf.js'
export { loadOitFramework } from './framework.js'
export { requestProbe } from './request.js'
