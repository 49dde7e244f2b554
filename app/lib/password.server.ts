import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * scrypt at OWASP's current minimum (N=2^17, r=8, p=1): 128 MiB and a few hundred ms per hash,
 * slow for guessing, fine for a sign-in. Node refuses to use more memory than `maxmem`, whose
 * default (32 MiB) is below what these parameters need: it is set to twice their 128·N·r bytes.
 * Hashes made with weaker parameters still verify, and are replaced at the next sign-in.
 */
export const scryptParams = { N: 2 ** 17, r: 8, p: 1 } as const;
const keyLength = 32;
/** The most a stored hash may ask for: its parameters are read from the database. */
const maxmem = 2 * 128 * scryptParams.N * scryptParams.r;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A hash in the stored form `scrypt$N$r$p$salt$key`; `params` only for tests of older hashes. */
export async function hashPassword(password: string, params: { N: number; r: number; p: number } = scryptParams) {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { ...params, maxmem });
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return null;
  return { N: Number(n), r: Number(r), p: Number(p), salt, key };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.key, "base64");
  let actual: Buffer;
  try {
    actual = await derive(password, Buffer.from(parsed.salt, "base64"), {
      N: parsed.N,
      r: parsed.r,
      p: parsed.p,
      maxmem,
    });
  } catch {
    return false; // parameters scrypt refuses (or beyond maxmem): no password matches them
  }
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a stored hash was made with weaker parameters than today's, so the next sign-in should redo it. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false; // not a password anyone can sign in with
  return parsed.N < scryptParams.N || parsed.r < scryptParams.r || parsed.p < scryptParams.p;
}

/** The parameters a hash was made with, for the audit log (never the salt or key). */
export function hashParameters(stored: string) {
  const parsed = parse(stored);
  return parsed && { algorithm: "scrypt", N: parsed.N, r: parsed.r, p: parsed.p };
}

/** A hash of nothing anyone can type: verifying against it costs what a real check costs. */
export const unusablePasswordHash = `scrypt$${scryptParams.N}$${scryptParams.r}$${scryptParams.p}$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(keyLength).toString("base64")}`;
