import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { decodePixels } from '../src/lib/qrScan'

/** RGBA pixels of a QR code of `text`, `scale` pixels a module, with a quiet zone of 4 modules. */
function pixels(text: string, scale: number, invert = false): { data: Uint8ClampedArray; size: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const size = (n + 8) * scale
  const data = new Uint8ClampedArray(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.floor(y / scale) - 4
      const c = Math.floor(x / scale) - 4
      const dark = r >= 0 && c >= 0 && r < n && c < n && qr.modules.get(r, c) === 1
      const v = dark !== invert ? 0 : 255
      data.set([v, v, v, 255], (y * size + x) * 4)
    }
  }
  return { data, size }
}

describe('reading a certificate QR code without BarcodeDetector (jsQR)', () => {
  // A verify link of the size the contract's claims give (about 700 characters of JWS).
  const link = `https://zhicheng.example/verify#${'eyJhbGciOiJFUzI1NiJ9.'}${'A'.repeat(620)}.${'B'.repeat(86)}`

  it('decodes the verify link at 3 pixels a module', () => {
    const { data, size } = pixels(link, 3)
    expect(decodePixels(data, size, size)).toBe(link)
  })

  it('decodes an inverted code (a photo of a dark-mode screen)', () => {
    const { data, size } = pixels(link, 3, true)
    expect(decodePixels(data, size, size)).toBe(link)
  })

  it('finds nothing in a blank picture', () => {
    const data = new Uint8ClampedArray(200 * 200 * 4).fill(255)
    expect(decodePixels(data, 200, 200)).toBeNull()
  })
})
