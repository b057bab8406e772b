export { encrypt, decrypt, DecryptionError, KEY_LENGTH, type DecryptionFailure } from './aead.js'
export {
  parseMasterKeys,
  loadMasterKeys,
  currentMasterKey,
  generateMasterKeyEntry,
  ensureKeyFile,
  generateDataKey,
  wrapDataKey,
  unwrapDataKey,
  rewrapDataKey,
  type MasterKeys,
  type MasterKeySource,
  type WrappedDataKey,
} from './keyring.js'
export { seal, openSealed } from './sealed.js'
export { randomToken, sha256Hex, hmacSha256, timingSafeEqualStr, tokenHash, TOKEN_SHAPE } from './tokens.js'
