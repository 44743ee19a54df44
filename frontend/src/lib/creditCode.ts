// GB 32100-2015 unified social credit codes (统一社会信用代码): a quick check in the browser so typos show before
// sending. The server checks again (core.unit.CreditCode) and is the authority.

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

export type CreditCodeProblem = 'length' | 'characters' | 'division' | 'check'

/**
 * Why a code is not valid, or null when it is: 18 characters of the code set, positions 3–8 an administrative
 * division code (digits), and the 18th the check character of the other 17. Spaces around it and lower case are
 * forgiven (`normalizeCreditCode`).
 */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw)
  if (code.length !== 18) return 'length'
  for (const c of code) if (!CREDIT_CODE_CHARS.includes(c)) return 'characters'
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division'
  return creditCheckCharFor(code.slice(0, 17)) === code[17] ? null : 'check'
}

export function isValidCreditCode(raw: string): boolean {
  return creditCodeProblem(raw) === null
}

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase()
}
