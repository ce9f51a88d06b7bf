-- Test harness for `nvim --headless --clean -u test/editors/neovim/init.lua FILE`. It runs the
-- Neovim block of docs/editors.md unchanged, waits until the server has analysed the workspace of
-- FILE, writes every diagnostic Neovim holds as JSON, and quits.
--   SHIPSHAPE_NVIM_OUTPUT      file the JSON is written to (required)
--   SHIPSHAPE_NVIM_TIMEOUT_MS  how long to wait for the first analysis, in milliseconds
local output = os.getenv('SHIPSHAPE_NVIM_OUTPUT')
local timeout_ms = tonumber(os.getenv('SHIPSHAPE_NVIM_TIMEOUT_MS') or '') or 20000

local function write_result(result)
  local file = assert(io.open(output, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function fail(message)
  write_result({ error = message })
  vim.cmd('cquit 2')
end

-- The recipe is the first fenced Lua block whose first line names the plugin file.
local recipe_header = '-- ~/.config/nvim/plugin/shipshape.lua'

local function read_recipe(markdown_path)
  local lines = nil
  local previous = ''
  for line in io.lines(markdown_path) do
    if lines ~= nil then
      if line == '```' then
        return table.concat(lines, '\n')
      end
      table.insert(lines, line)
    elseif previous == '```lua' and vim.startswith(line, recipe_header) then
      lines = { line }
    end
    previous = line
  end
  return nil
end

if output == nil then
  io.stderr:write('SHIPSHAPE_NVIM_OUTPUT is not set\n')
  vim.cmd('cquit 2')
end

vim.opt.swapfile = false
local repository = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h:h')
local recipe = read_recipe(repository .. '/docs/editors.md')
if recipe == nil then
  fail('no Lua block starting with "' .. recipe_header .. '" in docs/editors.md')
end
local chunk, load_error = (loadstring or load)(recipe, '=docs/editors.md')
if chunk == nil then
  fail('the recipe in docs/editors.md does not compile: ' .. tostring(load_error))
end

-- The server sends shipshape/status after it has published the diagnostics of an analysis.
local statuses = {}
vim.lsp.handlers['shipshape/status'] = function(_, result)
  table.insert(statuses, result)
end

chunk()

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local analysed = vim.wait(timeout_ms, function()
      return #statuses > 0
    end, 50)
    local diagnostics = {}
    for _, diagnostic in ipairs(vim.diagnostic.get()) do
      table.insert(diagnostics, {
        file = vim.api.nvim_buf_get_name(diagnostic.bufnr),
        code = diagnostic.code,
        line = diagnostic.lnum,
        severity = diagnostic.severity,
      })
    end
    local clients = {}
    for _, client in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
      table.insert(clients, { name = client.name, root = client.config.root_dir })
    end
    write_result({
      timedOut = not analysed,
      statuses = statuses,
      clients = clients,
      diagnostics = diagnostics,
    })
    vim.cmd(analysed and 'qall!' or 'cquit 3')
  end,
})
