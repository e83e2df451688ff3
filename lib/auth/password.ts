// Admin passwords: the policy (length, not a well-known password) and argon2id hashing.
import { hash, verify, type Algorithm } from '@node-rs/argon2'
import { COMMON_PASSWORDS } from './common-passwords'

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

// Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm
// OWASP's baseline for argon2id: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 }

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `The password must be at least ${PASSWORD_MIN} characters long.`
  if (password.length > PASSWORD_MAX) return `The password must be at most ${PASSWORD_MAX} characters long.`
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'This password is one of the most common ones: choose another.'
  return null
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    // A malformed stored hash is a failed check, not a crash of the sign-in page.
    return false
  }
}

/**
 * A hash of a random password, verified when the email is unknown so that a wrong email
 * takes as long as a wrong password and response times do not reveal which accounts exist.
 */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`)
  return dummyHash
}
