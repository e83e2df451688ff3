// Generates the site's logo and its default share picture (for articles without a photo) in the three crops
// structured data asks for. Run once with `npx tsx lib/cli/brand.ts`; the output in public/brand is committed.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { crops, cropRatios, LOGO } from '@/lib/seo/urls'
import { site } from '@/lib/site'

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
const INK = '#121212'
const ACCENT = '#b3261e'

async function logo(file: string) {
  const { width, height } = LOGO
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="${INK}"/>
  <text x="256" y="350" text-anchor="middle" font-family="DejaVu Serif, serif" font-size="340" font-weight="700" fill="#fff">C</text>
  <rect x="136" y="404" width="240" height="24" fill="${ACCENT}"/>
</svg>`
  await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile(file)
}

async function share(file: string, width: number, height: number) {
  const size = Math.round(Math.min(width, height) / 7)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="${INK}"/>
  <rect x="0" y="${height - 24}" width="${width}" height="24" fill="${ACCENT}"/>
  <text x="50%" y="${height / 2}" text-anchor="middle" font-family="DejaVu Serif, serif" font-size="${size}" font-weight="700" fill="#fff">${escapeXml(site.name)}</text>
  <text x="50%" y="${height / 2 + size * 0.8}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(size / 3)}" fill="#fff" fill-opacity=".8">${escapeXml(site.tagline)}</text>
</svg>`
  await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toFile(file)
}

async function main() {
  const dir = path.join(process.cwd(), 'public', 'brand')
  fs.mkdirSync(dir, { recursive: true })
  await logo(path.join(process.cwd(), 'public', LOGO.path))
  for (const ratio of cropRatios) await share(path.join(dir, `default-${ratio}.jpg`), crops[ratio].width, crops[ratio].height)
}

void main()
