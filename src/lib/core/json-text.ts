/** Pretty-printed JSON with a final newline: how every JSON download is written (also in the browser). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
