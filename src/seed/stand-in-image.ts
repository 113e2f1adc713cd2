/**
 * The founding story ends with an image line (/images/ldqxn_wx.jpg) whose file did not reach us. The seed
 * stores a plain stand-in picture under that name so the story's media reference is real; replace it in the
 * admin with the outlet's own image.
 */
import sharp from 'sharp'

export async function standInImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 900 383" preserveAspectRatio="xMidYMid slice">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0b6e4f"/><stop offset="1" stop-color="#0a3d62"/></linearGradient></defs>
    <rect width="900" height="383" fill="url(#g)"/>
    <g fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="6">
      <path d="M0 300 L180 170 L300 250 L470 90 L640 230 L760 150 L900 260"/>
      <path d="M0 340 L150 240 L320 310 L500 180 L700 300 L900 220"/>
    </g>
    <rect x="360" y="120" width="180" height="180" rx="12" fill="#ffffff" fill-opacity="0.9"/>
    <g fill="#0a3d62">${Array.from({ length: 36 }, (_, i) => ((i * 7) % 3 === 0 ? `<rect x="${375 + (i % 6) * 25}" y="${135 + Math.floor(i / 6) * 25}" width="20" height="20"/>` : '')).join('')}</g>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}
