// Progressive enhancement for the 大/中/小 switch: the switch itself is CSS only; this remembers the
// reader's choice across pages. Without JavaScript (or storage) the page is whole and the switch still works.
(function () {
  var key = 'notice-press-text-size'
  var inputs = document.querySelectorAll('input[name="text-size"]')
  var saved = null
  try { saved = window.localStorage.getItem(key) } catch (error) { return }
  for (var i = 0; i < inputs.length; i++) {
    var input = inputs[i]
    if (saved && input.value === saved) input.checked = true
    input.addEventListener('change', function (event) {
      try { window.localStorage.setItem(key, event.target.value) } catch (error) { /* storage off: the choice lasts this page only */ }
    })
  }
})()
