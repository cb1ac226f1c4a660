-- Headless Neovim (0.7.2+) as a real LSP client of the fzlint language server.
-- Usage: FZLINT_SERVER=/path/bin/fzlint-language-server.js E2E_FILE=/path/report.txt E2E_OUT=/path/out.json \
--        timeout 120 nvim --headless -u NONE -c 'luafile scripts/e2e/nvim/e2e.lua'
-- Columns in the result are Neovim's: byte offsets into the line (the server speaks UTF-16).
-- Writes a JSON result (ok, error, steps) and exits 0 on success, 1 on failure.
-- Written against the 0.7 API (vim.lsp.start_client; vim.lsp.start arrived in 0.8), which newer Neovim keeps.
local server = assert(os.getenv('FZLINT_SERVER'), 'FZLINT_SERVER unset')
local file   = assert(os.getenv('E2E_FILE'), 'E2E_FILE unset')
local out    = assert(os.getenv('E2E_OUT'), 'E2E_OUT unset')
local extra  = os.getenv('E2E_APPEND') or '另一处法冶错误。'  -- the line the edit inserts
local match  = os.getenv('E2E_MATCH') or '法冶'            -- the typo whose quick fix is applied
local result = { steps = {} }
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function step(name, data) table.insert(result.steps, { step = name, t_ms = ms(), data = data }) end

local function finish(ok, err)
  result.ok = ok; result.error = err; result.total_ms = ms()
  local f = assert(io.open(out, 'w')); f:write(vim.fn.json_encode(result)); f:close()
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local function code_of(d)
  return d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL
end

local function plain(diags) -- keep JSON-friendly, stable fields only
  local r = {}
  for _, d in ipairs(diags) do
    table.insert(r, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = code_of(d) })
  end
  return r
end

local function count(buf, code)
  local n = 0
  for _, d in ipairs(vim.diagnostic.get(buf)) do if code_of(d) == code then n = n + 1 end end
  return n
end

local function main()
  vim.cmd('filetype on')          -- -u NONE leaves filetype detection off
  local client_id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'markdown', 'text' },
    callback = function(args)
      client_id = client_id or vim.lsp.start_client({
        name = 'fzlint',
        cmd = { 'node', server, '--stdio' },
        root_dir = vim.fn.fnamemodify(file, ':p:h'),
        init_options = { settings = { debounceMs = 0 } },
        flags = { debounce_text_changes = 0 },
      })
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  step('opened', { filetype = vim.bo[buf].filetype })

  -- 1. diagnostics on open
  assert(vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20), 'no diagnostics after open')
  step('diagnostics_after_open', plain(vim.diagnostic.get(buf)))
  local typo = nil
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if not typo and code_of(d) == 'style/domain-typo' and d.message:find(match, 1, true) then typo = d end
  end
  assert(typo, 'no style/domain-typo diagnostic after open')
  local before = count(buf, 'style/domain-typo')

  -- 2. edit the buffer (didChange): one more typo, on a new line below the first
  vim.api.nvim_buf_set_lines(buf, typo.lnum + 1, typo.lnum + 1, false, { extra })
  assert(vim.wait(30000, function() return count(buf, 'style/domain-typo') == before + 1 end, 20),
    'the edit did not re-trigger diagnostics')
  step('diagnostics_after_edit', plain(vim.diagnostic.get(buf)))

  -- 3. code actions for the first typo; apply the quick fix that replaces it
  local d = typo
  -- vim.diagnostic columns are bytes; LSP wants UTF-16 code units. 0.7 keeps only the extra LSP fields
  -- (code, data …) in user_data.lsp, so the diagnostic is rebuilt from both.
  local function utf16(lnum, col)
    local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ''
    local _, u16 = vim.str_utfindex(line, math.min(col, #line))
    return u16
  end
  local range = { start = { line = d.lnum, character = utf16(d.lnum, d.col) },
                  ['end'] = { line = d.end_lnum, character = utf16(d.end_lnum, d.end_col) } }
  local lsp_diag = vim.tbl_extend('force', d.user_data and d.user_data.lsp or {},
    { range = range, message = d.message, severity = d.severity, source = d.source, code = code_of(d) })
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range,
    context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
  }, 10000)
  local actions = {}
  for _, resp in pairs(responses or {}) do for _, a in ipairs(resp.result or {}) do table.insert(actions, a) end end
  assert(#actions > 0, 'no code actions returned')
  step('code_actions', vim.tbl_map(function(a) return { title = a.title, kind = a.kind } end, actions))
  local fix = nil
  for _, a in ipairs(actions) do if a.isPreferred and a.edit then fix = a end end
  assert(fix, 'no preferred quick fix among the code actions')
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  assert(vim.wait(30000, function() return count(buf, 'style/domain-typo') == before end, 20),
    'applying the quick fix did not remove a diagnostic')
  step('diagnostics_after_code_action', plain(vim.diagnostic.get(buf)))
  step('fixed_line', vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1])
  step('inserted_line', vim.api.nvim_buf_get_lines(buf, d.lnum + 1, d.lnum + 2, false)[1])
end

local ok, err = pcall(main)
if ok then finish(true) else finish(false, tostring(err)) end
