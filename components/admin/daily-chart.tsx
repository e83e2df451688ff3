// Comments per day as a small bar chart (inline SVG, no script), with the numbers as a table for everyone.
import { formatDate } from '@/lib/format'

export function DailyChart({ days }: { days: { day: string; count: number }[] }) {
  const max = Math.max(1, ...days.map((d) => d.count))
  const total = days.reduce((sum, d) => sum + d.count, 0)
  const busiest = days.reduce((best, d) => (d.count > best.count ? d : best), days[0] ?? { day: '', count: 0 })
  const width = 600
  const height = 120
  const gap = 2
  const bar = width / Math.max(1, days.length)
  const summary = total
    ? `${total} comments in the last ${days.length} days; the busiest day was ${formatDate(busiest.day)} with ${busiest.count}.`
    : `No comments in the last ${days.length} days.`
  return (
    <figure className="daily-chart">
      <figcaption>
        Comments per day, last {days.length} days: {total} in all
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {days.map((d, i) => {
          const h = Math.round((d.count / max) * height)
          return (
            <rect key={d.day} x={i * bar + gap / 2} y={height - h} width={bar - gap} height={Math.max(h, d.count ? 2 : 0)} className="daily-chart__bar">
              <title>{`${formatDate(d.day)}: ${d.count}`}</title>
            </rect>
          )
        })}
        <line x1="0" x2={width} y1={height + 0.5} y2={height + 0.5} className="daily-chart__axis" />
      </svg>
      <details className="daily-chart__data">
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">Comments per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Comments</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">
                  <time dateTime={d.day}>{formatDate(d.day)}</time>
                </th>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
