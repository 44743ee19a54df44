// GB 32100-2015 unified social credit codes (统一社会信用代码): the same check in the browser as on the server
// (core.unit.CreditCode), so typos show before sending. The server checks again and is the authority.

/** The 31 characters a code may use: digits and capital letters without I, O, Z, S and V. */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Weight of position i (0-based, first 17 characters): 3^i mod 31. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1
  for (let k = 0; k < i; k++) w = (w * 3) % 31
  return w
})

/** The check character for the first 17 characters, or null when one of them is not a code character. */
export function creditCheckCharFor(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(first17[i])
    if (v < 0) return null
    sum += v * WEIGHTS[i]
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]
}

/** The registration authorities (position 1) and the categories (position 2) each may give, as the server has them. */
export const CREDIT_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制
  '2': '19', // 外交
  '3': '123459', // 司法行政
  '4': '19', // 文化
  '5': '1239', // 民政
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会
  '9': '123', // 工商
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业
  Y: '1', // 其他
}

/** GB/T 2260 provinces, and 10 for offices of the state itself: the first two digits of the division code. */
export const CREDIT_PROVINCES: ReadonlySet<string> = new Set([
  '10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
])

export type CreditCodeProblem = 'length' | 'characters' | 'authority' | 'category' | 'division' | 'check'

/**
 * Why a code is not valid, or null when it is: 18 characters of the code set, a registration authority and one of
 * its categories, positions 3–8 an administrative division code of a province, and the 18th the check character of
 * the other 17. Spaces around it and lower case are forgiven (`normalizeCreditCode`).
 */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw)
  if (code.length !== 18) return 'length'
  for (const c of code) if (!CREDIT_CODE_CHARS.includes(c)) return 'characters'
  const categories = CREDIT_CATEGORIES[code[0]]
  if (!categories) return 'authority'
  if (!categories.includes(code[1])) return 'category'
  if (!/^\d{6}$/.test(code.slice(2, 8)) || !CREDIT_PROVINCES.has(code.slice(2, 4))) return 'division'
  return creditCheckCharFor(code.slice(0, 17)) === code[17] ? null : 'check'
}

export function isValidCreditCode(raw: string): boolean {
  return creditCodeProblem(raw) === null
}

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase()
}
