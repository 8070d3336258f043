-- wrk script for scripts/bench.sh: every request is a search the page cache
-- has not seen (a real query and a counter), so each one runs the search
-- and renders its page.
local words = {
  "storage", "network", "api machinery", "node", "scheduling", "release",
  "testing", "docs", "cluster lifecycle", "windows", "k8s", "ci/cd",
  "meetings", "autoscaling", "instrumentation", "security", "contributor",
  "storge", "apps", "cli",
}

function init(args)
  count = 0
end

function request()
  count = count + 1
  local query = words[count % #words + 1]:gsub(" ", "+"):gsub("/", "%%2F")
  return wrk.format("GET", "/search?q=" .. query .. "&n=" .. count)
end
