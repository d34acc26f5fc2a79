// The search page's script: asks the static index that the build wrote (pagefind/) and lists the
// findings found, each linked to its anchor on its notice page with its status. Everything it
// loads is on this site. Without JavaScript the page shows a plain message instead of the form.
(function () {
  var form = document.querySelector('[data-search-form]')
  var status = document.getElementById('search-status')
  var list = document.getElementById('search-results')
  var more = document.getElementById('search-more')
  if (!form || !status || !list || !more) return
  var input = form.querySelector('input[name="q"]')
  var pageSize = 20
  var root = new URL('./', document.baseURI)
  var pagefind = null
  var shown = []
  var pending = []
  var generation = 0
  var timer = null

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

  // Pagefind's excerpt is text with the matched words in <mark>: rebuilt as nodes, never as HTML.
  function excerptNodes(excerpt, into) {
    var parts = excerpt.split(/(<mark>|<\/mark>)/)
    var marked = false
    var scratch = document.createElement('textarea')
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i]
      if (part === '<mark>') { marked = true; continue }
      if (part === '</mark>') { marked = false; continue }
      if (!part) continue
      scratch.innerHTML = part
      var text = document.createTextNode(scratch.value)
      if (marked) {
        var mark = document.createElement('mark')
        mark.appendChild(text)
        into.appendChild(mark)
      } else {
        into.appendChild(text)
      }
    }
  }

  function item(data) {
    var meta = data.meta || {}
    var li = document.createElement('li')
    var heading = document.createElement('p')
    heading.className = 'result-title'
    var link = document.createElement('a')
    link.href = new URL(data.raw_url || data.url, root).href
    link.textContent = meta.title || data.url
    heading.appendChild(link)
    heading.appendChild(document.createTextNode(' '))
    var badge = document.createElement('span')
    badge.className = 'badge badge-' + (meta.status || 'unknown')
    badge.textContent = meta.statusText || ''
    heading.appendChild(badge)
    li.appendChild(heading)
    var source = document.createElement('p')
    source.className = 'result-notice'
    var date = meta.date ? meta.date.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : ''
    source.textContent = (meta.notice || '') + (date ? '　' + date : '')
    li.appendChild(source)
    var excerpt = document.createElement('p')
    excerpt.className = 'result-excerpt'
    excerptNodes(data.excerpt || '', excerpt)
    li.appendChild(excerpt)
    return li
  }

  function showMore(run) {
    var next = pending.splice(0, pageSize)
    return Promise.all(next.map(function (result) { return result.data() })).then(function (datas) {
      if (run !== generation) return
      datas.forEach(function (data) {
        shown.push(data)
        list.appendChild(item(data))
      })
      more.hidden = pending.length === 0
    })
  }

  function search() {
    var query = input.value.trim()
    var run = ++generation
    remember(query)
    list.textContent = ''
    more.hidden = true
    shown = []
    pending = []
    if (!query) {
      say('请输入要查找的词语，例如单位名称或问题中的词语。')
      return Promise.resolve()
    }
    var filters = {}
    var statuses = checked('status')
    var years = checked('year')
    if (statuses.length) filters.status = { any: statuses }
    if (years.length) filters.year = { any: years }
    say('正在搜索……')
    return load().then(function (engine) {
      return engine.search(query, { filters: filters })
    }).then(function (found) {
      if (run !== generation) return
      pending = found.results.slice()
      var count = pending.length
      // Announced once the first results are on the page, so a screen reader hears the count with them there.
      return showMore(run).then(function () {
        if (run === generation) say(count === 0 ? '没有找到包含“' + query + '”的问题。' : '找到 ' + count + ' 个问题。')
      })
    }).catch(function () {
      if (run !== generation) return
      say('搜索索引没有加载成功。请通过网站地址访问本页（直接打开本地文件时浏览器不允许加载索引）。')
    })
  }

  function load() {
    if (pagefind) return pagefind
    pagefind = import(new URL('pagefind/pagefind.js', root).href).then(function (engine) {
      return Promise.resolve(engine.options({ baseUrl: root.pathname })).then(function () { return engine })
    })
    pagefind.catch(function () { pagefind = null })
    return pagefind
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
  more.addEventListener('click', function () { showMore(generation) })

  restore()
  if (input.value) search()
  else say('请输入要查找的词语，例如单位名称或问题中的词语。')
})()
