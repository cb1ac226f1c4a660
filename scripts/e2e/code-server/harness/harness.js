// Test-only extension: runs inside the REAL VS Code extension host (code-server) and checks what the
// fzlint extension contributes, through the public vscode API. Writes JSON to $E2E_RESULT_FILE.
const vscode = require('vscode');
const fs = require('fs');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(pred, what, ms = 60000) {
  const t = Date.now();
  let last;
  while (Date.now() - t < ms) {
    try {
      last = await pred();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  throw new Error('timeout waiting for ' + what + (last instanceof Error ? ': ' + last.message : ''));
}

exports.activate = async function activate() {
  const out = process.env.E2E_RESULT_FILE;
  if (!out) return;
  const t0 = Date.now();
  const steps = [];
  const step = (name, data) => steps.push({ step: name, t_ms: Date.now() - t0, data });
  const fz = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fzlint');
  const plain = (ds) =>
    ds.map((d) => ({ line: d.range.start.line, ch: d.range.start.character, code: typeof d.code === 'object' ? d.code.value : d.code, severity: d.severity, message: d.message, related: (d.relatedInformation || []).length }));
  const config = vscode.workspace.getConfiguration('fzlint');
  try {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const uri = vscode.Uri.joinPath(folder, 'report.md');
    const closed = vscode.Uri.joinPath(folder, 'other-report.md');
    const notes = vscode.Uri.joinPath(folder, 'notes.md');

    const ext = vscode.extensions.getExtension('fzlint.fzlint-vscode');
    if (!ext) throw new Error('the fzlint extension is not installed');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const api = await ext.activate();
    await waitFor(() => api.state() === 'ready', 'server ready');
    step('activated', { state: api.state(), languageId: doc.languageId });

    // 1. diagnostics appear (Chinese by default)
    await waitFor(() => fz(uri).some((d) => String(d.code && d.code.value || d.code) === 'style/domain-typo'), 'the typo diagnostic');
    step('diagnostics_after_open', plain(fz(uri)));

    // 2. the quick fix is offered and applied (retry: the marker service may lag the ext host)
    const typo = fz(uri).find((d) => String(d.code && d.code.value || d.code) === 'style/domain-typo');
    let actions = [];
    await waitFor(async () => {
      actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, typo.range);
      return actions.some((a) => a.title === '改为“法治”');
    }, 'the quick fix');
    step('code_actions', actions.filter((a) => /fzlint|改为|禁用|插入|修复/.test(a.title)).map((a) => ({ title: a.title, kind: a.kind && a.kind.value })));
    const fix = actions.find((a) => a.title === '改为“法治”');
    await vscode.workspace.applyEdit(fix.edit);
    await waitFor(() => !fz(uri).some((d) => d.range.start.isEqual(typo.range.start) && String(d.code && d.code.value || d.code) === 'style/domain-typo'), 'the typo to disappear after the fix');
    step('diagnostics_after_fix', plain(fz(uri)));
    step('fixed_text', doc.lineAt(typo.range.start.line).text.slice(Math.max(0, typo.range.start.character - 4), typo.range.start.character + 6));

    // 3. hover on a cited policy
    const text = doc.getText();
    const at = text.indexOf('法治政府建设实施纲要');
    const hovers = await waitFor(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, doc.positionAt(at + 2));
      const values = (h || []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value)));
      return values.some((v) => v.includes('成稿时')) ? values : undefined;
    }, 'the catalogue hover');
    step('hover', hovers.filter((v) => v.includes('成稿时')));

    // 4. outline
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      return s && s.length > 0 ? s : undefined;
    }, 'document symbols');
    step('outline', symbols.map((s) => ({ name: s.name, detail: s.detail })));

    // 5. a closed report in the workspace gets diagnostics too (workspace pull); notes stay quiet
    await waitFor(() => fz(closed).length > 0, 'workspace diagnostics of a closed report');
    step('workspace_diagnostics', { closed: plain(fz(closed)).map((d) => d.code), notes: fz(notes).length });

    // 5b. typing a figure stated twice and a 《: the figure hover lists the other statement; completion offers the title
    // On a line of its own in the body (before the line of the typo fixed above), not in the plan at the end.
    const end = new vscode.Position(typo.range.start.line, 0);
    const added = '全年共受理行政复议案件120件。今年受理行政复议案件128件。学习《行政处';
    const typed = new vscode.WorkspaceEdit();
    typed.insert(uri, end, added + '\n');
    await vscode.workspace.applyEdit(typed);
    const after = doc.getText();
    const addedAt = doc.offsetAt(end);
    const cursor = doc.positionAt(addedAt + added.length);
    const titles = await waitFor(async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, cursor, '《');
      const labels = ((list && list.items) || []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return labels.includes('中华人民共和国行政处罚法') ? list.items : undefined;
    }, 'completion after 《');
    const law = titles.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '中华人民共和国行政处罚法');
    step('completion', { count: titles.length, insert: law.textEdit ? law.textEdit.newText : law.insertText && (law.insertText.value || law.insertText), detail: law.detail });
    const figureAt = doc.positionAt(addedAt + added.indexOf('128件') + 1);
    const figureHover = await waitFor(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, figureAt);
      const values = (h || []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value)));
      return values.some((v) => v.includes('**数据**')) ? values : undefined;
    }, 'the figure hover');
    step('figure_hover', figureHover.filter((v) => v.includes('**数据**')));
    const undo = new vscode.WorkspaceEdit();
    undo.delete(uri, new vscode.Range(end, doc.positionAt(addedAt + added.length + 1)));
    await vscode.workspace.applyEdit(undo);

    // 6. settings changes take effect: a rule turned off, then English messages
    const remaining = fz(uri);
    const offRule = String(remaining[0].code && remaining[0].code.value || remaining[0].code);
    await config.update('rules', { [offRule]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => !fz(uri).some((d) => String(d.code && d.code.value || d.code) === offRule), 'the rule turned off in settings to disappear');
    step('rule_off', { rule: offRule, codes: plain(fz(uri)).map((d) => d.code) });
    await config.update('locale', 'en', vscode.ConfigurationTarget.Workspace);
    // English: three English words in a row (a message may open on a quoted Chinese name: “新冠肺炎疫情” has been called …).
    await waitFor(() => fz(uri).length > 0 && fz(uri).every((d) => /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(d.message)), 'English messages');
    step('locale_en', plain(fz(uri)).map((d) => d.message));

    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('locale', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    fs.writeFileSync(out, JSON.stringify({ ok: true, total_ms: Date.now() - t0, steps }, null, 1));
  } catch (e) {
    fs.writeFileSync(out, JSON.stringify({ ok: false, error: String((e && e.stack) || e), steps }, null, 1));
  }
};
exports.deactivate = () => {};
