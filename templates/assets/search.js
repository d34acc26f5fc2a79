// The search page's script: loads the index the build wrote (search/index.js lists one shard per
// notice, search/<id>.js) and lists the findings whose text holds every word of the query, each
// linked to its anchor on its notice page with its status. Shards are scripts, so the page works
// opened from disk as well as from a web server. Everything it loads is on this site. Without
// JavaScript the page shows a plain message instead of the form.
(function () {
  var form = document.querySelector('[data-search-form]')
  var status = document.getElementById('search-status')
  var list = document.getElementById('search-results')
  var more = document.getElementById('search-more')
  if (!form || !status || !list || !more) return
  var input = form.querySelector('input[name="q"]')
  var pageSize = 20
  var root = new URL('./', document.baseURI)
  var notices = null
  var shards = {}
  var loads = {}
  var pending = []
  var generation = 0
  var timer = null

  // The index's scripts hand their data here.
  window.noticeSearch = {
    list: function (listed) { notices = listed },
    add: function (shard) { shards[shard.id] = prepare(shard) }
  }

  form.hidden = false

  function say(text) {
    status.textContent = text
  }

  function checked(name) {
    var values = []
    var boxes = form.querySelectorAll('input[data-filter="' + name + '"]:checked')
    for (var i = 0; i < boxes.length; i++) values.push(boxes[i].value)
    return values
  }

  // The query and the filters in the address, so a search can be bookmarked or sent on.
  function remember(query) {
    var params = new URLSearchParams()
    if (query) params.set('q', query)
    checked('status').forEach(function (value) { params.append('status', value) })
    checked('year').forEach(function (value) { params.append('year', value) })
    var search = params.toString()
    history.replaceState(null, '', search ? '?' + search : location.pathname)
  }

  function restore() {
    var params = new URLSearchParams(location.search)
    input.value = params.get('q') || ''
    ;['status', 'year'].forEach(function (name) {
      var wanted = params.getAll(name)
      var boxes = form.querySelectorAll('input[data-filter="' + name + '"]')
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = wanted.indexOf(boxes[i].value) !== -1
    })
  }

  // Text folded for matching: each character by NFKC and lower case (full-width Ａ and ２ match A and 2),
  // with where each folded character came from, so an excerpt is cut and marked in the original text.
  function fold(text) {
    var out = ''
    var from = []
    for (var i = 0; i < text.length;) {
      var code = text.codePointAt(i)
      var char = String.fromCodePoint(code)
      var folded = char.normalize('NFKC').toLowerCase()
      for (var k = 0; k < folded.length; k++) from.push(i)
      out += folded
      i += char.length
    }
    from.push(text.length)
    return { text: out, from: from }
  }

  function prepare(shard) {
    var unit = (shard.unit || '').normalize('NFKC').toLowerCase()
    shard.findings.forEach(function (finding) {
      finding.folded = fold(finding.text)
      finding.foldedTitle = finding.title.normalize('NFKC').toLowerCase()
      finding.foldedUnit = unit
    })
    return shard
  }

  function occurrences(haystack, term) {
    var count = 0
    for (var at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + term.length)) count++
    return count
  }

  // Every word of the query must occur in the finding's title, text or unit, as written (a substring):
  // Chinese is not cut into words, so a word is found wherever it stands.
  function score(finding, terms) {
    var total = 0
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i]
      var inTitle = finding.foldedTitle.indexOf(term) !== -1
      var inText = occurrences(finding.folded.text, term)
      if (!inTitle && !inText && finding.foldedUnit.indexOf(term) === -1) return 0
      total += (inTitle ? 10 : 0) + Math.min(inText, 5) + 1
    }
    return total
  }

  // Up to 100 characters of the text around the first word found, every word of the query marked.
  function excerptNodes(finding, terms, into) {
    var folded = finding.folded
    var first = -1
    terms.forEach(function (term) {
      var at = folded.text.indexOf(term)
      if (at !== -1 && (first === -1 || at < first)) first = at
    })
    var start = Math.max(0, first - 30)
    var end = Math.min(folded.text.length, start + 100)
    var marks = []
    terms.forEach(function (term) {
      for (var at = folded.text.indexOf(term, start); at !== -1 && at < end; at = folded.text.indexOf(term, at + term.length)) {
        marks.push([at, Math.min(at + term.length, end)])
      }
    })
    marks.sort(function (a, b) { return a[0] - b[0] })
    var text = finding.text
    var cursor = folded.from[start]
    if (start > 0) into.appendChild(document.createTextNode('…'))
    marks.forEach(function (range) {
      var from = folded.from[range[0]]
      var to = folded.from[range[1]]
      if (from < cursor) from = cursor
      if (to <= from) return
      if (from > cursor) into.appendChild(document.createTextNode(text.slice(cursor, from)))
      var mark = document.createElement('mark')
      mark.textContent = text.slice(from, to)
      into.appendChild(mark)
      cursor = to
    })
    var stop = folded.from[end]
    if (stop > cursor) into.appendChild(document.createTextNode(text.slice(cursor, stop)))
    if (end < folded.text.length) into.appendChild(document.createTextNode('…'))
  }

  function item(found) {
    var shard = found.shard
    var finding = found.finding
    var li = document.createElement('li')
    var heading = document.createElement('p')
    heading.className = 'result-title'
    var link = document.createElement('a')
    link.href = new URL(shard.id + '/index.html#' + finding.anchor, root).href
    link.textContent = finding.title
    heading.appendChild(link)
    heading.appendChild(document.createTextNode(' '))
    var badge = document.createElement('span')
    badge.className = 'badge badge-' + finding.status
    badge.textContent = finding.statusText
    heading.appendChild(badge)
    li.appendChild(heading)
    var source = document.createElement('p')
    source.className = 'result-notice'
    var date = shard.date ? shard.date.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : ''
    source.textContent = shard.title + (date ? '　' + date : '')
    li.appendChild(source)
    var excerpt = document.createElement('p')
    excerpt.className = 'result-excerpt'
    excerptNodes(finding, found.terms, excerpt)
    li.appendChild(excerpt)
    return li
  }

  function showMore() {
    pending.splice(0, pageSize).forEach(function (found) { list.appendChild(item(found)) })
    more.hidden = pending.length === 0
  }

  function script(path) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement('script')
      element.src = new URL(path, root).href
      element.onload = function () { element.remove(); resolve() }
      element.onerror = function () { element.remove(); reject(new Error(path)) }
      document.head.appendChild(element)
    })
  }

  // The list once, then the shards of the notices in the years asked for (all without a year filter).
  function load(years) {
    var listed = notices ? Promise.resolve() : script('search/index.js')
    return listed.then(function () {
      var wanted = notices.filter(function (notice) { return !years.length || years.indexOf(notice.year) !== -1 })
      return Promise.all(wanted.map(function (notice) {
        if (!loads[notice.id]) {
          loads[notice.id] = script('search/' + notice.id + '.js')
          loads[notice.id].catch(function () { delete loads[notice.id] })
        }
        return loads[notice.id]
      })).then(function () { return wanted })
    })
  }

  function find(wanted, terms, statuses) {
    var found = []
    wanted.forEach(function (notice) {
      var shard = shards[notice.id]
      if (!shard) return
      shard.findings.forEach(function (finding) {
        if (statuses.length && statuses.indexOf(finding.statusName) === -1) return
        var points = score(finding, terms)
        if (points > 0) found.push({ shard: shard, finding: finding, terms: terms, points: points, order: found.length })
      })
    })
    // Best first; equals keep the notices' order (newest first) and the findings' order.
    return found.sort(function (a, b) { return b.points - a.points || a.order - b.order })
  }

  function search() {
    var query = input.value.trim()
    var run = ++generation
    remember(query)
    list.textContent = ''
    more.hidden = true
    pending = []
    if (!query) {
      say('请输入要查找的词语，例如单位名称或问题中的词语。')
      return Promise.resolve()
    }
    var terms = fold(query).text.split(/\s+/).filter(function (term, index, all) { return term && all.indexOf(term) === index })
    var statuses = checked('status')
    var years = checked('year')
    say('正在搜索……')
    return load(years).then(function (wanted) {
      if (run !== generation) return
      pending = find(wanted, terms, statuses)
      var count = pending.length
      showMore()
      // Announced once the first results are on the page, so a screen reader hears the count with them there.
      say(count === 0 ? '没有找到包含“' + query + '”的问题。' : '找到 ' + count + ' 个问题。')
    }).catch(function () {
      if (run !== generation) return
      say('搜索索引没有加载成功，请刷新页面后再试。')
    })
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault()
    clearTimeout(timer)
    search()
  })
  input.addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(search, 300)
  })
  form.addEventListener('change', function (event) {
    if (event.target !== input) search()
  })
  more.addEventListener('click', showMore)

  restore()
  if (input.value) search()
  else say('请输入要查找的词语，例如单位名称或问题中的词语。')
})()
