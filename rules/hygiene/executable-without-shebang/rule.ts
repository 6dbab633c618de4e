import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';
import { snippetOf } from '../../../src/checks/hygiene/text-lines.ts';

export const executableWithoutShebang: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/executable-without-shebang',
    description: 'A text file with the executable bit (mode 100755) that does not start with #!.',
    severity: 'warning',
    fixable: false,
    fixHint: 'Add a shebang line such as `#!/usr/bin/env node`, or drop the executable bit: `git update-index --chmod=-x <path>` and `chmod -x <path>`.',
  },
  create(context) {
    if (context.mode !== '100755') return;
    const content = context.content;
    if (content.length >= 2 && content[0] === 0x23 && content[1] === 0x21) return; // '#!'
    const bom = content.length >= 3 && content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
    const firstLine = context.text!.split('\n', 1)[0] ?? '';
    context.report({
      message: bom
        ? 'Executable file starts with a byte-order mark, so the kernel does not see its #! line.'
        : 'Executable file without a #! line: running it fails (or runs it with the wrong interpreter).',
      line: 0,
      column: 0,
      snippet: snippetOf(firstLine),
    });
  },
};
