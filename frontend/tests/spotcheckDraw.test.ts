import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  canonicalPopulation,
  drawInspectors,
  drawSample,
  drawSeedOf,
  isHex64,
  newSeed,
  populationHash,
  sampleSizeOf,
  seedCommitment,
  sha256Hex,
  verifyDraw,
  type PublicDrawRecord,
} from '../src/lib/spotcheckDraw'

// Expected values are computed here independently, with node's own hash, from the text of docs/spotcheck.md.
const h = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const POP = [
  '6f1c1d0e-0000-4000-8000-000000000003',
  '0A2B3C4D-0000-4000-8000-000000000001',
  'c9e8d7f6-0000-4000-8000-000000000002',
  '11111111-0000-4000-8000-000000000004',
  'ffffffff-0000-4000-8000-000000000005',
  '22222222-0000-4000-8000-000000000006',
  '33333333-0000-4000-8000-000000000007',
]
const EXPERTS = ['e-aaa', 'e-bbb', 'e-ccc', 'e-ddd', 'e-eee']
const SEED = 'a'.repeat(32) + '0123456789abcdef'.repeat(2)
const SALT = '5'.repeat(64)

function expectedSample(drawSeed: string, ids: string[], n: number) {
  return ids
    .map((id) => id.toLowerCase())
    .map((id) => ({ id, k: h(`${drawSeed}:${id}`) }))
    .sort((a, b) => cmp(a.k, b.k) || cmp(a.id, b.id))
    .slice(0, n)
    .map((x) => x.id)
}

function expectedInspectors(drawSeed: string, app: string, cands: string[], recused: string[], n: number) {
  return cands
    .filter((c) => !recused.includes(c))
    .map((id) => ({ id, k: h(`${drawSeed}:${app}:${id}`) }))
    .sort((a, b) => cmp(a.k, b.k) || cmp(a.id, b.id))
    .slice(0, n)
    .map((x) => x.id)
}

async function publishedRecord(): Promise<PublicDrawRecord> {
  const drawSeed = h(`${SEED}:${SALT}`)
  const size = 2 // ceil(0.2 × 7)
  const sample = expectedSample(drawSeed, POP, size)
  const recusals = [{ applicationId: sample[0], expertId: expectedInspectors(drawSeed, sample[0], EXPERTS, [], 1)[0] }]
  return {
    ratio: 0.2,
    inspectorsPerApplication: 2,
    seedCommitment: h(SEED),
    serverSalt: SALT,
    populationHash: h(
      POP.map((x) => x.toLowerCase())
        .sort(cmp)
        .map((x) => x + '\n')
        .join(''),
    ),
    population: [...POP].reverse(),
    seed: SEED,
    sample: sample.map((applicationId, i) => ({
      applicationId,
      drawRank: i + 1,
      inspectors: expectedInspectors(
        drawSeed,
        applicationId,
        EXPERTS,
        recusals.filter((r) => r.applicationId === applicationId).map((r) => r.expertId),
        2,
      ),
    })),
    candidates: EXPERTS,
    recusals,
  }
}

describe('spot-check draw (docs/spotcheck.md, R18, R19)', () => {
  it('hashes UTF-8 text as lower-case hex, like node', async () => {
    for (const s of ['', 'abc', '职称抽查', `${SEED}:${SALT}`]) expect(await sha256Hex(s)).toBe(h(s))
  })

  it('canonical population: lower-case ids, sorted by text, one per line with a trailing newline', async () => {
    const text = canonicalPopulation(['b', 'A', 'c'])
    expect(text).toBe('a\nb\nc\n')
    expect(await populationHash(POP)).toBe(h([...POP].map((x) => x.toLowerCase()).sort(cmp).join('\n') + '\n'))
  })

  it('the population hash does not depend on the order the ids come in', async () => {
    const a = await populationHash(POP)
    expect(await populationHash([...POP].reverse())).toBe(a)
    expect(await populationHash([...POP].sort())).toBe(a)
    expect(await populationHash(POP.map((x) => x.toUpperCase()))).toBe(a)
    expect(await populationHash(POP.slice(1))).not.toBe(a)
  })

  it('commitment and draw seed', async () => {
    expect(await seedCommitment(SEED)).toBe(h(SEED))
    expect(await drawSeedOf(SEED, SALT)).toBe(h(`${SEED}:${SALT}`))
  })

  it('sample size is ceil(ratio × population) in exact decimals (R18)', () => {
    expect(sampleSizeOf(0.15, 20)).toBe(3) // 0.15 * 20 in floating point is 3.0000000000000004
    expect(sampleSizeOf('0.15', 21)).toBe(4)
    expect(sampleSizeOf(0.15, 1)).toBe(1)
    expect(sampleSizeOf(1, 7)).toBe(7)
    expect(sampleSizeOf('0.3', 10)).toBe(3)
    expect(sampleSizeOf(0.2, 7)).toBe(2)
    expect(() => sampleSizeOf('abc', 3)).toThrow()
  })

  it('ranks the sample by SHA-256(drawSeed:applicationId), smallest first, whatever the input order', async () => {
    const drawSeed = h(`${SEED}:${SALT}`)
    const want = expectedSample(drawSeed, POP, 3)
    expect(await drawSample(drawSeed, POP, 3)).toEqual(want)
    expect(await drawSample(drawSeed, [...POP].reverse(), 3)).toEqual(want)
    expect(await drawSample(drawSeed, POP, 99)).toHaveLength(POP.length)
  })

  it('breaks a tie of hashes by id text', async () => {
    // The same id twice gives the same hash: the tie-break must still give a stable order by id text.
    const drawSeed = h('x')
    const ids = ['b', 'a', 'a']
    const got = await drawSample(drawSeed, ids, 3)
    const want = expectedSample(drawSeed, ids, 3)
    expect(got).toEqual(want)
    expect(got.indexOf('a')).toBeLessThan(got.lastIndexOf('a'))
  })

  it('ranks inspectors per application, without the recused ones', async () => {
    const drawSeed = h(`${SEED}:${SALT}`)
    const app = POP[0].toLowerCase()
    expect(await drawInspectors(drawSeed, app, EXPERTS, [], 2)).toEqual(expectedInspectors(drawSeed, app, EXPERTS, [], 2))
    const first = (await drawInspectors(drawSeed, app, EXPERTS, [], 1))[0]
    const without = await drawInspectors(drawSeed, app, EXPERTS, [first], 5)
    expect(without).not.toContain(first)
    expect(without).toHaveLength(4)
    expect(await drawInspectors(drawSeed, app, [...EXPERTS].reverse(), [first], 5)).toEqual(without)
  })

  it('newSeed gives 32 random bytes as lower-case hex', () => {
    const a = newSeed()
    expect(isHex64(a)).toBe(true)
    expect(newSeed()).not.toBe(a)
    expect(isHex64('A'.repeat(64))).toBe(false)
    expect(isHex64('a'.repeat(63))).toBe(false)
  })

  it('verifyDraw accepts an honest record', async () => {
    const rec = await publishedRecord()
    const r = await verifyDraw(rec)
    expect(r).toMatchObject({
      matches: true,
      commitmentMatches: true,
      populationMatches: true,
      sampleMatches: true,
      inspectorsMatches: true,
      seedRevealed: true,
      sampleSize: 2,
    })
    expect(r.recomputedSample).toEqual(rec.sample.map((s) => s.applicationId))
    // the recused expert is not among the first sample's inspectors
    expect(r.recomputedInspectors[rec.sample[0].applicationId]).not.toContain(rec.recusals[0].expertId)
  })

  it('verifyDraw names each check that fails', async () => {
    const rec = await publishedRecord()
    expect((await verifyDraw({ ...rec, seed: 'b'.repeat(64) })).commitmentMatches).toBe(false)
    const fewer = await verifyDraw({ ...rec, population: rec.population.slice(1) })
    expect(fewer.populationMatches).toBe(false)
    expect(fewer.matches).toBe(false)
    const swapped = await verifyDraw({ ...rec, sample: rec.sample.map((s, i) => ({ ...s, drawRank: rec.sample.length - i })) })
    expect(swapped.sampleMatches).toBe(false)
    const wrongInspector = await verifyDraw({
      ...rec,
      sample: rec.sample.map((s, i) => (i === 0 ? { ...s, inspectors: [rec.recusals[0].expertId, s.inspectors[1]] } : s)),
    })
    expect(wrongInspector).toMatchObject({ sampleMatches: true, inspectorsMatches: false, matches: false })
    expect(wrongInspector.inspectorMismatches).toEqual([rec.sample[0].applicationId])
    const notDrawn = await verifyDraw({ ...rec, seed: null })
    expect(notDrawn).toMatchObject({ seedRevealed: false, commitmentMatches: false, populationMatches: true, matches: false })
  })
})
