import { describe, expect, it } from 'vitest';
import { LAB_SCENARIOS } from '../../../electron/lab/labScenarios.js';
import { labHostRedirects, labSites } from '../../../electron/lab/labSites.js';

const REQUIRED_INPUTS = [
  'www.naver.com',
  'www.google.com',
  'https://www.naver.com/hsts',
  'naver.com',
  'http://www.naver.com/go/google',
  'what is dns',
  'naver',
  'cname.naver.com',
  'www.glueless-lab.com',
  'www.no-such-site-lab.com',
  'servfail.naver.com',
  'silent.naver.com',
  'refused.naver.com',
  'http://www.naver.com/slow-head',
  'https://expired.badssl-lab.com/',
  'https://wrong-host.badssl-lab.com/',
  'https://untrusted-root.badssl-lab.com/',
  'http://www.naver.com/loop',
  'http://www.naver.com/cookie/set',
  'http://www.naver.com/cookie/show',
  'http://www.naver.com/cached/page',
  'http://www.naver.com/gzip',
  'http://www.naver.com/br',
  'http://www.naver.com/chunked',
  'http://www.naver.com/status/404',
  'http://www.naver.com/status/500',
  'http://www.naver.com/status/204',
  'http://www.naver.com/escape',
  'http://www.naver.com/status/205',
  'http://www.naver.com/download/report.zip',
  'http://www.naver.com/download/data.bin',
  'http://www.naver.com/mime/no-content-type',
  'http://www.naver.com/mime/unknown-type',
  'http://www.naver.com/mime/binary-as-text',
  'http://www.naver.com/mime/nosniff-mislabeled',
  'http://www.naver.com/mime/png-no-type',
  'http://malware.testsafebrowsing-lab.com/',
  'http://phishing.testsafebrowsing-lab.com/',
  'http://www.naver.com/unsafe/payload.html',
  'http://www.naver.com/render/scripts',
  'http://www.naver.com/render/corb',
  'http://www.naver.com/render/display',
  'http://www.naver.com/render/slow-css',
];

const HANGUL = /[\uac00-\ud7a3]/;

describe('Lab scenarios', () => {
  it('cover every required input, once each', () => {
    const inputs = LAB_SCENARIOS.map((s) => s.input);
    for (const input of REQUIRED_INPUTS) expect(inputs, input).toContain(input);
    expect(new Set(inputs).size).toBe(inputs.length);
  });

  it('are well-formed, with unique kebab-case ids and both languages', () => {
    const ids = LAB_SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const scenario of LAB_SCENARIOS) {
      expect(Object.keys(scenario).sort()).toEqual(['description', 'id', 'input', 'title']);
      expect(scenario.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(scenario.input.trim()).toBe(scenario.input);
      expect(scenario.input.length).toBeGreaterThan(0);
      for (const lang of ['en', 'ko'] as const) {
        expect(scenario.title[lang].trim().length, `${scenario.id} title.${lang}`).toBeGreaterThan(0);
        expect(scenario.description[lang].trim().length, `${scenario.id} description.${lang}`).toBeGreaterThan(20);
        expect(scenario.description[lang], `${scenario.id} description.${lang}`).toMatch(/[.)]$/);
      }
      expect(scenario.description.ko, scenario.id).toMatch(HANGUL);
      // 합니다체: every Korean sentence ends in a formal declarative (…니다.) or a polite request (…세요.).
      for (const sentence of scenario.description.ko.split(/(?<=[.])\s+/)) {
        expect(sentence, scenario.id).toMatch(/(니다|세요)(\([^)]*\))?\.$/);
      }
    }
  });

  it('name hosts the lab serves (or deliberately does not)', () => {
    const served = new Set([...labSites.flatMap((s) => s.hosts), ...labHostRedirects.flatMap((r) => r.hosts)]);
    const notServed = new Set([
      'www.no-such-site-lab.com',
      'servfail.naver.com',
      'silent.naver.com',
      'refused.naver.com',
      'malformed.naver.com',
      'wrong-id.naver.com',
      'loop.naver.com',
      'truncated.naver.com',
    ]);
    for (const scenario of LAB_SCENARIOS) {
      if (!/^[a-z0-9.-]+\.[a-z]+(\/.*)?$/i.test(scenario.input) && !/^https?:\/\//.test(scenario.input)) continue;
      const host = new URL(/^https?:\/\//.test(scenario.input) ? scenario.input : `http://${scenario.input}`).hostname;
      expect(served.has(host) || notServed.has(host), `${scenario.id}: ${host}`).toBe(true);
    }
  });

  it('name paths the lab serves on www.naver.com', () => {
    const naver = labSites.find((site) => site.hosts.includes('www.naver.com'));
    const exact = Object.keys(naver?.routes ?? {});
    const prefixes = Object.keys(naver?.prefixRoutes ?? {});
    for (const scenario of LAB_SCENARIOS) {
      if (!/^https?:\/\/www\.naver\.com\//.test(scenario.input)) continue;
      const path = new URL(scenario.input).pathname;
      expect(
        exact.includes(path) || prefixes.some((prefix) => path.startsWith(prefix)),
        `${scenario.id}: ${path}`,
      ).toBe(true);
    }
  });

  it('are plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(LAB_SCENARIOS))).toEqual(LAB_SCENARIOS);
  });
});
