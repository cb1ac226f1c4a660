/**
 * The contents a 法治政府建设年度报告 must (or may) have, as fixed by
 * 《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号).
 */

/** Identifier of a report content ("concept"). */
export type ConceptId =
  | 'measures-and-results'
  | 'shortcomings-and-causes'
  | 'first-responsible-person'
  | 'next-year-plan'
  | 'other';

/** A required or optional content of the annual report. */
export interface ReportConcept {
  readonly id: ConceptId;
  /** Whether the regulation requires it (the fifth item is a catch-all). */
  readonly required: boolean;
  /** The regulation's own wording of the content. */
  readonly regulationWording: string;
  /** Short Chinese label used in messages (主要举措和成效 …). */
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  /** Patterns matched against a heading's text (numbering stripped) that identify the concept. */
  readonly headingPatterns: readonly RegExp[];
  /** Patterns that reveal the content inside prose when it has no heading of its own. */
  readonly prosePatterns: readonly RegExp[];
  /** Skeleton heading text offered when the content is missing; `{year}` / `{nextYear}` are filled in. */
  readonly skeletonHeading: string;
}

/*
 * Patterns are matched against a heading's text with its numbering removed.
 * They are drawn from every heading of the development corpus
 * (fixtures/corpus: full reports and excerpts/sections.jsonl) and from the
 * regulation's wording. Order matters: `conceptOfHeading` tries the concepts in
 * the order of `concepts` and the first match wins, so the specific
 * first-responsible-person wording is tried before the broad results wording.
 */

const Y = String.raw`(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?`;

/** The five contents of the report, in the regulation's order. */
export const concepts: readonly ReportConcept[] = [
  {
    id: 'measures-and-results',
    required: true,
    regulationWording: '上一年度推进法治政府建设的主要举措和成效',
    label: { 'zh-CN': '主要举措和成效', en: 'main measures and results' },
    headingPatterns: [
      /主要(?:举措|措施|做法|工作)[、和及与]?(?:取得的)?(?:主要)?(?:成效|成果|成绩)/,
      /(?:工作)?举措[和及与、]成效/,
      /(?:工作|建设)?(?:开展|推进|落实)?情况(?:及成效)?回顾/,
      /工作开展情况/,
      /(?:^|年度?|建设|推进)(?:工作)?开展情况$/,
      /主要做法(?:和|及|与)?(?:成效|经验)?/,
      /(?:^|年度?|建设|工作)基本情况(?:和主要成效)?/,
      /主要(?:工作|举措|做法)$/,
      /(?:工作|建设)(?:情况|成效)$/,
      /(?:建设)?成效显著/,
      /取得的(?:主要)?成效/,
      /工作(?:完成|推进)情况/,
    ],
    prosePatterns: [
      /(?:主要)?(?:举措|做法)(?:和|及)成效如下/,
      /(?:工作)?情况报告如下/,
    ],
    skeletonHeading: '一、{year}年推进法治政府建设的主要举措和成效',
  },
  {
    id: 'shortcomings-and-causes',
    required: true,
    regulationWording: '上一年度推进法治政府建设存在的不足和原因',
    label: { 'zh-CN': '存在的不足和原因', en: 'shortcomings and their causes' },
    headingPatterns: [
      /存在的?(?:主要)?(?:问题|不足|差距|短板|困难)/,
      /(?:问题|不足|差距|短板|困难)(?:和|及|与|、)(?:不足|问题|原因|差距|短板|困难|建议|挑战)/,
      /(?:不足|问题|差距|短板)(?:及|和|与)?(?:其)?原因/,
      /(?:面临|主要)的?(?:问题|困难|挑战)/,
      /^(?:存在)?(?:问题|不足|差距|短板)$/,
    ],
    prosePatterns: [
      /存在(?:着)?(?:一些|一定的?)?(?:差距|不足|问题|短板|薄弱环节)/,
      // 但也仍然面临一些困难和不足 (a closing paragraph without a heading).
      /(?:仍然|仍|还|依然|也)(?:然)?(?:还)?(?:面临|遇到)(?:着)?(?:一些|一定的?|不少|诸多)?(?:困难|不足|问题|短板|差距)/,
      /(?:仍然|仍|还|依然)(?:然)?(?:还)?(?:存在|有)(?:着)?(?:一些|一定的?|不少)?(?:差距|不足|问题|短板|薄弱环节)/,
      /(?:问题|不足|差距)(?:主要)?(?:表现|体现)在/,
      /(?:与|同)[^。]{1,30}(?:相比|要求)[^。]{0,20}(?:还有|仍有|存在)[^。]{0,10}(?:差距|不足)/,
    ],
    skeletonHeading: '二、{year}年推进法治政府建设存在的不足和原因',
  },
  {
    id: 'first-responsible-person',
    required: true,
    regulationWording: '上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    label: { 'zh-CN': '党政主要负责人履行第一责任人职责情况', en: 'how the principal Party and government leaders fulfilled their duty as first responsible persons' },
    headingPatterns: [
      /第一责任人职责/,
      /(?:党政)?主要负责(?:人|同志)(?:切实|认真)?履行/,
      /(?:党政|主要)负责(?:人|同志)[^，,。]{0,12}(?:法治建设|法治政府建设)[^，,。]{0,6}职责/,
    ],
    prosePatterns: [
      /(?:党政)?主要负责(?:人|同志)[^。]{0,20}履行[^。]{0,20}第一责任人(?:职责)?/,
      /第一责任人职责/,
      // A department's account of its head's part, however thin: 局党组书记、局长高度重视，亲自部署.
      // Not 第一责任人 alone: 主要负责人是信息发布的第一责任人 is about something else.
      /(?:主要负责(?:人|同志)|主要领导(?:同志)?|党[组委]书记|[省市县区镇乡]委书记|[省市县区镇乡局厅]长|“?一把手”?)[^。；]{0,16}?(?:亲自(?:部署|抓|推动|过问|督办|研究|协调)|带头|负总责|(?:主持召开|专题研究)[^。；]{0,20}?法治)/,
    ],
    skeletonHeading: '三、{year}年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
  },
  {
    id: 'next-year-plan',
    required: true,
    regulationWording: '下一年度推进法治政府建设的主要安排',
    label: { 'zh-CN': '下一年度主要安排', en: "next year's main arrangements" },
    headingPatterns: [
      new RegExp(String.raw`${Y}(?:[^，,。]{0,20})?(?:工作|建设)?(?:打算|思路|安排|重点|计划|目标|展望|规划|设想)`),
      /(?:下一?步|下一?年度?|今后|来年|明年)(?:[^，,。]{0,12})?(?:工作)?(?:打算|思路|安排|重点|计划|目标|举措|措施|方向)?/,
      /(?:工作|主要)(?:打算|思路|安排|重点|计划|设想)/,
      /主要安排/,
    ],
    prosePatterns: [
      // 下一步，我局将结合工作实际…: a closing paragraph stating next year's plan.
      /(?:下一步|下阶段|下一阶段|下一年度?|明年|来年|今后)(?:工作中)?[，,]?[^。；！？]{0,24}?将/,
      new RegExp(String.raw`${Y}[，,]?(?:我们|我[市县区镇局])?将(?:继续|进一步|重点|着力|坚持)`),
    ],
    skeletonHeading: '四、{nextYear}年推进法治政府建设的主要安排',
  },
  {
    id: 'other',
    required: false,
    regulationWording: '其他需要报告的情况',
    label: { 'zh-CN': '其他需要报告的情况', en: 'other matters to report' },
    headingPatterns: [
      /^其他(?:需要)?(?:报告|说明)?(?:的)?(?:事项|情况)?$/,
      /其他需要报告的/,
      /(?:意见|建议)$/,
      /^对[^，,。]{1,30}的(?:意见|建议)/,
    ],
    prosePatterns: [/其他需要报告的情况/],
    skeletonHeading: '五、其他需要报告的情况',
  },
];

/**
 * Words that give a shortcoming its cause: a cause analysis (原因, 究其原因, 根源在于 …)
 * or a cause stated with one item (因机构改革，…; 由于…; …导致…; 受编制影响，…). The
 * regulation asks for 不足和原因; an item that says why it fell short answers it.
 */
export const causeVocabulary: readonly RegExp[] = [
  /原因|根源|症结|究其|归因于|归结于|归根结底|根子在|主观上.{0,40}客观上/u,
  /由于|因为|导致|致使|以致|源于|缘于|囿于|受限于|受制于|所致|之故/u,
  /受[^，,。；]{1,20}?(?:影响|限制|制约|所限)/u,
  // 因机构改革，… (also 一是因…) — but not 因此, 因素, 因地制宜.
  /(?:^|[，,。；;：:、）)\s]|是)因(?!此|而|素|地制宜|材施教|时制宜|势利导|人而异)[^，,。；;]{1,24}[，,]/u,
];

/**
 * A heading on fixing last year's shortcomings (`2024年存在不足及整改情况` in a 2025
 * report): it names the year before on purpose. Matched against the heading title;
 * the rules decide with the report year whether the year it names is the one before.
 */
export const rectificationHeading: RegExp = /整改/u;

/** Words that name the year before the report year without digits (上一年度, 去年). */
export const previousYearWords: RegExp = /上一?年度?|去年|前一年/u;

/** Concepts by id. */
export const conceptById: Readonly<Record<ConceptId, ReportConcept>> = Object.fromEntries(
  concepts.map((c) => [c.id, c]),
) as Record<ConceptId, ReportConcept>;

/**
 * The concept a heading introduces, judged from its text without numbering.
 * The first concept whose heading pattern matches wins; ties between contents
 * in one heading (主要举措、成效和不足) go to the earlier content.
 */
export function conceptOfHeading(title: string): ConceptId | undefined {
  const text = title.trim();
  if (text.length === 0) return undefined;
  for (let i = 0; i < CONCEPT_MATCH_ORDER.length; i++) {
    const c = CONCEPT_MATCH_ORDER[i]!;
    const patterns = c.headingPatterns;
    for (let j = 0; j < patterns.length; j++) if (patterns[j]!.test(text)) return c.id;
  }
  return undefined;
}

/**
 * Which concepts a stretch of prose reveals (for contents discussed without
 * a heading of their own, as in corpus/full/004_…).
 */
export function conceptsInProse(text: string): ConceptId[] {
  const found: ConceptId[] = [];
  for (const c of concepts) if (c.prosePatterns.some((p) => p.test(text))) found.push(c.id);
  return found;
}

// The first-responsible-person heading often also says 情况 or 工作, and the
// next-year plan heading contains a year; both are more specific than the
// results patterns, so they are tried first.
const CONCEPT_MATCH_ORDER: readonly ReportConcept[] = [
  'first-responsible-person',
  'shortcomings-and-causes',
  'next-year-plan',
  'measures-and-results',
  'other',
].map((id) => conceptById[id as ConceptId]);
