import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP-recommended parameters (19 MiB, 2 passes); ~35 ms on this hardware.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax) */, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export const MIN_PASSWORD_LENGTH = 10

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

// A real hash to verify against when the account does not exist, so that the response time
// does not reveal whether an e-mail is registered.
let dummyHash: Promise<string> | undefined
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('not-a-real-password-' + Math.random())
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(stored, password).catch(() => false)
}
