import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../src/catalogue/entries.js';
import { timelineRecords } from '../src/catalogue/timeline.js';
import { domainTypoEntries, officialNameEntries } from '../src/style.js';

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const byId = new Map(builtinCatalogue.map((e) => [e.id, e]));

describe('built-in catalogue', () => {
  it('holds every record of the research timeline (138) with its dates, successor, source and confidence', () => {
    expect(timelineRecords.length).toBe(138);
    for (const r of timelineRecords) {
      const e = byId.get(r.id);
      if (!e) {
        // Held in more detail by the law-version research: a law with all its versions, or a dated campaign.
        const newer = builtinCatalogue.find((x) => x.formerIds?.includes(r.id));
        expect(newer, r.id).toBeDefined();
        expect(['law', 'campaign'], r.id).toContain(newer!.kind);
        continue;
      }
      expect(e!.name).toBe(r.name);
      expect(e!.validFrom ?? null).toBe(r.start);
      if (r.end) expect(e!.validUntil).toBe(r.end);
      // A successor the research now holds in more detail is named by its new id.
      const successor = e!.successor ? builtinCatalogue.find((x) => x.id === e!.successor) : undefined;
      expect((e!.successor ?? null) === r.supersededBy || (r.supersededBy !== null && successor?.formerIds?.includes(r.supersededBy) === true), r.id).toBe(true);
      expect(e!.source).toBe(r.source);
      expect(e!.confidence).toBe(r.confidence);
    }
  });

  it('has unique ids, ISO dates in order and successors that exist', () => {
    expect(byId.size).toBe(builtinCatalogue.length);
    for (const e of builtinCatalogue) {
      if (e.validFrom) expect(e.validFrom, e.id).toMatch(ISO);
      if (e.validUntil) expect(e.validUntil, e.id).toMatch(ISO);
      if (e.validFrom && e.validUntil) expect(e.validFrom <= e.validUntil, e.id).toBe(true);
      if (e.successor) expect(byId.has(e.successor), `${e.id} → ${e.successor}`).toBe(true);
      expect(e.source, e.id).toBeTruthy();
    }
  });

  it('an entry without an end date but with a successor ends when the successor starts', () => {
    const e = byId.get('policy-jiaqiang-fzzf-yijian-2010')!;
    expect(e.validUntil).toBe(byId.get('plan-fzzf-gangyao-2015')!.validFrom);
  });

  it('gives a rename text only for aliases it knows, and only on renames', () => {
    for (const e of builtinCatalogue) {
      if (!e.renames) continue;
      expect(e.successorIsRename, e.id).toBe(true);
      for (const from of Object.keys(e.renames)) {
        expect(
          (e.aliases ?? []).some((a) => a.includes(from)),
          `${e.id}: ${from}`,
        ).toBe(true);
      }
    }
  });

  it('keeps ambiguous short forms out of the aliases (合同法 excludes 劳动合同法; no bare 主题教育)', () => {
    expect(byId.get('law-htf')!.exclude).toContain('劳动合同法');
    expect(byId.get('cp-zhuti-jiaoyu-2023')!.aliases).not.toContain('主题教育');
    expect(byId.get('cp-saohei-zhuanxiang')!.aliases).not.toContain('扫黑除恶');
    expect(byId.get('cp-gonggu-xianjie')!.aliases).not.toContain('过渡期');
    expect(byId.get('plan-pufa-7')!.aliases).not.toContain('七五');
  });

  it('every matchable entry has at least one alias', () => {
    for (const e of builtinCatalogue) {
      if (e.id === 'org-xinfangju-2023') continue; // never written as such in reports
      expect((e.aliases ?? []).length, e.id).toBeGreaterThan(0);
    }
  });
});

describe('style lists', () => {
  it('every pattern compiles, matches its wrong example and not its correct one; fixes give the correct example', () => {
    for (const s of [...officialNameEntries, ...domainTypoEntries]) {
      const re = new RegExp(s.pattern, 'u');
      expect(re.test(s.wrongExample), s.id).toBe(true);
      if (s.correct !== undefined) {
        expect(s.wrongExample.replace(re, s.correct), s.id).toBe(s.correctExample);
        expect(re.test(s.correctExample), s.id).toBe(false);
      }
      expect(s.reason.length, s.id).toBeGreaterThan(0);
      expect(s.reasonEn.length, s.id).toBeGreaterThan(0);
    }
  });
});
