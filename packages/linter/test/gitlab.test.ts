import { describe, expect, it } from 'vitest';
import { fingerprintHash, getFormatter, gitlab, toGitlabIssues, type GitlabIssue } from '../src/formatters/index.js';
import { lint, type LintResult } from '../src/index.js';
import { loudRule, typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule, loudRule];
const cwd = '/work/reports';

function results(text = '推进法冶政府建设。\nTODO：补充2021年数据，法冶\n'): LintResult[] {
  return [
    lint(text, {
      rules,
      filePath: `${cwd}/2021/长沙市报告.md`,
      config: { rules: { 'statistics/test-loud': 'info' } },
    }),
    lint('法治\n', { rules: [typoRule], filePath: `${cwd}/clean.txt` }),
  ];
}

const SEVERITIES = new Set(['info', 'minor', 'major', 'critical', 'blocker']);

describe('gitlab (Code Quality report)', () => {
  it('writes one entry per finding with the fields GitLab reads', () => {
    const issues = JSON.parse(gitlab(results(), { cwd })) as GitlabIssue[];
    expect(issues).toHaveLength(4);
    expect(issues[1]).toEqual({
      description: '“法冶”应为“法治”',
      check_name: 'style/test-typo',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: 'major',
      location: { path: '2021/长沙市报告.md', lines: { begin: 1 } },
    });
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(SEVERITIES.has(issue.severity)).toBe(true);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
  });

  it('maps error → major, warn → minor, info → info', () => {
    const bySeverity = Object.fromEntries(toGitlabIssues(results(), { cwd }).map((i) => [i.check_name, i.severity]));
    expect(bySeverity).toEqual({ 'statistics/test-loud': 'info', 'style/test-typo': 'major', 'structure/test-word': 'minor' });
  });

  it('fingerprints are unique within a report and stable across runs', () => {
    const a = toGitlabIssues(results(), { cwd });
    const b = toGitlabIssues(results(), { cwd });
    expect(a.map((i) => i.fingerprint)).toEqual(b.map((i) => i.fingerprint));
    expect(new Set(a.map((i) => i.fingerprint)).size).toBe(a.length);
  });

  it('a finding keeps its fingerprint when unrelated text changes elsewhere on other lines', () => {
    const before = toGitlabIssues(results('推进法冶政府建设。\n其他内容。\n'), { cwd });
    const after = toGitlabIssues(results('推进法冶政府建设。\n其他内容有改动。\n'), { cwd });
    const typo = (list: GitlabIssue[]) => list.find((i) => i.check_name === 'style/test-typo')!.fingerprint;
    expect(typo(after)).toBe(typo(before));
    // Moving the finding to another line is a different finding for GitLab.
    const moved = toGitlabIssues(results('\n推进法冶政府建设。\n'), { cwd });
    expect(typo(moved)).not.toBe(typo(before));
  });

  it('two equal findings on one line still get different fingerprints', () => {
    const issues = toGitlabIssues(results('法冶法冶\n'), { cwd }).filter((i) => i.check_name === 'style/test-typo');
    expect(issues).toHaveLength(2);
    expect(issues[0]!.fingerprint).not.toBe(issues[1]!.fingerprint);
  });

  it('paths are relative to cwd with forward slashes, and a clean run is an empty array', () => {
    const win = lint('法冶\n', { rules: [typoRule], filePath: 'C:\\repo\\docs\\a.md' });
    expect(toGitlabIssues([win], { cwd: 'C:\\repo' })[0]!.location.path).toBe('docs/a.md');
    expect(JSON.parse(gitlab([results()[1]!], { cwd }))).toEqual([]);
    expect(JSON.parse(gitlab([], { cwd }))).toEqual([]);
  });

  it('is registered under the name gitlab', () => {
    expect(getFormatter('gitlab')).toBe(gitlab);
  });

  it('fingerprintHash is a deterministic 32-digit hex digest that separates near inputs', () => {
    expect(fingerprintHash('a')).toBe(fingerprintHash('a'));
    expect(fingerprintHash('a')).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintHash('')).toMatch(/^[0-9a-f]{32}$/);
    const digests = new Set(Array.from({ length: 1000 }, (_, i) => fingerprintHash(`docs/a.md\u0000style/x\u0000m\u0000${i}`)));
    expect(digests.size).toBe(1000);
  });
});
