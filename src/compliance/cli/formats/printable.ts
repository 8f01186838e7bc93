/**
 * Characters that must not reach a terminal as they are: line breaks and other control characters (one finding
 * must stay one line, and ESC sequences could repaint the screen), and invisible or reordering characters
 * (zero-width spaces, bidirectional marks and overrides, byte order marks) that would make the text lie about
 * what the template holds.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every unprintable character written as an escape (`\n`, `\u202e`); anything else unchanged. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
