// The last step of the web editor's GitHub login (lib/cms/oauth.ts): Decap CMS's pop-up protocol.
// The pop-up tells the editor's window it is authorizing; once that window answers, from the
// site's own origin, the pop-up sends it the token, again to that origin only.
(function () {
  var data = JSON.parse(document.getElementById('cc-oauth').textContent);
  var opener = window.opener;
  if (!opener) {
    document.body.append('Öffnen Sie den Editor und melden Sie sich dort an.');
    return;
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== data.origin || event.source !== opener) return;
    opener.postMessage(data.message, data.origin);
  });
  opener.postMessage('authorizing:github', data.origin);
})();
