/**
 * How a JSON file was written (indent, line ending, final newline, byte-order mark), so that
 * `tollgate init` can write package.json back the way the user keeps it.
 */
export interface JsonStyle {
  indent: string;
  eol: '\n' | '\r\n';
  finalNewline: boolean;
  bom: boolean;
}

export function detectJsonStyle(text: string): JsonStyle {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const indent = /^[{[][^\S\r\n]*\r?\n([ \t]+)\S/.exec(body)?.[1] ?? /\n([ \t]+)"/.exec(body)?.[1] ?? '  ';
  return {
    indent,
    eol: body.includes('\r\n') ? '\r\n' : '\n',
    finalNewline: /\r?\n$/.test(body),
    bom,
  };
}

export function stringifyJson(value: unknown, style: JsonStyle): string {
  let text = JSON.stringify(value, null, style.indent);
  if (style.eol === '\r\n') text = text.replace(/\n/g, '\r\n');
  if (style.finalNewline) text += style.eol;
  return (style.bom ? '\uFEFF' : '') + text;
}

/** Parses JSON that may start with a byte-order mark. */
export function parseJson(text: string): unknown {
  return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds `key` to `object` without disturbing the order of the others: at the end, or with
 * `keepSorted`, in sorted position when the keys were already sorted (npm keeps dependency
 * lists sorted).
 */
export function insertKey(object: JsonObject, key: string, value: unknown, keepSorted: boolean): JsonObject {
  const keys = Object.keys(object);
  const sorted = keepSorted && keys.every((k, i) => i === 0 || keys[i - 1]!.localeCompare(k, 'en') <= 0);
  if (!sorted) return { ...object, [key]: value };
  const result: JsonObject = {};
  let inserted = false;
  for (const k of keys) {
    if (!inserted && key.localeCompare(k, 'en') < 0) {
      result[key] = value;
      inserted = true;
    }
    result[k] = object[k];
  }
  if (!inserted) result[key] = value;
  return result;
}
