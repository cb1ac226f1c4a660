import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './copied-passage.js';

const plain = { format: 'plaintext' } as const;
const report = (...lines: string[]): string => lines.join('\n') + '\n';

// 桐乡市 2021 (full/000), 洪洞县 2022 (full/003): real paragraphs.
const COORDINATION_2021 =
  '一是强化工作协调。加强法治桐乡顶层设计和统筹协调,召开市委依法治市委员会第三次会议、依法治市办公室第三次会议、守法普法协调小组第二次会议等,研究法治桐乡建设重大问题。深入学习贯彻习近平法治思想,及时出台《2021年度法治桐乡工作要点》《加快推动互联网法务园实体化运行的实施意见》等文件,编制出台《桐乡市法治政府建设“十四五”规划》,对法治桐乡建设的具体路径做顶层设计,结合本地实际打造法治政府建设桐乡样本。';
const SERVICE_2021 =
  '一是优化“桐企服”企业综合服务。扩大涉企服务事项达498个,截至12月底,VIP服务团队已为335个项目提供服务,帮助解决问题395个。有695个项目进入全程代办、部门代跑通道。推出“竣工即验收”改革举措,实现流程8合1,验收时间从以前的3个月以上压缩至6个工作日内完成。';
const DISPUTES_2021 =
  '一是创新基层社会治理模式。强化诉源治理下矛盾纠纷化解实效,以品牌促实效,再增1家省级金牌调解工作室(目前2家),并打造“稻田理”“老乡帮帮团”等调解品牌。2021年全市各人民调解组织调处矛盾纠纷7266件。';
const PLAN_2022 =
  '持续抓好习近平法治思想的学习和实践,推动领导干部先学一步、学深一层,勇当笃学践行习近平法治思想的排头兵。继续深化法治政府建设“领雁工程”,围绕省委加快建设“法治中国示范区”的目标,进一步提高全市领导干部和机关工作人员的法治思维和依法行政能力。';
const OPENING_2021 =
  '2021年,桐乡市人民政府在市委的正确领导下,在市人大及其常委会的监督支持下,坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,以法治政府建设示范创建为主抓手,完善组织领导,强化责任担当。';

const LAST_YEAR = report(
  '2021年度桐乡市法治政府建设工作情况的报告',
  OPENING_2021,
  '一、2021年推进法治政府建设工作举措和成效',
  '(一)统筹领导,当好法治建设“推进器”',
  COORDINATION_2021,
  '(二)数字赋能,营商环境跑出“加速度”',
  SERVICE_2021,
  '(五)法治为本,夯实基层治理“压舱石”',
  DISPUTES_2021,
  '四、2022年度推进法治政府建设工作思路',
  '(一)坚持抓住领导干部这一“关键少数”。',
  PLAN_2022,
  '五、对全市加强法治政府建设的建议',
  '建议上级部门进一步加强对基层法治建设的指导,加大法治专业人才的培养和输送力度,统筹解决镇(街道)法治员编制问题。',
);
const previous = { code: LAST_YEAR, filePath: 'reports/2021.txt', parse: plain };

/** Years moved on by one, every other figure changed: what a next-year draft copied from last year looks like. */
const retouch = (s: string): string =>
  s
    .replace(/20(\d\d)(?=年)/g, (_, y: string) => `20${String(Number(y) + 1).padStart(2, '0')}`)
    .replace(/(?<![\d年])\d{1,4}(?=[个件家项])/g, (n) => String(Number(n) + 7))
    .replace('第三次会议', '第四次会议');

const HEAD_2022 = ['2022年度桐乡市法治政府建设工作情况的报告', '一、2022年推进法治政府建设工作举措和成效', '(一)统筹领导,当好法治建设“推进器”'];

new RuleTester().run(rule, {
  valid: [
    {
      name: 'without last year’s report the rule says nothing, whatever the text',
      code: report(...HEAD_2022, COORDINATION_2021),
      parse: plain,
    },
    {
      name: 'a new paragraph under last year’s heading',
      code: report(
        ...HEAD_2022,
        '一是完善考核机制。将法治建设成效纳入镇(街道)和部门年度综合考核,考核权重由3%提高到5%,对考核排名后三位的单位主要负责人开展约谈。二是推进“法治体检”。组织律师为全市规上企业开展法治体检412家次,形成问题清单并跟踪整改。',
      ),
      parse: plain,
      previous,
    },
    {
      name: 'the guiding-thought formula and the unit’s name repeated, the rest new (boilerplate is no copy)',
      code: report(
        ...HEAD_2022,
        '桐乡市坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,全面贯彻党的二十大精神。全年新建村(社区)公共法律服务工作室46个,实现“一村一法律顾问”全覆盖,群众法律咨询满意率达到98.6%。',
      ),
      parse: plain,
      previous,
    },
    {
      name: 'the opening repeated before the first heading is not judged (it is formulaic)',
      code: report('2022年度桐乡市法治政府建设工作情况的报告', retouch(OPENING_2021), ...HEAD_2022.slice(1), '一是完善考核机制。将法治建设成效纳入年度综合考核,考核权重由3%提高到5%。'),
      parse: plain,
      previous,
    },
    {
      name: 'a short line repeated (under 40 characters of its own) is not judged',
      code: report(...HEAD_2022, '一是强化工作协调。研究法治桐乡建设重大问题。'),
      parse: plain,
      previous,
    },
    {
      name: 'the suggestions part (其他/建议) may restate last year’s suggestions',
      code: report(
        ...HEAD_2022,
        '一是完善考核机制。将法治建设成效纳入年度综合考核。',
        '五、对全市加强法治政府建设的建议',
        '建议上级部门进一步加强对基层法治建设的指导,加大法治专业人才的培养和输送力度,统筹解决镇(街道)法治员编制问题。',
      ),
      parse: plain,
      previous,
    },
    {
      name: 'the same subject written anew (洪洞县 2022, full/003) is no copy of 桐乡 wording',
      code: report(
        ...HEAD_2022,
        '县委召开专题会议,审议通过了《洪洞县委全面依法治县委员会2022年工作要点》《洪洞县党政主要负责人履行推进法治建设第一责任人职责2022年度工作清单》,县委书记、县长对依法治县重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办,扛牢第一责任,落到实际行动。',
      ),
      parse: plain,
      previous,
    },
    {
      name: 'a threshold of 1 accepts a copy with any edit',
      code: report(...HEAD_2022, `${retouch(COORDINATION_2021)}并建立月度通报制度,全年通报12次。`),
      parse: plain,
      previous,
      options: { threshold: 1 },
    },
  ],
  invalid: [
    {
      name: 'last year’s paragraph with the years and figures typed over',
      code: report(...HEAD_2022, retouch(COORDINATION_2021)),
      parse: plain,
      previous,
      errors: [{ messageId: 'copied', severity: 'warn', line: 4, column: 1, messageIncludes: '上年度报告第5行', previousLines: [5] }],
    },
    {
      name: 'a copy with one sentence rewritten is still a copy',
      code: report(
        ...HEAD_2022,
        retouch(COORDINATION_2021).replace(
          '深入学习贯彻习近平法治思想,及时出台《2022年度法治桐乡工作要点》《加快推动互联网法务园实体化运行的实施意见》等文件,',
          '全年召开专题会议4次,印发《法治桐乡建设考核细则》,',
        ),
      ),
      parse: plain,
      previous,
      errors: [{ messageId: 'copied', previousLines: [5] }],
    },
    {
      name: 'two of last year’s paragraphs merged into one: both are pointed at',
      code: report(...HEAD_2022, `${retouch(SERVICE_2021)}${retouch(DISPUTES_2021)}`),
      parse: plain,
      previous,
      errors: [{ messageId: 'copied', previousLines: [7, 9] }],
    },
    {
      name: 'last year’s plan paragraph copied as this year’s plan',
      code: report(...HEAD_2022, '一是完善考核机制。将法治建设成效纳入年度综合考核。', '四、2023年度推进法治政府建设工作思路', '(一)坚持抓住领导干部这一“关键少数”。', PLAN_2022),
      parse: plain,
      previous,
      errors: [{ messageId: 'copied', line: 7, previousLines: [12] }],
    },
    {
      name: 'a report run together on one line (full/000’s shape) copies a paragraph',
      code: `${HEAD_2022.join(' ')} ${retouch(COORDINATION_2021)} (二)数字赋能 一是推出“企业码”服务,全年受理企业诉求1200件,办结率100%。\n`,
      parse: plain,
      previous,
      errors: [{ messageId: 'copied', line: 1, previousLines: [5] }],
    },
    {
      name: 'a web copy broken into short lines (archive/m005’s shape) is read whole',
      code: report(...HEAD_2022, ...retouch(COORDINATION_2021).match(/.{1,23}/gu)!),
      parse: plain,
      previous,
      errors: [{ messageId: 'copied', line: 4, previousLines: [5] }],
    },
    {
      name: 'English message',
      code: report(...HEAD_2022, retouch(COORDINATION_2021)),
      parse: plain,
      previous,
      settings: { locale: 'en' },
      errors: [{ messageId: 'copied' }],
    },
  ],
});
