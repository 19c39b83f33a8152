import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../support/temporaryFolder.js';

const root = path.resolve(__dirname, '../..');
const hook = path.join(root, '.githooks', 'commit-msg');

/** Runs the commit-msg hook on a message, as git does (the message file is its argument). */
function check(message: string): { code: number | null; stderr: string } {
  const file = path.join(temporaryFolder('navscope-commit-msg-'), 'COMMIT_EDITMSG');
  writeFileSync(file, message);
  const run = spawnSync('sh', [hook, file], { encoding: 'utf8', cwd: root });
  return { code: run.status, stderr: run.stderr };
}

const BODY = '\n\nThe body says why the change is made.\n';

describe('the commit-msg hook (.githooks/commit-msg)', () => {
  it('accepts a subject of at most 72 characters, a blank line and a body', () => {
    expect(check(`Fix the omnibox's handling of %00${BODY}`)).toEqual({ code: 0, stderr: '' });
    expect(check(`${'x'.repeat(72)}${BODY}`).code).toBe(0);
    // Characters, not bytes: 72 Hangul syllables are 216 bytes of UTF-8.
    expect(check(`${'가'.repeat(72)}${BODY}`).code).toBe(0);
    expect(check(`Subject\n\nA body\nof several lines.\n\nAnd paragraphs.\n`).code).toBe(0);
  });

  it('refuses a subject over 72 characters, naming its length and the limit', () => {
    const result = check(`${'x'.repeat(73)}${BODY}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the subject line is 73 characters long; keep it to 72');
    const historic = check(`Review: ${'a long sentence that goes on; '.repeat(40)}${BODY}`);
    expect(historic.code).toBe(1);
    expect(historic.stderr).toMatch(/the subject line is 1\d{3} characters long/);
  });

  it('refuses a message without a blank line and a body', () => {
    expect(check('Subject only\n')).toMatchObject({ code: 1, stderr: expect.stringContaining('there is no body') });
    expect(check('Subject\nBody right under it\n')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('the second line must be blank'),
    });
    expect(check('Subject\n\n   \n\n')).toMatchObject({ code: 1, stderr: expect.stringContaining('there is no body') });
    expect(check('\n# only comments\n')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('message is empty'),
    });
    // The message stays where git keeps it, and the hook says how to edit it.
    expect(check('Subject only\n').stderr).toMatch(/git commit -e -F .*COMMIT_EDITMSG/);
  });

  it("ignores git's comment lines and what follows the scissors line of commit -v", () => {
    const comments = `# Please enter the commit message for your changes. ${'#'.repeat(100)}\n`;
    expect(check(`${comments}Subject${BODY}${comments}`).code).toBe(0);
    expect(
      check(
        `Subject${BODY}# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n+${'y'.repeat(200)}\n`,
      ).code,
    ).toBe(0);
  });

  it('lets merge commits and fixup!/squash!/amend! commits through without a body', () => {
    expect(check("Merge branch 'issue-24'\n").code).toBe(0);
    expect(check('fixup! Subject\n').code).toBe(0);
    expect(check('squash! Subject\n').code).toBe(0);
    expect(check('amend! Subject\n').code).toBe(0);
    expect(check(`Merge ${'x'.repeat(80)}\n`).code).toBe(1); // still at most 72 characters
  });
});

describe('npm install sets the hook up in a git checkout (.githooks/install.mjs)', () => {
  // A repository of its own, with nothing from this machine's git configuration.
  function repository(): { dir: string; git: (...args: string[]) => { code: number | null; output: string } } {
    const dir = temporaryFolder('navscope-git-');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_CONFIG_GLOBAL: path.join(dir, '.gitconfig-global'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
    };
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY']) delete env[name];
    writeFileSync(env.GIT_CONFIG_GLOBAL!, '');
    const git = (...args: string[]) => {
      const run = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
      return { code: run.status, output: `${run.stdout}${run.stderr}` };
    };
    expect(git('init', '-q', '-b', 'main').code).toBe(0);
    mkdirSync(path.join(dir, '.githooks'));
    for (const file of ['commit-msg', 'commitMessage.mjs', 'install.mjs'])
      copyFileSync(path.join(root, '.githooks', file), path.join(dir, '.githooks', file));
    copyFileSync(path.join(root, '.gitmessage'), path.join(dir, '.gitmessage'));
    execFileSync(process.execPath, [path.join(dir, '.githooks', 'install.mjs')], { cwd: dir, env, stdio: 'pipe' });
    return { dir, git };
  }

  it('points core.hooksPath at .githooks and commit.template at .gitmessage; git then refuses bad messages', () => {
    const { git } = repository();
    expect(git('config', '--get', 'core.hooksPath').output.trim()).toBe('.githooks');
    expect(git('config', '--get', 'commit.template').output.trim()).toBe('.gitmessage');

    const refused = git('commit', '--allow-empty', '-q', '-m', 'x'.repeat(100), '-m', 'Body.');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('the subject line is 100 characters long; keep it to 72');
    expect(git('commit', '--allow-empty', '-q', '-m', 'No body').code).not.toBe(0);
    expect(git('commit', '--allow-empty', '-q', '-m', 'A good subject', '-m', 'A body saying why.').code).toBe(0);

    // A merge commit with git's own message needs no body.
    expect(git('checkout', '-q', '-b', 'topic').code).toBe(0);
    expect(git('commit', '--allow-empty', '-q', '-m', 'On the topic', '-m', 'Why.').code).toBe(0);
    expect(git('checkout', '-q', 'main').code).toBe(0);
    expect(git('merge', '-q', '--no-ff', '--no-edit', 'topic').code).toBe(0);
    expect(git('log', '-1', '--format=%s').output.trim()).toBe("Merge branch 'topic'");
  });

  it('leaves hooks someone set up differently alone', () => {
    const { dir, git } = repository();
    expect(git('config', 'core.hooksPath', 'my-hooks').code).toBe(0);
    const run = spawnSync(process.execPath, [path.join(dir, '.githooks', 'install.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: path.join(dir, '.gitconfig-global'), GIT_CONFIG_NOSYSTEM: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('core.hooksPath is my-hooks; leaving it');
    expect(git('config', '--get', 'core.hooksPath').output.trim()).toBe('my-hooks');
  });
});
