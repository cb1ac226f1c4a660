import type { CatalogueEntry } from '@fzlint/ontology';
import type { TextRange } from '@fzlint/parser';
import { defineRule, type Severity } from '@fzlint/rule-api';
import { formatIsoEn, formatIsoZh, isoOf } from './dates.js';
import { capFor, datesKnown } from './judge.js';
import { analyzeReferences, congressSentences, type CongressPhrase, type Meeting } from './match.js';

type MessageId = 'notLatest' | 'notLatestInPlan';

/** 党的二十大 / 二十届三中全会: the short form reports use. */
function shortName(entry: CatalogueEntry): string {
  const aliases = entry.aliases ?? [];
  return aliases.find((a) => a.startsWith('党的')) ?? aliases[0] ?? entry.name;
}

/**
 * Whether any of these sentences (ranges of `text`) may hold a congress phrase: the rule reads a
 * paragraph only through its phrases, which the references analysis finds sentence by sentence
 * and only in the sentences `congressSentences` lets through. The linter's edit path asks it of
 * the sentences a keystroke touched, old and new: with none, the paragraph names the same
 * meetings as before and the findings are the last lint's, shifted.
 */
export function mayHoldCongressPhrase(text: string, sentences: ReadonlyArray<{ readonly range: TextRange }>): boolean {
  return congressSentences(text, sentences).length > 0;
}

/** The meetings the phrases of one paragraph name, summed up. */
interface ParagraphMeetings {
  /** Central Committees whose every plenum is named (历次全会). */
  readonly allOf: ReadonlySet<number>;
  /** The latest Central Committee named, by a meeting or by 历次全会. */
  readonly maxCc: number;
  /** The latest session named of each Central Committee. */
  readonly maxSessionOf: ReadonlyMap<number, number>;
}

function paragraphMeetings(siblings: readonly CongressPhrase[]): ParagraphMeetings {
  const allOf = new Set<number>();
  const maxSessionOf = new Map<number, number>();
  let maxCc = Number.NEGATIVE_INFINITY;
  // Indexed loops: `for…of` made an iterator and a result per step in this code, unoptimised through a CLI run.
  for (let i = 0; i < siblings.length; i++) {
    const p = siblings[i]!;
    for (let k = 0; k < p.meetings.length; k++) {
      const meeting = p.meetings[k]!.meeting;
      if (meeting.cc > maxCc) maxCc = meeting.cc;
      const session = maxSessionOf.get(meeting.cc);
      if (session === undefined || meeting.session > session) maxSessionOf.set(meeting.cc, meeting.session);
    }
    for (let k = 0; k < p.allPlenumsOf.length; k++) {
      const cc = p.allPlenumsOf[k]!;
      allOf.add(cc);
      if (cc > maxCc) maxCc = cc;
    }
  }
  return { allOf, maxCc, maxSessionOf };
}

/** The first of `met` (in catalogue order) that is a congress of a Central Committee after `maxCc`. */
function laterCongress(met: readonly Meeting[], maxCc: number): Meeting | undefined {
  for (let i = 0; i < met.length; i++) if (met[i]!.session === 0 && met[i]!.cc > maxCc) return met[i];
  return undefined;
}

/**
 * The guiding-thought phrase (学习贯彻/深入贯彻/全面贯彻 … 精神) naming a Party
 * congress or plenum that was no longer the latest on the writing date, while a
 * later one had already met. Two cases:
 * - no phrase of the paragraph names a congress that had met by then
 *   (学习贯彻党的十九大精神 in a report written in 2024);
 * - a phrase lists plenums one by one and leaves out one that had met
 *   (二十届二中全会 listed, 三中全会 of 2024-07 missing in a 2024 report).
 * A plenum named alone (学习党的十九届五中全会精神) is cited for its content and passes.
 * “历次全会” covers every plenum of its Central Committee. Meetings named
 * elsewhere in the same paragraph count (十九届历次全会和党的二十大精神 passes).
 * Not phrases: 写入党的十九大报告, 党的十九大以来, 党的二十大召开后 — historical.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/outdated-congress',
    family: 'references',
    // The ceiling: findings carry their own severity (error only in the next-year plan).
    defaultSeverity: 'error',
    description: {
      'zh-CN': '指导思想表述中的党代会或全会不是成稿时最新的一次',
      en: 'The guiding-thought phrase names a Party congress or plenum that was not the latest when the report was written',
    },
    fixable: false,
    scope: 'paragraph',
    messages: {
      notLatest: {
        'zh-CN': '「{{text}}精神」：成稿时（{{writing}}）{{missing}}已于{{since}}召开，指导思想表述应包括{{missing}}精神。',
        en: '“{{text}}精神”: by the writing date ({{writingEn}}) {{missing}} had met ({{sinceEn}}); the guiding phrase should include it.',
      },
      notLatestInPlan: {
        'zh-CN': '下一年度工作安排以「{{text}}精神」为指导，但{{missing}}已于{{since}}召开，应学习贯彻{{missing}}精神。',
        en: 'The next-year plan is guided by “{{text}}精神”, but {{missing}} met on {{sinceEn}}; it should follow {{missing}}.',
      },
    },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const { congressPhrases, compiled, dates } = analyzeReferences(document, context.settings);
    if (congressPhrases.length === 0) return;
    const byParagraph = new Map<number, CongressPhrase[]>();
    for (let i = 0; i < congressPhrases.length; i++) {
      const p = congressPhrases[i]!;
      const list = byParagraph.get(p.paragraphIndex) ?? [];
      list.push(p);
      byParagraph.set(p.paragraphIndex, list);
    }
    const met = compiled.meetings.filter((m) => m.start <= dates.writing && m.entry.confidence === 'confirmed');
    const writingIso = isoOf(context.settings.writingDate!);
    // What the meetings of a paragraph add up to, once per paragraph (not per phrase: a paragraph
    // of many phrases was quadratic), by loops (a spread into Math.max passed a hostile
    // paragraph's 200,000 meetings as arguments and overflowed the stack).
    const summaries = new Map<number, ParagraphMeetings>();
    for (let i = 0; i < congressPhrases.length; i++) {
      const phrase = congressPhrases[i]!;
      let summary = summaries.get(phrase.paragraphIndex);
      if (!summary) {
        summary = paragraphMeetings(byParagraph.get(phrase.paragraphIndex) ?? [phrase]);
        summaries.set(phrase.paragraphIndex, summary);
      }
      const { allOf, maxCc, maxSessionOf } = summary;
      // A later congress that no phrase of the paragraph names.
      let missing = laterCongress(met, maxCc);
      // The cumulative formula (十九大和十九届二中、三中全会) must be complete; one plenum named alone
      // (学习党的十九届五中全会精神) is cited for its own content. Counted in a loop, the plenums
      // listed made only when it is (not a filter, a map and a some, with their closures, per phrase).
      let plenums = 0;
      let congresses = 0;
      for (let k = 0; k < phrase.meetings.length; k++) {
        if (phrase.meetings[k]!.meeting.session > 0) plenums++;
        else congresses++;
      }
      const cumulative = plenums >= 2 || (plenums > 0 && congresses > 0);
      if (!missing && cumulative) {
        const listed = phrase.meetings.filter((m) => m.meeting.session > 0).map((m) => m.meeting);
        // Plenums listed one by one in this phrase, with a later one of the same CC left out.
        // Only the latest Central Committee matters: a later congress closes the plenums of the one before.
        for (const cc of new Set(listed.map((m) => m.cc))) {
          if (allOf.has(cc) || cc < maxCc) continue;
          const maxSession = maxSessionOf.get(cc) ?? Number.NEGATIVE_INFINITY;
          const later = met.find((m) => m.cc === cc && m.session > maxSession);
          if (later) {
            missing = later;
            break;
          }
        }
      }
      if (!missing) continue;
      const since = missing.entry.validFrom ?? '';
      const yearStart = dates.reportYear * 10000 + 101;
      const yearEnd = dates.reportYear * 10000 + 1231;
      let severity: Severity = phrase.inNextYearPlan ? 'error' : missing.start <= yearEnd ? 'warn' : 'info';
      if (!phrase.inNextYearPlan && missing.start < yearStart) severity = 'warn';
      severity = capFor(phrase.meetings[0]?.entry ?? missing.entry, missing.entry, severity);
      context.report({
        messageId: phrase.inNextYearPlan ? 'notLatestInPlan' : 'notLatest',
        data: {
          text: phrase.text,
          missing: shortName(missing.entry),
          since: formatIsoZh(since),
          sinceEn: formatIsoEn(since),
          writing: formatIsoZh(writingIso),
          writingEn: formatIsoEn(writingIso),
        },
        range: phrase.range,
        severity,
      });
    }
  },
});

export default rule;
