/**
 * `npm install` (the prepare script) points git at the repository's hooks and commit
 * message template: core.hooksPath = .githooks, commit.template = .gitmessage. It does
 * nothing outside a git checkout, and leaves hooks or a template someone set up
 * differently alone (saying so). By hand: git config core.hooksPath .githooks &&
 * git config commit.template .gitmessage
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

function configured(key) {
  try {
    return git('config', '--get', key);
  } catch {
    return null; // not set (git config exits 1)
  }
}

function install(key, value, what) {
  const current = configured(key);
  if (current === value) return;
  if (current !== null) {
    process.stdout.write(`navscope: ${key} is ${current}; leaving it (NavScope's ${what}: ${value})\n`);
    return;
  }
  git('config', key, value);
  process.stdout.write(`navscope: ${key} set to ${value} (${what})\n`);
}

let topLevel = null;
try {
  topLevel = git('rev-parse', '--show-toplevel');
} catch {
  // Not a git checkout (an installed package, a tarball) or no git: nothing to do.
}
if (topLevel !== null && path.resolve(topLevel) === root && existsSync(path.join(root, '.githooks', 'commit-msg'))) {
  install('core.hooksPath', '.githooks', 'the commit-msg hook that checks subject length and body');
  install('commit.template', '.gitmessage', 'the commit message template');
}
