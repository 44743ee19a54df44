import QRCode from 'qrcode'

/**
 * A PNG data URL of a QR code for text (a certificate's verifyUrl, R27/R28).
 * Each module is drawn 4 px wide so long signed payloads still scan; falls back to
 * error-correction level L when M cannot hold the text.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const opts = { margin: 2, scale: 4, color: { dark: '#000000', light: '#ffffff' } }
  try {
    return await QRCode.toDataURL(text, { ...opts, errorCorrectionLevel: 'M' })
  } catch {
    return await QRCode.toDataURL(text, { ...opts, errorCorrectionLevel: 'L' })
  }
}
