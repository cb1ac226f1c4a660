/**
 * The small report the references and style rule tests lint: a title naming
 * `year`, one results sentence (line 5) and one next-year-plan sentence (line 9).
 */
export const reportMarkdown = (year: number, results: string, plan = '全面推进依法行政。'): string =>
  `# ${year}年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n${results}\n\n## 二、${year + 1}年工作打算\n\n${plan}\n`;

/** Settings of a report of `year` written on the given day (by default 31 March of the next year). */
export const writtenAt = (year: number, month = 3, day = 31, writingYear = year + 1) => ({
  reportYear: year,
  writingDate: { year: writingYear, month, day },
});
