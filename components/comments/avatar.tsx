// A locally drawn avatar: colours and a pattern from a hash of the email, so no third-party request is made.
export function Avatar({ seed, name }: { seed: string; name: string }) {
  const hue = parseInt(seed.slice(0, 4), 16) % 360
  const bits = parseInt(seed.slice(4, 12), 16)
  const cells: { x: number; y: number }[] = []
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if ((bits >> (y * 3 + x)) & 1) {
        cells.push({ x, y })
        if (x < 2) cells.push({ x: 4 - x, y })
      }
    }
  }
  return (
    <svg className="avatar" viewBox="0 0 5 5" width="40" height="40" aria-hidden="true" focusable="false" data-name={name.slice(0, 1)}>
      <rect width="5" height="5" fill={`hsl(${hue} 40% 92%)`} />
      {cells.map((c) => (
        <rect key={`${c.x}-${c.y}`} x={c.x} y={c.y} width="1" height="1" fill={`hsl(${hue} 55% 38%)`} />
      ))}
    </svg>
  )
}
