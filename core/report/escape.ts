/**
 * HTML escaping for the report. Every value from a machine (names, messages, registry paths, values) goes
 * through one of these; the renderer never concatenates raw data into markup.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and double- or single-quoted attribute values. Control characters (except tab/CR/LF) become U+FFFD. */
export function escapeHtml(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}

/** A fragment for a `#name=value` link the report's script reads back (URL-encoded, then attribute-escaped). */
export function hashLink(params: Readonly<Record<string, string>>): string {
  return escapeHtml(`#${Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`);
}
