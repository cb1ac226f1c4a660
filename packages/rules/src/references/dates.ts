import type { CalendarDate } from '@fzlint/parser';

/*
 * Catalogue dates carry only the precision that was verified (`2018`, `2018-03`,
 * `2018-03-13`). Comparisons take the side that avoids a false finding: a thing
 * ends at the *last* day its date allows and starts at the *first*.
 */

/** A day as a sortable number, yyyymmdd. */
export type DayNumber = number;

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const earliestMemo = new Map<string, DayNumber | undefined>();
const latestMemo = new Map<string, DayNumber | undefined>();

/** The first day an ISO date of any precision can mean (memoised: every reference asks). */
export function earliestDay(iso: string | undefined): DayNumber | undefined {
  if (iso === undefined) return undefined;
  if (earliestMemo.has(iso)) return earliestMemo.get(iso);
  const day = parseEarliest(iso);
  if (earliestMemo.size < 10000) earliestMemo.set(iso, day);
  return day;
}

function parseEarliest(iso: string): DayNumber | undefined {
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  return y * 10000 + mo * 100 + d;
}

/** The last day an ISO date of any precision can mean (memoised). */
export function latestDay(iso: string | undefined): DayNumber | undefined {
  if (iso === undefined) return undefined;
  if (latestMemo.has(iso)) return latestMemo.get(iso);
  const day = parseLatest(iso);
  if (latestMemo.size < 10000) latestMemo.set(iso, day);
  return day;
}

function parseLatest(iso: string): DayNumber | undefined {
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 12;
  const d = m[3] ? Number(m[3]) : daysInMonth(y, mo);
  return y * 10000 + mo * 100 + d;
}

/** A calendar date as a day number. */
export function dayOf(date: CalendarDate): DayNumber {
  return date.year * 10000 + date.month * 100 + date.day;
}

/** The year of a day number. */
export function yearOfDay(day: DayNumber): number {
  return Math.floor(day / 10000);
}

/** `2018-03` → 2018年3月, `2021-01-01` → 2021年1月1日. */
export function formatIsoZh(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2018-03` → March 2018, `2021-01-01` → 1 January 2021. */
export function formatIsoEn(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  return [m[3] ? String(Number(m[3])) : '', month ?? '', m[1]].filter(Boolean).join(' ');
}

/** A calendar date as ISO text. */
export function isoOf(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
