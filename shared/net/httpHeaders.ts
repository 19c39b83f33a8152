/**
 * Looking up HTTP header fields by name, as net::HttpResponseHeaders does: names are
 * compared case-insensitively, values are returned as they are, in order. A field is a
 * [name, value] pair (the wire order NavScope's messages carry) or a HAR-style
 * { name, value } object.
 */
export type HeaderField = readonly [name: string, value: string] | { readonly name: string; readonly value: string };

function nameOf(field: HeaderField): string {
  return 'name' in field ? field.name : field[0];
}

function valueOf(field: HeaderField): string {
  return 'value' in field ? field.value : field[1];
}

/** Every value of the header `name`, in order. */
export function headerValues(headers: readonly HeaderField[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter((field) => nameOf(field).toLowerCase() === lower).map(valueOf);
}

/** The first value of the header `name`, or null when there is none. */
export function headerValue(headers: readonly HeaderField[], name: string): string | null {
  const lower = name.toLowerCase();
  const found = headers.find((field) => nameOf(field).toLowerCase() === lower);
  return found === undefined ? null : valueOf(found);
}

/**
 * A Content-Type value's MIME type essence and charset, lower-cased (HttpUtil::ParseContentType,
 * simplified): "" for each when the value is absent or its essence is not type/subtype.
 */
export function parseContentType(value: string | null): { mimeType: string; charset: string } {
  if (!value) return { mimeType: '', charset: '' };
  const [essence = '', ...params] = value.split(';');
  const mimeType = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(essence.trim())
    ? essence.trim().toLowerCase()
    : '';
  let charset = '';
  for (const param of params) {
    const [k, v] = param.split('=');
    if (k?.trim().toLowerCase() === 'charset' && v) charset = v.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { mimeType, charset };
}
