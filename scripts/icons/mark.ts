/**
 * Caption Studio's app mark as SVG: an indigo-to-violet rounded square (the UI accent, #5b5bd6) holding a white
 * sparkle (Gemini writing) over two caption lines (the text it writes). Drawn on a 1024 grid; `inset` is the
 * transparent margin around the square, because macOS icons sit on an 824 px body inside the 1024 canvas while
 * Windows and Linux icons should fill their tile.
 */
export function iconSvg(inset = 0): string {
  const side = 1024 - 2 * inset;
  const radius = Math.round(side * 0.225);
  // Everything inside the square is laid out on an 824-unit body and scaled, so both insets look the same.
  const scale = side / 824;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#7c6cf0"/>
      <stop offset="0.55" stop-color="#5b5bd6"/>
      <stop offset="1" stop-color="#3e37a8"/>
    </linearGradient>
    <linearGradient id="shine" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.18"/>
      <stop offset="0.5" stop-color="#ffffff" stop-opacity="0"/>
    </linearGradient>
  </defs>
  <rect x="${inset}" y="${inset}" width="${side}" height="${side}" rx="${radius}" fill="url(#tile)"/>
  <rect x="${inset}" y="${inset}" width="${side}" height="${side}" rx="${radius}" fill="url(#shine)"/>
  <g transform="translate(${inset} ${inset}) scale(${scale})" fill="#ffffff">
    ${sparkle(412, 330, 190)}
    ${sparkle(612, 180, 62, 0.85)}
    <rect x="172" y="580" width="480" height="56" rx="28"/>
    <rect x="172" y="672" width="320" height="56" rx="28" opacity="0.7"/>
  </g>
</svg>
`;
}

/** A four-pointed star: quadratic curves pulled through the centre give the concave "sparkle" sides. */
function sparkle(cx: number, cy: number, r: number, opacity = 1): string {
  const d = [
    `M ${cx} ${cy - r}`,
    `Q ${cx} ${cy} ${cx + r} ${cy}`,
    `Q ${cx} ${cy} ${cx} ${cy + r}`,
    `Q ${cx} ${cy} ${cx - r} ${cy}`,
    `Q ${cx} ${cy} ${cx} ${cy - r}`,
    'Z',
  ].join(' ');
  return `<path d="${d}" opacity="${opacity}"/>`;
}
