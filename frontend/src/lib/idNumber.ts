// GB 11643 resident ID numbers: a quick check in the browser so typos show before sending.
// The server checks again and is the authority.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export function checkCharFor(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

export function isValidIdNumber(raw: string, today: Date = new Date()): boolean {
  const value = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(value)) return false
  const year = Number(value.slice(6, 10))
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false
  if (birth.getTime() > today.getTime()) return false
  return checkCharFor(value) === value[17]
}
