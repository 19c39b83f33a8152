/**
 * The commit-msg check (.githooks/commit-msg runs it with the message file): a subject
 * line of at most 72 characters, then a blank line and a body that says why. Git's
 * `log --oneline`, blame views and release notes show the subject alone, and cut it off
 * past 72 characters. Comment lines (git's "#" lines, and everything below the scissors
 * line of `commit -v`) are not part of the message. Merge commits and fixup!/squash!/
 * amend! commits (folded away by `rebase --autosquash`) need no body.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUBJECT_LIMIT = 72;

const SCISSORS = /^# -+ >8 -+$/;

/** The message as git will store it: comments and the diff below the scissors line removed. */
function messageLines(text) {
  const lines = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (SCISSORS.test(line)) break;
    if (line.startsWith('#')) continue;
    lines.push(line.replace(/\s+$/, ''));
  }
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** What is wrong with a commit message (empty when nothing is). */
export function commitMessageProblems(text, { merging = false } = {}) {
  const lines = messageLines(text);
  if (lines.length === 0) return ['the message is empty'];
  const subject = lines[0];
  const problems = [];
  const length = [...subject].length;
  if (length > SUBJECT_LIMIT) {
    problems.push(
      `the subject line is ${length} characters long; keep it to ${SUBJECT_LIMIT} (git log --oneline, blame views and release notes show only the subject)`,
    );
  }
  if (merging || /^Merge /.test(subject) || /^(fixup|squash|amend)! /.test(subject)) return problems;
  if (lines.length === 1) {
    problems.push('there is no body: add a blank line after the subject, then say why the change is made');
  } else if (lines[1] !== '') {
    problems.push('the second line must be blank: it separates the subject from the body');
  } else if (lines.slice(2).every((line) => line === '')) {
    problems.push('there is no body after the blank line: say why the change is made');
  }
  return problems;
}

function isMerging() {
  try {
    const mergeHead = execFileSync('git', ['rev-parse', '--git-path', 'MERGE_HEAD'], { encoding: 'utf8' }).trim();
    return existsSync(mergeHead);
  } catch {
    return false;
  }
}

/** The hook: exits 1 with the problems when the message does not fit. */
export function main(file) {
  if (!file) {
    process.stderr.write('commit-msg: no message file given\n');
    return 1;
  }
  const problems = commitMessageProblems(readFileSync(file, 'utf8'), { merging: isMerging() });
  if (problems.length === 0) return 0;
  process.stderr.write(
    `commit-msg: the commit message does not fit NavScope's rules:\n${problems.map((p) => `  - ${p}\n`).join('')}` +
      `Your message is kept in ${file}; edit it with: git commit -e -F ${file}\n` +
      'The template (.gitmessage) shows the form.\n',
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv[2]);
}
