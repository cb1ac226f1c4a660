import type { CatalogueEntry, LawVersion } from './types.js';

/*
 * Reading a law's versions. Dates carry only the precision that was checked
 * (`2021`, `2021-07`, `2021-07-15`); a version is in force from the *last* day its
 * effective date allows and was adopted on the *first*, the side that avoids a false
 * finding. Days are compared as numbers yyyymmdd.
 */

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first day an ISO date of any precision can mean, as yyyymmdd. */
export function firstDayOf(iso: string | undefined): number | undefined {
  const m = iso ? ISO.exec(iso) : null;
  if (!m) return undefined;
  return Number(m[1]) * 10000 + (m[2] ? Number(m[2]) : 1) * 100 + (m[3] ? Number(m[3]) : 1);
}

/** The last day an ISO date of any precision can mean, as yyyymmdd. */
export function lastDayOf(iso: string | undefined): number | undefined {
  const m = iso ? ISO.exec(iso) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 12;
  const d = m[3] ? Number(m[3]) : new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return y * 10000 + mo * 100 + d;
}

/** The adoption year of a version, as reports cite it (2021 for 《…》（2021年修订）). */
export function adoptionYear(version: LawVersion): number | undefined {
  return version.adopted ? Number(version.adopted.slice(0, 4)) : undefined;
}

/** How a report cites a version in brackets: `2021年修订`, `2017年修正`; the first enactment has no bracket (empty). */
export function versionLabel(version: LawVersion): string {
  const year = adoptionYear(version);
  if (year === undefined || version.kind === '废止' || version.kind === '制定') return '';
  return `${year}年${version.kind}`;
}

/** The day a version came into force, at the latest; undefined when its effective date is unknown. */
export function inForceFrom(version: LawVersion): number | undefined {
  return lastDayOf(version.effective);
}

/** The versions of an entry that are not repeals, oldest first. */
export function lawVersions(entry: CatalogueEntry): readonly LawVersion[] {
  return (entry.versions ?? []).filter((v) => v.kind !== '废止');
}

/** The repeal of an entry, if it has one. */
export function repealOf(entry: CatalogueEntry): LawVersion | undefined {
  return entry.versions?.find((v) => v.kind === '废止');
}

/**
 * The version in force on a day (yyyymmdd): the last non-repeal version that had
 * surely taken effect by then. A version whose effective date is unknown counts from
 * its adoption only when no later version is known to be in force. Undefined before
 * the first version, and after a repeal that had taken effect.
 */
export function versionInForce(entry: CatalogueEntry, day: number): LawVersion | undefined {
  const repeal = repealOf(entry);
  const repealDay = firstDayOf(repeal?.effective);
  if (repealDay !== undefined && repealDay <= day) return undefined;
  let best: LawVersion | undefined;
  for (const v of lawVersions(entry)) {
    const from = inForceFrom(v) ?? firstDayOf(v.adopted);
    if (from !== undefined && from <= day) best = v;
  }
  return best;
}

/** The newest version adopted by a day (it may not be in force yet). */
export function newestAdopted(entry: CatalogueEntry, day: number): LawVersion | undefined {
  let best: LawVersion | undefined;
  for (const v of lawVersions(entry)) {
    const adopted = firstDayOf(v.adopted);
    if (adopted !== undefined && adopted <= day) best = v;
  }
  return best;
}

/** The version after `version` (or the repeal), if any. */
export function nextVersion(entry: CatalogueEntry, version: LawVersion): LawVersion | undefined {
  const list = entry.versions ?? [];
  const i = list.indexOf(version);
  return i >= 0 ? list[i + 1] : undefined;
}

/** The full citation of a version: 《中华人民共和国行政处罚法》（2021年修订）. */
export function versionCitation(entry: CatalogueEntry, version: LawVersion): string {
  if (version.cite) return version.cite;
  const label = versionLabel(version);
  return label ? `${entry.name}（${label}）` : entry.name;
}
