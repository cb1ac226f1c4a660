/**
 * Reading reports as web archives store them: headings run together
 * with their body, reports on one line, reports broken into short lines, titles
 * and years buried in page furniture. Each case is taken from an archive report
 * or an excerpt, with the look-alikes that must read otherwise.
 */
import { describe, expect, it } from 'vitest';
import { parse, readText, type ReportDocument } from '../src/index.js';

const PROSE = '全年共办理各类事项一百余件，工作取得积极成效，群众满意度持续提升，得到上级充分肯定。';
const titles = (d: ReportDocument): string[] => d.headings.map((h) => readText(d.text, h.range.start, h.range.end));
const top = (d: ReportDocument): string[] => d.sections.map((s) => readText(d.text, s.heading.range.start, s.heading.range.end));

describe('a heading run together with its body ends where the ontology says a body opens', () => {
  it('一、 right after the colon of a lead-in, its title ended by the year opening the body (m003)', () => {
    const d = parse(`现将有关情况总结如下：一、总体情况2022年，我局深入推进法治政府建设。${PROSE}二、存在的主要问题今年以来，我局认真履行了法定职责。${PROSE}`);
    expect(titles(d)).toEqual(['一、总体情况', '二、存在的主要问题']);
    expect(d.sections.map((s) => s.concept)).toEqual([undefined, 'shortcomings-and-causes']);
  });

  it('（一） followed by 一是 (the issue’s example)', () => {
    const d = parse(
      '总结如下：一、工作开展情况（一）党政主要负责人履行推进法治建设第一责任人职责一是加强组织领导，成立领导小组。二是健全工作机制。',
    );
    expect(titles(d)).toEqual(['一、工作开展情况', '（一）党政主要负责人履行推进法治建设第一责任人职责']);
    expect(d.headings[1]?.concept).toBe('first-responsible-person');
  });

  it('a title ended by the body’s subject after a heading word (m002, m004)', () => {
    const d = parse(`总结如下：一、强化组织领导，夯实法治工作基础区行政审批局党组高度重视法治工作，将法治建设工作摆在全局重要位置。${PROSE}五、下一步工作计划区行政审批局将坚持深入学习近平法治思想，并将其贯彻落实到行政审批系统工作中，加强执法队伍建设。`);
    expect(titles(d)).toEqual(['一、强化组织领导，夯实法治工作基础', '五、下一步工作计划']);
    const m004 = parse(`着力推进法治政府建设。一、深学细悟践行思想，筑牢法治根基我局坚持把学习贯彻习近平法治思想作为首要任务。${PROSE}`);
    expect(titles(m004)).toEqual(['一、深学细悟践行思想，筑牢法治根基']);
  });

  it('look-alike: a colon inside a sentence followed by 一、 of a list is no heading', () => {
    const d = parse(`二、存在的问题\n主要表现在：一、思想认识不到位；二、执法力量不足。${PROSE}`);
    expect(titles(d)).toEqual(['二、存在的问题']);
  });

  it('look-alike: 一是 inside a word or after a comma does not end a title', () => {
    const d = parse(`（三）规范统一是关键\n${PROSE}\n（六）扎实开展基层行政执法领域突出问题专项整治，根据上级统一部署，我局于2025年4月制定印发《关于印发〈行政执法领域突出问题专项整治工作实施方案〉的通知》并组织实施。${PROSE}`);
    expect(titles(d)).toEqual(['（三）规范统一是关键']);
    // The numbered paragraph (六) of m004 is one sentence: 我局 after a comma opens no body.
    expect(d.headings.some((h) => h.numbering?.value === 6)).toBe(false);
  });
});

describe('a report broken into short lines reads as written', () => {
  it('a bare enumerator line joins the next, and so do years split over lines (m005)', () => {
    const text = ['正文:', '市政府：', '根据有关部署，现将工作报告如下：', '一、', '202', '1', '年推动依法行政建设法治政府落实情况', '（一）加强组织领导，确保各项工作落实到位', '202', '1', '年，我局认真贯彻落实习近平', '法治思想，推进全面', '依法', '治市工作', '，促进科技创新工作取得了明显成效。'].join('\n');
    const d = parse(text);
    expect(top(d)).toEqual(['一、2021年推动依法行政建设法治政府落实情况']);
    expect(d.sections[0]?.heading.year).toBe(2021);
    expect(titles(d)[1]).toBe('（一）加强组织领导，确保各项工作落实到位');
    // One sentence over six lines; its year is a year.
    const sentence = d.sentences.find((s) => readText(text, s.range.start, s.range.end).startsWith('2021年，我局'));
    expect(sentence && readText(text, sentence.range.start, sentence.range.end)).toBe('2021年，我局认真贯彻落实习近平法治思想，推进全面依法治市工作，促进科技创新工作取得了明显成效。');
    expect(d.numbers.filter((n) => n.kind === 'year').map((n) => n.value)).toContain(2021);
  });

  it('a heading split after its comma, and one over several lines ending at its last word (m005)', () => {
    const d = parse(['（二）加强法治学习，', '不断完善制度建设', '一是', '加强《宪法》', '、', '《民法典》等法律法规的学习。', '（四）', '结合', '科技活动周，', '深化普法宣传', '由', '市科技局、市委宣传部、市科协联合举办', '2021年莆田市科技活动周启动仪式在莆田市科技馆举行', '。', PROSE, PROSE].join('\n'));
    expect(titles(d)).toEqual(['（二）加强法治学习，不断完善制度建设', '（四）结合科技活动周，深化普法宣传']);
  });

  it('a signature and a date over lines, then the 印发 line (m005)', () => {
    const d = parse([`一、工作开展情况`, PROSE, PROSE, PROSE, PROSE, '莆田市科学技术局', '202', '1', '年', '12月', '22', '日', '(此件主动公开）', '莆田市科学技术局办公室 202', '1', '年12月', '23', '日印发'].join('\n'));
    expect(d.writingDate).toMatchObject({ value: { year: 2021, month: 12, day: 22 }, source: 'signature' });
  });

  it('a stray line break inside a sentence of a report written one paragraph a line', () => {
    const text = `一、主要举措和成效\n2021年，我区深入推进法治政府建设，全面落实行政执法三项制度，行政\n执法规范化水平持续提升。\n${PROSE}`;
    const d = parse(text);
    expect(d.paragraphs.map((p) => readText(text, p.range.start, p.range.end))).toEqual([
      '一、主要举措和成效',
      '2021年，我区深入推进法治政府建设，全面落实行政执法三项制度，行政执法规范化水平持续提升。',
      PROSE,
    ]);
  });

  it('look-alikes: a heading, a title, an issuer and a date line stand alone; a blank line is a paragraph break', () => {
    const d = parse(['2021年度某县法治政府建设工作情况的报告', '2021年，我县坚持以习近平法治思想为指导，全面推进依法行政，', '', '取得积极成效。', '一、主要举措和成效', '全面落实行政执法三项制度', '', '某县人民政府', '2022年2月1日'].join('\n'));
    expect(d.title?.text).toBe('2021年度某县法治政府建设工作情况的报告');
    expect(d.paragraphs.map((p) => p.text)).toEqual([
      '2021年度某县法治政府建设工作情况的报告',
      '2021年，我县坚持以习近平法治思想为指导，全面推进依法行政，',
      '取得积极成效。',
      '一、主要举措和成效',
      '全面落实行政执法三项制度',
      '某县人民政府',
      '2022年2月1日',
    ]);
    expect(d.writingDate).toMatchObject({ value: { year: 2022, month: 2, day: 1 }, source: 'signature' });
  });

  it('look-alikes: 统 / 一、 is the word 统一, and 6. / 69户 the number 6.69', () => {
    const text = `一、主要举措和成效\n${PROSE}坚持做到责任机制、监督机制统\n一、运转协调、廉洁高效的依法治镇新机制。全镇市场主体净增6.\n69户。\n${PROSE}`;
    const d = parse(text);
    expect(titles(d)).toEqual(['一、主要举措和成效']);
    expect(d.numbers.map((n) => n.value)).toContain(6.69);
  });
});

describe('a report stored on one line, paragraphs separated by spaces', () => {
  it('splits at the spaces that end a paragraph, and keeps the page furniture out (m001)', () => {
    const text =
      '当前位置： 首页政务公开公示公告 平潭综合实验区自然资源与生态环境局 2022年度法治政府建设情况 时间：2023-03-28 17:24 微信 微博 QQ空间 ' +
      `2022年，我局以习近平新时代中国特色社会主义思想为指导。${PROSE} 一、把学习贯彻习近平新时代中国特色社会主义思想作为首要任务 （一）通过组织中心组学习、支部集中学习、个人自学等方式，积极开展党的重大理论、方针、政策宣传学习。${PROSE} ` +
      `（二）学习宣传贯彻党的二十大精神。${PROSE} 下一步，我局将结合工作实际，加强部署安排。 来源：平潭综合实验区自然资源与生态环境局 附件下载`;
    const d = parse(text);
    // The breadcrumb's last step is the page's headline: the title, with its year.
    expect(d.title?.text).toBe('2022年度法治政府建设情况');
    expect(d.reportYear).toMatchObject({ value: 2022, source: 'metadata' });
    expect(titles(d)).toEqual(['一、把学习贯彻习近平新时代中国特色社会主义思想作为首要任务', '（二）学习宣传贯彻党的二十大精神']);
    const body = text.slice(d.bodyRange.start, d.bodyRange.end);
    expect(body.startsWith('2022年，我局')).toBe(true);
    expect(body).not.toMatch(/微信|附件下载|来源/u);
    expect(d.headings.every((h) => h.origin === 'inline')).toBe(true);
  });

  it('a page field keeps its value; a table bar separates cells (000)', () => {
    const d = parse('索引号: | 330483ZFC00000/2022-130246 | 发布机构: | 市政府办 | 公开方式: | 主动公开 | 发文日期: | 2022-02-21 | 2021年度桐乡市法治政府建设工作情况的报告 | |||||||| ' + `2021年,桐乡市人民政府在市委的正确领导下,以法治政府建设示范创建为主抓手。${PROSE}`);
    expect(d.title?.text).toBe('2021年度桐乡市法治政府建设工作情况的报告');
    expect(d.writingDate).toMatchObject({ value: { year: 2022, month: 2, day: 21 }, source: 'metadata' });
  });
});

describe('buried titles and years', () => {
  it('a title a web copy broke over two lines is one title; its lines are not body', () => {
    const d = parse(['某县司法局2023年法治政府', '建设情况报告', '', `2023年，我局坚持以习近平法治思想为指导。${PROSE}`, '一、主要举措和成效', PROSE].join('\n'));
    expect(readText(d.text, d.title!.range.start, d.title!.range.end)).toBe('某县司法局2023年法治政府建设情况报告');
    expect(d.title?.year).toBe(2023);
    expect(d.paragraphs.map((p) => readText(d.text, p.range.start, p.range.end)).filter((t) => t.includes('建设情况报告'))).toHaveLength(1);
    expect(titles(d)).toEqual(['一、主要举措和成效']);
    // Broken inside a word (法治政 / 府建设), in Markdown too.
    const md = parse(['# 某县人民政府关于2023年度法治政', '府建设情况的报告', '', PROSE].join('\n'), { format: 'markdown' });
    expect(md.title?.year).toBe(2023);
  });

  it('look-alikes: an issuer line above a whole title, a numbered line, a sentence are not half a title', () => {
    const issuer = parse(['某县司法局', '2023年法治政府建设情况报告', '', PROSE].join('\n'));
    expect(issuer.title?.text).toBe('2023年法治政府建设情况报告');
    const numbered = parse(['一、加强领导', '推进法治政府', '建设工作报告', PROSE].join('\n'));
    expect(numbered.title).toBeUndefined();
    const sentence = parse(['我局推进法治政府建设，', '', '形成工作报告', '', PROSE].join('\n'));
    expect(sentence.title).toBeUndefined();
  });

  it('the archive’s 标题: line is the title when the page shows only part of it', () => {
    const d = parse(['标题: 平潭综合实验区自然资源与生态环境局 2022年度法治政府建设情况', '发布时间: 2023-03-28 17:24', '本地目录: zwgk/gsgg/202303/45196_平潭综合实验区自然资源与生态环境局 2022年度法治政府建设情况', '==================== 正文 ====================', `当前位置： 首页 2022年度法治政府建设情况 ${PROSE}`].join('\n'));
    expect(d.title?.text).toBe('平潭综合实验区自然资源与生态环境局 2022年度法治政府建设情况');
    expect(d.reportYear).toMatchObject({ value: 2022, source: 'metadata' });
    expect(d.publicationDate?.value).toEqual({ year: 2023, month: 3, day: 28 });
  });

  it('the report year from the publication date when nothing else names it (published January–June: the year before)', () => {
    const d = parse(['发布时间: 2023-03-20 10:00', `一、主要举措和成效`, PROSE].join('\n'));
    expect(d.reportYear).toMatchObject({ value: 2022, source: 'metadata' });
    // Published in December: not a sure year.
    expect(parse(['发布时间: 2022-12-20 10:00', `一、主要举措和成效`, PROSE].join('\n')).reportYear).toBeUndefined();
    // Signed in February: the year before, from the signature.
    const signed = parse([`一、主要举措和成效`, PROSE, '某县人民政府', '2023年2月1日'].join('\n'));
    expect(signed.reportYear).toMatchObject({ value: 2022, source: 'signature' });
  });

  it('a year that lost its digits does not stop the report year being found; nothing is dated from the clock', () => {
    const d = parse(['某县20年度法治政府建设工作报告', `2020年，我县全面推进依法行政。${PROSE}`, '某县人民政府', '20年12月18日'].join('\n'));
    expect(d.title?.year).toBeUndefined();
    expect(d.reportYear).toMatchObject({ value: 2020, source: 'first-sentence' });
    // 20年12月18日 is no date: the writing date is the default of the known year.
    expect(d.writingDate).toMatchObject({ value: { year: 2021, month: 3, day: 31 }, source: 'default', assumed: true });
    const undated = parse(`一、主要举措和成效\n${PROSE}`);
    expect(undated.reportYear).toBeUndefined();
    expect(undated.writingDate).toBeUndefined();
  });
});
