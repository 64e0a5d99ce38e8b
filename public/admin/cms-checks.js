// Checks the other languages of an entry before the web editor (Decap CMS) saves it. Decap
// validates the form of the default language (German) and, of the English half, only the fields
// someone touched: an English name or summary never filled in would be written and caught only
// later by the content check. This preSave listener applies the rules the form applies in German
// (required, pattern) to every other language's translated fields, taken from the editor's own
// configuration (generated from lib/content/schema.ts), and stops the save with a message that
// names the language and the fields.
// tests/cms-checks.test.ts runs it against the generated configuration.
(function (root) {
  'use strict';
  var languages = { en: 'Englische Fassung' };
  var config;

  function loadConfig() {
    if (!config) {
      var link = root.document.querySelector('link[rel="cms-config-url"]');
      config = root
        .fetch(link ? link.getAttribute('href') : '/admin/config.yml')
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.text();
        })
        .then(function (text) {
          return root.jsyaml.load(text);
        });
      config.catch(function () {
        config = undefined; // try again on the next save
      });
    }
    return config;
  }

  function isEmpty(value) {
    if (value === undefined || value === null) return true;
    if (typeof value === 'string') return value.trim() === '';
    if (Array.isArray(value)) return value.length === 0;
    return false;
  }

  /** What is wrong with the fields of one language: "Name fehlt", "Kurzbeschreibung: …". */
  function problems(fields, data) {
    var found = [];
    fields.forEach(function (field) {
      if ((field.i18n !== true && field.i18n !== 'translate') || field.widget === 'hidden') return;
      var value = data[field.name];
      if (isEmpty(value)) {
        if (field.required !== false) found.push(field.label + ' fehlt');
        return;
      }
      if (field.pattern && typeof value === 'string' && !new RegExp(field.pattern[0]).test(value))
        found.push(field.label + ': ' + field.pattern[1]);
    });
    return found;
  }

  /** The messages for every language but the default one; empty when the entry may be saved. */
  function checkEntry(siteConfig, entry) {
    var i18n = siteConfig.i18n;
    var collection = (siteConfig.collections || []).filter(function (c) {
      return c.name === entry.collection;
    })[0];
    if (!i18n || !collection || !collection.i18n || !collection.fields) return [];
    var translations = entry.i18n || {};
    return i18n.locales
      .filter(function (locale) {
        return locale !== i18n.default_locale;
      })
      .map(function (locale) {
        var data = (translations[locale] && translations[locale].data) || {};
        var found = problems(collection.fields, data);
        if (!found.length) return '';
        return (languages[locale] || 'Fassung ' + locale) + ': ' + found.join('; ') + '.';
      })
      .filter(Boolean);
  }

  /** An error Decap shows after its "could not save" message; with no name, only the text. */
  function refusal(message) {
    var error = new Error(message);
    error.name = '';
    return error;
  }

  function preSave(event) {
    var entry = event.entry.toJS ? event.entry.toJS() : event.entry;
    return loadConfig().then(
      function (siteConfig) {
        var messages = checkEntry(siteConfig, entry);
        if (messages.length) throw refusal(messages.join(' '));
        return undefined; // save the entry as it is
      },
      function (problem) {
        throw refusal(
          'Die Einstellungen des Editors (/admin/config.yml) ließen sich nicht laden (' +
            problem.message +
            '). Bitte die Seite neu laden und noch einmal speichern.',
        );
      },
    );
  }

  if (root.CMS) root.CMS.registerEventListener({ name: 'preSave', handler: preSave });
})(this);
