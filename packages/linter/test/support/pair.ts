/**
 * A pair built from the corpus: 宽城区's 2020 report (full/002) and a 2021 draft whose
 * body is another unit's report (full/001) with one passage of 2020 copied in (years
 * typed over) and 2020's count of administrative litigation cases restated (38 for 35).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'fixtures', 'corpus', 'full');
export const LAST = readFileSync(join(CORPUS, '002_55a70afaa3186b60.txt'), 'utf8');
const DONOR = readFileSync(join(CORPUS, '001_72ea27b1fd9ec9ba.txt'), 'utf8');
const COPIED_FROM = LAST.split('\n').find((l) => l.includes('持续开展简政放权'))!.trim();
const BODY = DONOR.slice(DONOR.indexOf('\n', DONOR.indexOf('法治政府建设')) + 1);
const TITLE = '宽城区人民政府关于2021年度法治政府建设情况的报告';
/** The 2021 draft: a passage of 2020 copied (years typed over) and 2020's 35 cases restated as 38. */
export const DRAFT = `${TITLE}\n一、2021年度法治政府建设工作情况\n${COPIED_FROM.replace(/2020年/g, '2021年')}\n上年,区政府共处理行政应诉案件38件。\n${BODY}`;
export const LINE_OF_COPY = LAST.split('\n').findIndex((l) => l.includes('持续开展简政放权')) + 1;
export const LINE_OF_FIGURE = LAST.split('\n').findIndex((l) => l.includes('行政应诉案件35件')) + 1;
export const LAST_NAME = '宽城区2020年度法治政府建设情况报告.txt';
export const DRAFT_NAME = '宽城区2021年度法治政府建设情况报告.txt';

/** The 2021 draft without the copied passage and the restated figure. */
export const CLEAN = `${TITLE}\n${BODY}`;
