// The spot-check draw of docs/spotcheck.md (R18, R19), recomputed in the browser with Web Crypto so that anyone
// can check a published draw without trusting the server. Works in the browser and in Node 20+ (globalThis.crypto).
// All hashes are SHA-256 of UTF-8 text, as lower-case hex; ids are used in their lower-case text form; "sorted by
// text" is plain code-unit order (the server's String.compareTo), never a locale collation.

import type { PublicSpotCheck } from '../api/types'

function subtle(): SubtleCrypto {
  const c = globalThis.crypto as Crypto | undefined
  if (!c?.subtle) throw new Error('Web Crypto (crypto.subtle) is not available; use HTTPS or a current browser')
  return c.subtle
}

const HEX = /^[0-9a-f]{64}$/

/** True for 64 lower-case hex characters (a seed, a commitment, a salt or a hash). */
export function isHex64(value: string | null | undefined): boolean {
  return typeof value === 'string' && HEX.test(value)
}

/** SHA-256 of the UTF-8 bytes of `text`, lower-case hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Plain code-unit order of two texts. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Step 1: the ids in lower-case text form, sorted by that text, each followed by "\n". */
export function canonicalPopulation(ids: readonly string[]): string {
  return ids
    .map((id) => id.toLowerCase())
    .sort(byText)
    .map((id) => `${id}\n`)
    .join('')
}

/** Step 1: `populationHash`, independent of the order the ids come in. */
export function populationHash(ids: readonly string[]): Promise<string> {
  return sha256Hex(canonicalPopulation(ids))
}

/** Step 2: `seedCommitment` = SHA-256 of the seed's text. */
export function seedCommitment(seed: string): Promise<string> {
  return sha256Hex(seed)
}

/** Step 3: `drawSeed` = SHA-256 of `seed + ":" + serverSalt`. */
export function drawSeedOf(seed: string, serverSalt: string): Promise<string> {
  return sha256Hex(`${seed}:${serverSalt}`)
}

/** A decimal (0.15, "0.15", "1") as an exact fraction of integers; null when it is not a plain decimal. */
function decimalFraction(value: number | string): { num: bigint; den: bigint } | null {
  const text = typeof value === 'number' ? String(value) : value.trim()
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) return null
  const frac = m[2] ?? ''
  return { num: BigInt(m[1] + frac), den: 10n ** BigInt(frac.length) }
}

/** R18: ceil(ratio × populationSize) in exact decimal arithmetic (0.15 × 20 = 3, never 3.0000000000000004 → 4). */
export function sampleSizeOf(ratio: number | string, populationSize: number): number {
  const f = decimalFraction(ratio)
  if (!f) throw new Error(`not a decimal ratio: ${ratio}`)
  const product = f.num * BigInt(populationSize)
  return Number((product + f.den - 1n) / f.den)
}

interface Ranked {
  id: string
  key: string
}

async function rank(ids: readonly string[], keyOf: (id: string) => string): Promise<string[]> {
  const ranked: Ranked[] = await Promise.all(ids.map(async (id) => ({ id, key: await sha256Hex(keyOf(id)) })))
  ranked.sort((a, b) => byText(a.key, b.key) || byText(a.id, b.id))
  return ranked.map((r) => r.id)
}

/**
 * Step 3: every application ranked by SHA-256 of `drawSeed + ":" + applicationId`, smallest first (ties by id
 * text); the first `sampleSize` are the sample, in draw order (drawRank 1, 2, …).
 */
export async function drawSample(drawSeed: string, populationIds: readonly string[], sampleSize: number): Promise<string[]> {
  const ids = populationIds.map((id) => id.toLowerCase())
  const ranked = await rank(ids, (id) => `${drawSeed}:${id}`)
  return ranked.slice(0, Math.max(0, sampleSize))
}

/**
 * Step 3, inspectors: the eligible candidates of one application (candidates minus its recusals) ranked by
 * SHA-256 of `drawSeed + ":" + applicationId + ":" + expertId`, smallest first (ties by id text); the first `count`.
 */
export async function drawInspectors(
  drawSeed: string,
  applicationId: string,
  candidateIds: readonly string[],
  recusedIds: readonly string[],
  count: number,
): Promise<string[]> {
  const app = applicationId.toLowerCase()
  const recused = new Set(recusedIds.map((id) => id.toLowerCase()))
  const eligible = candidateIds.map((id) => id.toLowerCase()).filter((id) => !recused.has(id))
  const ranked = await rank(eligible, (expertId) => `${drawSeed}:${app}:${expertId}`)
  return ranked.slice(0, Math.max(0, count))
}

/** 32 random bytes as 64 lower-case hex characters: the office's secret seed, made in its own browser. */
export function newSeed(): string {
  const c = globalThis.crypto as Crypto | undefined
  if (!c?.getRandomValues) throw new Error('Web Crypto (crypto.getRandomValues) is not available')
  const bytes = c.getRandomValues(new Uint8Array(32))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The published record of a draw (`GET /api/public/spotchecks/{id}`), as far as the check needs it. */
export type PublicDrawRecord = Pick<
  PublicSpotCheck,
  | 'ratio'
  | 'inspectorsPerApplication'
  | 'seedCommitment'
  | 'serverSalt'
  | 'populationHash'
  | 'population'
  | 'seed'
  | 'sample'
  | 'candidates'
  | 'recusals'
>

/** What the browser found: one boolean per check, and what it recomputed. */
export interface DrawCheck {
  matches: boolean
  /** SHA-256(seed) is the published commitment. */
  commitmentMatches: boolean
  /** The published population hashes to the committed population hash. */
  populationMatches: boolean
  /** The recomputed sample (size and order) is the published one. */
  sampleMatches: boolean
  /** Every sampled application's recomputed inspectors (in order) are the published ones. */
  inspectorsMatches: boolean
  /** The applications whose published inspectors differ from the recomputed ones. */
  inspectorMismatches: string[]
  seedCommitment: string
  populationHash: string
  drawSeed: string
  sampleSize: number
  recomputedSample: string[]
  recomputedInspectors: Record<string, string[]>
  /** False when the record has no seed yet (not drawn): nothing past the population can be checked. */
  seedRevealed: boolean
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** Re-run the whole draw from its published record (step 4). Never throws on a bad record; it just does not match. */
export async function verifyDraw(record: PublicDrawRecord): Promise<DrawCheck> {
  const population = record.population ?? []
  const popHash = await populationHash(population)
  const populationMatches = popHash === (record.populationHash ?? '').toLowerCase()
  const seed = record.seed ?? ''
  const seedRevealed = seed !== ''
  const commitment = seedRevealed ? await seedCommitment(seed) : ''
  const commitmentMatches = seedRevealed && commitment === (record.seedCommitment ?? '').toLowerCase()
  const published = [...(record.sample ?? [])].sort((a, b) => a.drawRank - b.drawRank)
  const result: DrawCheck = {
    matches: false,
    commitmentMatches,
    populationMatches,
    sampleMatches: false,
    inspectorsMatches: false,
    inspectorMismatches: [],
    seedCommitment: commitment,
    populationHash: popHash,
    drawSeed: '',
    sampleSize: 0,
    recomputedSample: [],
    recomputedInspectors: {},
    seedRevealed,
  }
  if (!seedRevealed) return result
  let size: number
  try {
    size = sampleSizeOf(record.ratio, population.length)
  } catch {
    return result
  }
  const drawSeed = await drawSeedOf(seed, record.serverSalt ?? '')
  const sample = await drawSample(drawSeed, population, size)
  result.drawSeed = drawSeed
  result.sampleSize = size
  result.recomputedSample = sample
  result.sampleMatches = sameList(
    sample,
    published.map((s) => s.applicationId.toLowerCase()),
  )
  const byApp = new Map(published.map((s) => [s.applicationId.toLowerCase(), s.inspectors ?? []]))
  for (const app of sample) {
    const recused = (record.recusals ?? []).filter((r) => r.applicationId.toLowerCase() === app).map((r) => r.expertId)
    const inspectors = await drawInspectors(drawSeed, app, record.candidates ?? [], recused, record.inspectorsPerApplication)
    result.recomputedInspectors[app] = inspectors
    const given = (byApp.get(app) ?? []).map((id) => id.toLowerCase())
    if (!sameList(inspectors, given)) result.inspectorMismatches.push(app)
  }
  result.inspectorsMatches = result.sampleMatches && result.inspectorMismatches.length === 0
  result.matches = commitmentMatches && populationMatches && result.sampleMatches && result.inspectorsMatches
  return result
}
