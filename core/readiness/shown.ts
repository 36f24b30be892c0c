import { visible } from '../model/visible.js';
import type { Finding } from './model.js';

/**
 * A finding as the core reports it: its message and fix text, which quote what the input holds (an OS name, a
 * value's data, a key the collector could not read, other machines' names), with control characters shown as
 * \xHH (model/visible.ts). The fix's changes stay exact: they are what a plan writes.
 */
export function shownFinding(f: Finding): Finding {
  const message = visible(f.message);
  const fixText = f.fix === null ? null : visible(f.fix.text);
  if (message === f.message && (f.fix === null || fixText === f.fix.text)) return f;
  return { ...f, message, fix: f.fix === null ? null : { ...f.fix, text: fixText ?? f.fix.text } };
}
