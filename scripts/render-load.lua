-- wrk script for scripts/bench.sh: every request is an address the page
-- cache has not seen (the page named by RENDER_PATH and a counter), so each
-- one loads the page's data and renders it.
local path = os.getenv("RENDER_PATH") or "/sigs/storage"

function init(args)
  count = 0
end

function request()
  count = count + 1
  return wrk.format("GET", path .. "?n=" .. count)
end
