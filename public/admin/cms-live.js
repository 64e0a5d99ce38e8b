// "Live ansehen" in the web editor (Decap CMS) opens the partner's page on the site, which Decap
// builds from the collection's preview_path: always the default language's page. The editor may
// show another language on the left ("Aktuelle Sprache: EN"), and the preview follows it; so does
// this link, as soon as the pointer or the keyboard reaches it, from the paths per language that
// lib/cms/config.ts writes into /admin/config.yml (cc_preview_paths).
// tests/cms-live.test.ts runs it against the generated configuration.
(function (root) {
  'use strict';
  var escape = function (text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  };

  /** The page of the same entry in `locale`, or undefined when `href` is no such page. */
  function liveUrl(siteConfig, href, locale) {
    var site = String(siteConfig.site_url || '').replace(/\/+$/, '');
    var found;
    (siteConfig.collections || []).forEach(function (collection) {
      var paths = collection.cc_preview_paths;
      if (!paths || !paths[locale]) return;
      Object.keys(paths).forEach(function (from) {
        var pattern = new RegExp(
          '^' + escape(site + '/' + paths[from]).replace('\\{\\{slug\\}\\}', '([^/?#]+)') + '$',
        );
        var match = pattern.exec(href);
        if (match) found = site + '/' + paths[locale].replace('{{slug}}', match[1]);
      });
    });
    return found;
  }

  /** The language the editor shows on the left, from Decap's "Aktuelle Sprache: EN". */
  function shownLocale(document) {
    var buttons = document.querySelectorAll('button, [role="button"]');
    for (var i = 0; i < buttons.length; i++) {
      var match = /^Aktuelle Sprache: (\S+)$/.exec(buttons[i].textContent.trim());
      if (match) return match[1].toLowerCase();
    }
    return undefined;
  }

  function follow(siteConfig, event) {
    var link = event.target && event.target.closest && event.target.closest('a[href]');
    var locale = link && shownLocale(root.document);
    var href = locale && liveUrl(siteConfig, link.href, locale);
    if (href && href !== link.href) link.href = href;
  }

  root.ccLiveUrl = liveUrl;
  if (!root.CMS) return;
  var link = root.document.querySelector('link[rel="cms-config-url"]');
  root
    .fetch(link ? link.getAttribute('href') : '/admin/config.yml')
    .then(function (response) {
      return response.ok ? response.text() : Promise.reject(new Error('HTTP ' + response.status));
    })
    .then(function (text) {
      var siteConfig = root.jsyaml.load(text);
      ['pointerover', 'focusin', 'mousedown', 'click', 'auxclick'].forEach(function (type) {
        root.document.addEventListener(type, follow.bind(null, siteConfig), true);
      });
    })
    .catch(function () {
      // Without the configuration the link stays Decap's: the default language's page.
    });
})(this);
