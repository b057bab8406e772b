export * from './tokens.js'
export * from './keyring.js'
export * from './sealed.js'
