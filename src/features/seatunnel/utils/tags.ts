/*
 * Node tags as people type them: "zone=eu-1, pool=cdc". The same text goes into the overview's
 * URL (`?tags=zone=eu-1,pool=cdc`) and, as an object, into /overview and /update-tags.
 */

export type TagsResult = { ok: true; tags: Record<string, string> } | { ok: false; error: string };

export function parseTags(text: string): TagsResult {
  const tags: Record<string, string> = {};
  const parts = text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const i = part.indexOf('=');
    if (i <= 0) return { ok: false, error: `“${part}” is not key=value` };
    const key = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (!key) return { ok: false, error: `“${part}” has no key` };
    if (Object.prototype.hasOwnProperty.call(tags, key))
      return { ok: false, error: `“${key}” is given twice` };
    tags[key] = value;
  }
  return { ok: true, tags };
}

export function tagsToText(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}
