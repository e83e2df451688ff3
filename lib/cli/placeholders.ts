// Generates the seed's two placeholder photos (the seed ships no image files). Run once; the output is committed.
import path from 'node:path'
import sharp from 'sharp'

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

async function placeholder(file: string, caption: string, credit: string, hue: number) {
  const width = 1600
  const height = 1067
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},45%,32%)"/><stop offset="1" stop-color="hsl(${hue + 30},40%,18%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <rect x="60" y="60" width="${width - 120}" height="${height - 120}" fill="none" stroke="#fff" stroke-opacity=".5" stroke-width="4" stroke-dasharray="24 16"/>
  <text x="50%" y="40%" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="96" font-weight="700" fill="#fff">PLACEHOLDER IMAGE</text>
  <text x="50%" y="52%" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="44" fill="#fff">${escapeXml(caption)}</text>
  <text x="50%" y="60%" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="34" fill="#fff" fill-opacity=".8">Original photo: ${escapeXml(credit)}</text>
  <text x="50%" y="88%" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#fff" fill-opacity=".7">No image file came with the seed article</text>
</svg>`
  await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toFile(file)
}

async function main() {
  const dir = path.join(process.cwd(), 'db', 'seed')
  await placeholder(path.join(dir, 'kazakh-blue-helmets-1.jpg'), 'Kazakh soldiers in blue helmets', 'Vladimir Tretyakov / NUR.KZ via AP', 210)
  await placeholder(path.join(dir, 'kazakh-blue-helmets-2.jpg'), 'Another shot of Kazakh soldiers in blue helmets', 'Vladimir Tretyakov/NUR.KZ via The Associated Press', 170)
}

void main()
