import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}

export const largeFile: HygieneFileRule = {
  kind: 'file',
  textOnly: false,
  meta: {
    id: 'hygiene/large-file',
    description: 'A file over checks.hygiene.maxFileSizeKb (before a commit: only files the commit adds); Git LFS files are exempt.',
    severity: 'error',
    fixable: false,
    fixHint: 'Keep large files out of git: track them with Git LFS (`git lfs track "<pattern>"`), or raise checks.hygiene.maxFileSizeKb.',
  },
  create(context) {
    // In the commit, an LFS file is a small pointer; its size on disk does not matter to git.
    if (context.attributes.lfs) return;
    // Before a commit, only files the commit adds, like pre-commit's check-added-large-files:
    // a large file already in the history costs nothing more when it changes.
    if (context.source === 'index' && context.status !== 'A' && context.status !== 'C') return;
    const limit = context.options.maxFileSizeKb * 1024;
    const size = context.content.length;
    if (size <= limit) return;
    const verb = context.source === 'index' ? 'Adds a file of' : 'File of';
    context.report({ message: `${verb} ${kib(size)}, over the ${context.options.maxFileSizeKb} KiB limit (checks.hygiene.maxFileSizeKb).`, line: 0, column: 0 });
  },
};
