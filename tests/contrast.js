// Text whose colour against what is behind it has a contrast under `min` (WCAG 2 ratio), for
// every element matched by `selector` that shows text of its own. The background is what the
// element and its ancestors paint, composited; for text in an SVG, the figure it is drawn in,
// or the marker a number is drawn on.
({ selector, min }) => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) =>
    top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const svg = el instanceof SVGElement;
    let bg = background(svg ? el.closest("figure") || el : el);
    if (svg && el.classList.contains("bf-tl-num")) {
      bg = over(parse(getComputedStyle(el.previousElementSibling).fill), bg);
    }
    const fg = over(parse(svg ? style.fill : style.color), bg);
    const [a, b] = [lum(fg), lum(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < min) {
      const name = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
      const rgb = (c) => `rgb(${c.slice(0, 3).map(Math.round)})`;
      out.push(`${name} "${el.textContent.trim().slice(0, 30)}" ${rgb(fg)} on ${rgb(bg)}: ${ratio.toFixed(2)}`);
    }
  }
  return out;
}
