// The development corpus as the continuity measurement and generator scripts read it:
// every report of fixtures/corpus (full/, archive/, excerpts/) with its issuer, as the
// corpus index files record them. Reads only fixtures/ (never /work/shared).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('../../../fixtures/corpus/', import.meta.url));

function jsonl(path) {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

/**
 * One key per issuer: the index's issuer names with the bracketed notes, 人民政府 and
 * the Party-committee half of joint names dropped (北京市西城区人民政府 and 北京市西城区
 * are one issuer; 中共宽城区委 宽城区人民政府 is 宽城区).
 */
export function issuerKey(issuer) {
  return issuer
    .replace(/[（(][^)）]*[)）]/g, '')
    .replace(/中共\S*?(?:委员会|委)[、\s]+/g, '')
    .replace(/^中共(\S+?)党组$/, '$1')
    .replace(/人民政府|政府/g, '')
    .replace(/\s+/g, '');
}

/** Every corpus report: `{ name, path, text, issuer, key, year }`. */
export function corpusReports() {
  const out = [];
  for (const j of jsonl(join(CORPUS, 'index.jsonl'))) out.push({ ...j, path: join(CORPUS, j.file) });
  for (const j of jsonl(join(CORPUS, 'archive/index.jsonl'))) out.push({ ...j, path: join(CORPUS, j.file) });
  for (const j of jsonl(join(CORPUS, 'excerpts/index.jsonl'))) out.push({ ...j, path: join(CORPUS, 'excerpts', j.file) });
  return out.map((j) => ({
    name: j.file.replace(/^.*\//, '').replace(/\.txt$/, ''),
    path: j.path,
    text: readFileSync(j.path, 'utf8'),
    issuer: j.issuer,
    key: issuerKey(j.issuer),
    year: j.report_year,
  }));
}
