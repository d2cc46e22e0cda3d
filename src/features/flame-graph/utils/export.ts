/**
 * Downloads of what the tab shows: the drawn flame graph as a standalone SVG file (with the
 * styles it needs inlined) and the tree as Flink sent it, as JSON.
 */

/** A file name from free text (vertex names hold spaces, colons, arrows). */
export function safeFileName(...parts: (string | number)[]): string {
  return parts
    .map((p) =>
      String(p)
        .replace(/[^a-z0-9._-]+/gi, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('_')
    .slice(0, 150);
}

/** The svg element as a standalone document: namespaces declared, `css` embedded. */
export function svgMarkup(svg: SVGSVGElement, css: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = css;
  clone.insertBefore(style, clone.firstChild);
  // the labels are HTML <div>s inside <foreignObject>: they need the XHTML namespace on their own
  clone
    .querySelectorAll('foreignObject > div')
    .forEach((div) => div.setAttribute('xmlns', 'http://www.w3.org/1999/xhtml'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function download(fileName: string, mime: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
