/**
 * Incremental line splitting of already-decoded text, for callers that read a file in chunks (a file
 * still being written, a decompression stream; logs.md 5.3, 5.27, 5.28). LF and CRLF end lines (a CR split
 * from its LF by a chunk boundary is handled); a final line without a newline comes out of `end()`.
 * The BOM is left to the parsers (they drop it at the start of any line).
 */
export interface LineSplitter {
  /** The complete lines in `chunk` plus what was pending, without their line ends. */
  push(chunk: string): string[];
  /** The last line when the text did not end with a newline (a truncated or growing file). */
  end(): string[];
}

export function createLineSplitter(): LineSplitter {
  let pending = '';
  return {
    push(chunk: string): string[] {
      // Only the first line is joined with what was pending: concatenating whole chunks would copy
      // megabytes per call (logs.md 5.28: bounded, and fast).
      const out: string[] = [];
      let nl = chunk.indexOf('\n');
      if (nl < 0) {
        pending += chunk;
        return out;
      }
      const first = pending + chunk.slice(0, nl);
      out.push(first.endsWith('\r') ? first.slice(0, -1) : first);
      let start = nl + 1;
      for (;;) {
        nl = chunk.indexOf('\n', start);
        if (nl < 0) break;
        const end = nl > start && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        out.push(chunk.slice(start, end));
        start = nl + 1;
      }
      pending = chunk.slice(start);
      return out;
    },
    end(): string[] {
      const last = pending;
      pending = '';
      if (last === '') return [];
      return [last.endsWith('\r') ? last.slice(0, -1) : last];
    },
  };
}
