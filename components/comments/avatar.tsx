// A locally drawn avatar: colours and a pattern from a hash of the email, so no third-party request is made.
// One path for all the cells: every element here is repeated in the HTML and again in the page's RSC payload, once
// per comment, so a rect per cell cost a long discussion about 1.5 KB a comment.
export function avatarCells(seed: string): string {
  const bits = parseInt(seed.slice(4, 12), 16)
  let d = ''
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if ((bits >> (y * 3 + x)) & 1) {
        d += `M${x} ${y}h1v1h-1z`
        if (x < 2) d += `M${4 - x} ${y}h1v1h-1z`
      }
    }
  }
  return d
}

export function Avatar({ seed, name }: { seed: string; name: string }) {
  const hue = parseInt(seed.slice(0, 4), 16) % 360
  return (
    <svg className="avatar" viewBox="0 0 5 5" width="40" height="40" aria-hidden="true" focusable="false" data-name={name.slice(0, 1)}>
      <rect width="5" height="5" fill={`hsl(${hue} 40% 92%)`} />
      <path d={avatarCells(seed)} fill={`hsl(${hue} 55% 38%)`} />
    </svg>
  )
}
