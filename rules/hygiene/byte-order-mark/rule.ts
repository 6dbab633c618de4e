import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function hasBom(content: Buffer): boolean {
  return content.length >= 3 && content.subarray(0, 3).equals(UTF8_BOM);
}

export const byteOrderMark: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/byte-order-mark',
    description: 'A UTF-8 file that starts with a byte-order mark (EF BB BF).',
    severity: 'warning',
    fixable: true,
    fixHint: 'Remove the byte-order mark (tollgate validate-quick --fix does it); UTF-8 needs none, and it breaks shebangs, JSON parsers and concatenation.',
  },
  create(context) {
    // -text / binary in .gitattributes: the user asked git to keep these bytes as they are.
    if (context.attributes.lineEndings === 'binary') return;
    if (!hasBom(context.content)) return;
    context.report({ message: 'The file starts with a UTF-8 byte-order mark.', line: 1, column: 1, endColumn: 2 });
  },
  fix(content) {
    let start = 0;
    while (hasBom(content.subarray(start))) start += 3;
    return start === 0 ? content : content.subarray(start);
  },
};
