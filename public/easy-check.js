// Leichte Sprache editor: while the officer types, the server's checker is asked again (debounced) and its hints
// replace the list under the text, announced politely by the live region. Without this script the "Prüfen"
// button does the same by a normal form post.
(function () {
  'use strict';
  var form = document.querySelector('form[data-easy-check]');
  if (!form || !window.fetch) return;
  var area = form.querySelector('textarea[name="body"]');
  var target = document.getElementById(form.getAttribute('data-easy-hints'));
  var live = document.getElementById(form.getAttribute('data-easy-live'));
  var token = form.querySelector('input[name="_csrf"]');
  if (!area || !target || !token) return;
  var timer = null;
  var sent = 0;
  function check() {
    var mine = ++sent;
    var body = new URLSearchParams();
    body.set('_csrf', token.value);
    body.set('body', area.value);
    fetch(form.getAttribute('data-easy-check'), { method: 'POST', body: body, credentials: 'same-origin', headers: { 'x-csrf-token': token.value } })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) {
        // Only the answer to the latest text counts.
        if (html === null || mine !== sent) return;
        target.innerHTML = html;
        // The live region says only how many hints there are, not the whole list.
        var total = target.querySelector('.easy-hints__total, .easy-hints__none');
        if (live && total) live.textContent = total.textContent;
      })
      .catch(function () {});
  }
  area.addEventListener('input', function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, 700);
  });
})();
