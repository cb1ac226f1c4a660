import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs build script
import { MODULE_PATH, readRecords, render } from '../scripts/generate-law-versions.mjs';
import { builtinCatalogue } from '../src/catalogue/entries.js';
import { researchCampaigns, researchLaws, researchWordings } from '../src/catalogue/law-versions.js';
import { MERGED_TIMELINE_LAWS } from '../src/catalogue/research.js';
import { timelineRecords } from '../src/catalogue/timeline.js';
import { firstDayOf, lawVersions, newestAdopted, nextVersion, versionInForce, versionLabel } from '../src/catalogue/versions.js';

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const byId = new Map(builtinCatalogue.map((e) => [e.id, e]));

describe('law-version research data', () => {
  it('the committed module is what the generator makes of data/law-versions.json (no drift)', () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(render(readRecords()));
  });

  it('holds the 90 laws with 232 versions, 24 campaigns and the wording records', () => {
    expect(researchLaws).toHaveLength(90);
    expect(researchLaws.reduce((n, l) => n + l.versions.length, 0)).toBe(232);
    expect(researchCampaigns).toHaveLength(24);
    expect(researchWordings.length).toBeGreaterThanOrEqual(29);
  });

  it('every law is a catalogue entry with all its versions, ISO dates and a source per version', () => {
    for (const law of researchLaws) {
      const e = byId.get(law.id)!;
      expect(e, law.id).toBeDefined();
      expect(e.kind).toBe('law');
      expect(e.versions).toHaveLength(law.versions.length);
      for (const v of e.versions!) {
        if (v.adopted) expect(v.adopted, law.id).toMatch(ISO);
        if (v.effective) expect(v.effective, law.id).toMatch(ISO);
        expect(v.source, law.id).toBeTruthy();
      }
      // Aliases never hold a version phrase: the version reader finds those around the name.
      for (const a of e.aliases ?? []) expect(a, law.id).not.toMatch(/^新|修订|修正/u);
    }
  });

  it('every campaign is a catalogue entry; successors exist or are named', () => {
    for (const c of researchCampaigns) {
      const e = byId.get(c.id)!;
      expect(e.kind).toBe('campaign');
      if (c.successor?.startsWith('cp-')) expect(byId.has(c.successor)).toBe(true);
      else if (c.successor) expect(e.successorName).toBe(c.successor);
    }
  });

  it('timeline law records merged into a researched law agree with one of its versions (or a correction the research documents)', () => {
    // Section D of the research corrects law-stfd-2026: adopted 2026-03-12, in force 2026-08-15.
    const corrected = new Set(['law-stfd-2026']);
    for (const [id, lv] of Object.entries(MERGED_TIMELINE_LAWS)) {
      const t = timelineRecords.find((r) => r.id === id);
      const e = byId.get(lv)!;
      expect(e.formerIds, id).toContain(id);
      if (!t?.start || corrected.has(id)) continue;
      const dates = (e.versions ?? []).flatMap((v) => [v.effective, v.adopted]);
      expect(dates, `${id} ${t.start}`).toContain(t.start);
    }
  });

  it('the version in force on a day: 行政处罚法 2017 amendment in 2020, 2021 revision from 2021-07-15', () => {
    const e = byId.get('lv-xingzhengchufafa')!;
    expect(versionLabel(versionInForce(e, 20200601)!)).toBe('2017年修正');
    expect(versionLabel(versionInForce(e, 20210714)!)).toBe('2017年修正');
    expect(versionLabel(versionInForce(e, 20210715)!)).toBe('2021年修订');
    expect(versionLabel(newestAdopted(e, 20210301)!)).toBe('2021年修订');
    expect(versionInForce(e, 19900101)).toBeUndefined();
    const v2017 = lawVersions(e).find((v) => v.adopted === '2017-09-01')!;
    expect(nextVersion(e, v2017)?.effective).toBe('2021-07-15');
  });

  it('the ten environmental laws are repealed on 2026-08-15 by the 生态环境法典; 森林法 is not', () => {
    const repealed = builtinCatalogue.filter((e) => e.successor === 'lv-shengtaihuanjingfadian');
    expect(repealed).toHaveLength(10);
    for (const e of repealed) {
      expect(e.validUntil).toBe('2026-08-15');
      expect(e.confidence).toBe('confirmed');
      expect(versionInForce(e, 20260901)).toBeUndefined();
    }
    expect(byId.get('lv-senlinfa')!.validUntil).toBeUndefined();
  });

  it('the nine laws the Civil Code repealed name it as successor', () => {
    for (const id of ['law-mftz', 'law-mfzz', 'law-htf', 'law-wqf', 'law-dbf', 'law-hyf', 'law-jcf', 'law-syf', 'law-qqzrf']) {
      expect(byId.get(id)!.successor, id).toBe('lv-minfadian');
    }
    expect(firstDayOf(byId.get('lv-minfadian')!.validFrom)).toBe(20210101);
  });
});
