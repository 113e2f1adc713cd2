/**
 * A small hand-written SVG of a benchmark run: read throughput (suite vs vanilla, per query and concurrency),
 * write latency (median, per operation) and where a save's extra time goes (vanilla with the suite added back
 * a layer at a time). No plotting dependency.
 */
type Json = Record<string, any>

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const COLORS = { suite: '#0a3d62', vanilla: '#9aa5b1' }

function barChart(options: {
  x: number
  y: number
  width: number
  height: number
  title: string
  unit: string
  groups: { label: string; suite: number; vanilla: number }[]
}): string {
  const { x, y, width, height, title, unit, groups } = options
  const max = Math.max(1, ...groups.flatMap((g) => [g.suite, g.vanilla])) * 1.15
  const plotTop = y + 30
  const plotHeight = height - 70
  const slot = width / Math.max(1, groups.length)
  const bar = Math.min(28, slot / 3)
  const parts: string[] = [
    `<text x="${x}" y="${y + 14}" font-size="14" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${x}" y1="${plotTop + plotHeight}" x2="${x + width}" y2="${plotTop + plotHeight}" stroke="#333"/>`,
  ]
  groups.forEach((g, i) => {
    const cx = x + slot * i + slot / 2
    ;(['suite', 'vanilla'] as const).forEach((flavour, k) => {
      const value = g[flavour]
      const h = (value / max) * plotHeight
      const bx = cx - bar + k * bar
      parts.push(
        `<rect x="${bx.toFixed(1)}" y="${(plotTop + plotHeight - h).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[flavour]}"><title>${flavour}: ${value} ${unit}</title></rect>`,
      )
      parts.push(
        `<text x="${(bx + bar / 2 - 1).toFixed(1)}" y="${(plotTop + plotHeight - h - 3).toFixed(1)}" font-size="9" text-anchor="middle">${Math.round(value)}</text>`,
      )
    })
    parts.push(`<text x="${cx.toFixed(1)}" y="${plotTop + plotHeight + 14}" font-size="10" text-anchor="middle">${esc(g.label)}</text>`)
    if (g.vanilla > 0) {
      parts.push(
        `<text x="${cx.toFixed(1)}" y="${plotTop + plotHeight + 27}" font-size="9" text-anchor="middle" fill="#555">×${(g.suite / g.vanilla).toFixed(2)}</text>`,
      )
    }
  })
  parts.push(`<text x="${x + width}" y="${y + 14}" font-size="10" text-anchor="end" fill="#555">${esc(unit)}</text>`)
  return parts.join('\n')
}

/** Horizontal bars, one per layer, each labelled with its time and its multiple of the first. */
function layerBars(x: number, y: number, width: number, layers: Record<string, number> | undefined): string {
  const entries = Object.entries(layers ?? {})
  if (!entries.length) return ''
  const base = entries[0]![1]
  const max = Math.max(...entries.map(([, v]) => v))
  const labelWidth = 190
  const parts = [`<text x="${x}" y="${y}" font-size="12" font-weight="bold">Save (draft + edit + publish), by layer</text>`]
  entries.forEach(([label, value], i) => {
    const top = y + 10 + i * 17
    const w = ((width - labelWidth - 70) * value) / max
    parts.push(`<text x="${x}" y="${top + 10}" font-size="10">${esc(label)}</text>`)
    parts.push(
      `<rect x="${x + labelWidth}" y="${top}" width="${w.toFixed(1)}" height="12" fill="${i === entries.length - 1 ? COLORS.suite : COLORS.vanilla}"/>`,
    )
    parts.push(
      `<text x="${(x + labelWidth + w + 4).toFixed(1)}" y="${top + 10}" font-size="10">${value.toFixed(1)} ms ×${(value / base).toFixed(2)}</text>`,
    )
  })
  return parts.join('\n')
}

export function renderPlot(report: Json): string {
  const read = (report.read ?? {}) as Json
  const readGroups = Object.entries(read).map(([key, value]) => ({
    label: key.replace('graphql', 'GQL').replace('rest', 'REST').replace('_c', ' c'),
    suite: Number(value.suite?.requestsPerSecond ?? 0),
    vanilla: Number(value.vanilla?.requestsPerSecond ?? 0),
  }))
  const write = (report.write ?? {}) as Json
  const writeGroups = Object.entries(write).map(([op, value]) => ({
    label: op,
    suite: Number(value.suite?.median ?? 0),
    vanilla: Number(value.vanilla?.median ?? 0),
  }))
  const fmt = (v: unknown) => (v === null || v === undefined ? 'n/a' : String(v))
  const summary = [
    `read_ratio ${fmt(report.read_ratio)} (≥ 0.95)`,
    `save_ratio ${fmt(report.save_ratio)} (≤ 1.2)`,
    `import ${fmt(report.import_articles_per_s)} articles/s (≥ 100), ratio ${fmt(report.import_ratio)} (≥ 0.8)`,
    `lint 20k ${fmt(report.lint_ms_20k)} ms, vs zhlint ${fmt(report.lint_vs_zhlint)}`,
    `publish→delivered p95 ${fmt(report.publish_to_delivered_p95_ms)} ms`,
    `server peak RSS ${fmt(report.server_peak_rss_mb)} MB`,
  ]
  const width = 900
  const height = 640
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<rect width="${width}" height="${height}" fill="#fff"/>
<text x="20" y="26" font-size="16" font-weight="bold">Newsroom benchmark — ${esc(String(report.mode ?? ''))} run, ${esc(String(report.date ?? '').slice(0, 16))} UTC, ${esc(String(report.seed?.articles ?? '?'))} articles, SQLite</text>
<rect x="600" y="40" width="12" height="12" fill="${COLORS.suite}"/><text x="616" y="50" font-size="11">suite (all plugins)</text>
<rect x="740" y="40" width="12" height="12" fill="${COLORS.vanilla}"/><text x="756" y="50" font-size="11">vanilla Payload</text>
${barChart({ x: 20, y: 60, width: 860, height: 260, title: 'Read throughput (higher is better)', unit: 'requests/s', groups: readGroups })}
${barChart({ x: 20, y: 330, width: 480, height: 260, title: 'Write latency, median (lower is better)', unit: 'ms', groups: writeGroups })}
${summary.map((line, i) => `<text x="530" y="${365 + i * 18}" font-size="12">${esc(line)}</text>`).join('\n')}
${layerBars(530, 495, 360, report.save_layers_ms as Record<string, number> | undefined)}
</svg>
`
}
