// Reading a certificate's QR code in the browser (docs/certificates.md "Verification in the browser"): the
// platform's BarcodeDetector where it exists (Chrome on Android and macOS, Safari), else jsQR on canvas pixels.
// The decoded text stays in the page.
import jsQR from 'jsqr'

interface DetectedBarcode {
  rawValue: string
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource | ImageBitmap | ImageData): Promise<DetectedBarcode[]>
}
type BarcodeDetectorCtor = {
  new (opts?: { formats?: string[] }): BarcodeDetectorLike
  getSupportedFormats?: () => Promise<string[]>
}

let detector: Promise<BarcodeDetectorLike | null> | null = null

/** The platform's QR detector, or null when there is none (then jsQR reads the pixels). */
export function qrDetector(): Promise<BarcodeDetectorLike | null> {
  if (!detector) {
    detector = (async () => {
      const Ctor = (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector
      if (!Ctor) return null
      try {
        const formats = (await Ctor.getSupportedFormats?.()) ?? ['qr_code']
        return formats.includes('qr_code') ? new Ctor({ formats: ['qr_code'] }) : null
      } catch {
        return null
      }
    })()
  }
  return detector
}

/** jsQR over RGBA pixels; both polarities, since a photo of a screen may be inverted. */
export function decodePixels(data: Uint8ClampedArray, width: number, height: number): string | null {
  return jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null
}

function canvasOf(width: number, height: number): HTMLCanvasElement {
  const c = document.createElement('canvas')
  c.width = width
  c.height = height
  return c
}

/** Reads a QR from a drawable source (an image or a video frame) of the given size. */
export async function decodeSource(source: CanvasImageSource, width: number, height: number): Promise<string | null> {
  if (!width || !height) return null
  const d = await qrDetector()
  if (d) {
    try {
      const found = await d.detect(source)
      if (found.length) return found[0].rawValue
    } catch {
      // fall through to jsQR
    }
  }
  // A full page scanned at print resolution is large: try it as it is, then scaled down (jsQR finds the finder
  // patterns more easily when a module is a few pixels, not a dozen).
  for (const scale of [1, 0.5, 0.25]) {
    const w = Math.round(width * scale)
    const h = Math.round(height * scale)
    if (w < 100 || h < 100) break
    const c = canvasOf(w, h)
    const ctx = c.getContext('2d', { willReadFrequently: true })
    if (!ctx) return null
    ctx.imageSmoothingEnabled = scale < 1
    ctx.drawImage(source, 0, 0, w, h)
    const text = decodePixels(ctx.getImageData(0, 0, w, h).data, w, h)
    if (text) return text
  }
  return null
}

/** Reads a QR from an uploaded photo or scan. */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.decoding = 'async'
    img.src = url
    await img.decode()
    return await decodeSource(img, img.naturalWidth, img.naturalHeight)
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Decodes one video frame (small, so it can run on every animation frame). */
export async function decodeVideoFrame(video: HTMLVideoElement): Promise<string | null> {
  const w = video.videoWidth
  const h = video.videoHeight
  if (!w || !h) return null
  const d = await qrDetector()
  if (d) {
    try {
      const found = await d.detect(video)
      return found.length ? found[0].rawValue : null
    } catch {
      return null
    }
  }
  const c = canvasOf(w, h)
  const ctx = c.getContext('2d', { willReadFrequently: true })
  if (!ctx) return null
  ctx.drawImage(video, 0, 0, w, h)
  return jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' })?.data ?? null
}
