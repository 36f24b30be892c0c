/**
 * NDJSON framing: splits a byte stream into lines with a hard cap on line length. A line over the cap is
 * not buffered: its bytes are dropped up to the next newline and reported once as `tooLong`, so a runaway
 * writer cannot make the bridge hold gigabytes. CR before LF is tolerated (a Windows writer).
 */
export type LineEvent =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'tooLong'; readonly bytes: number }
  /** Bytes left without a final newline when the stream ended: a request cut off mid-line. */
  | { readonly kind: 'truncated'; readonly bytes: number };

export interface LineSplitter {
  push(chunk: Buffer): LineEvent[];
  end(): LineEvent[];
}

export function createLineSplitter(maxLineBytes: number): LineSplitter {
  let parts: Buffer[] = [];
  let size = 0;
  let discarding = false;
  let discarded = 0;

  const take = (): string => {
    const text = Buffer.concat(parts, size).toString('utf8');
    parts = [];
    size = 0;
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };

  return {
    push(chunk) {
      const events: LineEvent[] = [];
      let start = 0;
      while (start < chunk.length) {
        const nl = chunk.indexOf(0x0a, start);
        const end = nl === -1 ? chunk.length : nl;
        const piece = chunk.subarray(start, end);
        if (discarding) {
          discarded += piece.length;
        } else if (size + piece.length > maxLineBytes) {
          discarding = true;
          discarded = size + piece.length;
          parts = [];
          size = 0;
        } else if (piece.length > 0) {
          parts.push(Buffer.from(piece));
          size += piece.length;
        }
        if (nl === -1) break;
        if (discarding) {
          events.push({ kind: 'tooLong', bytes: discarded });
          discarding = false;
          discarded = 0;
        } else {
          events.push({ kind: 'line', text: take() });
        }
        start = nl + 1;
      }
      return events;
    },
    end() {
      if (discarding) return [{ kind: 'tooLong', bytes: discarded }];
      if (size > 0) {
        const bytes = size;
        parts = [];
        size = 0;
        return [{ kind: 'truncated', bytes }];
      }
      return [];
    },
  };
}
