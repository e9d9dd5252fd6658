/**
 * Responses for the static download endpoints, each with its media type
 * (the static host decides the served headers, but the build and the dev
 * server use these).
 */
export const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function fileResponse(body: string | Uint8Array<ArrayBuffer>, type: keyof typeof MEDIA_TYPES): Response {
  return new Response(body, { headers: { 'Content-Type': MEDIA_TYPES[type] } });
}
