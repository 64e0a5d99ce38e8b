// Checks of the web editor (Decap CMS) before it saves or publishes an entry.
//
// Saving: Decap validates the form of the default language (German) and, of the English half,
// only the fields someone touched: an English name or summary never filled in would be written
// and caught only later by the content check. This preSave listener applies the rules the form
// applies in German (required, pattern) to every other language's translated fields, taken from
// the editor's own configuration (generated from lib/content/schema.ts), and stops the save with a
// message that names the language and the fields. A draft may still be untranslated, as the
// content check allows: a draft whose English half is empty is saved without it.
//
// Publishing: GitHub's branch protection refuses to merge a change whose content check failed
// (README, "Web editor"), but Decap would show GitHub's English refusal and then try to commit
// the change straight to the branch. This prePublish listener asks GitHub first and refuses in
// German, saying what the check found and what to do.
// tests/cms-checks.test.ts runs both against the generated configuration.
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

  function isTranslated(field) {
    return (field.i18n === true || field.i18n === 'translate') && field.widget !== 'hidden';
  }

  /** What is wrong with the fields of one language: "Name fehlt", "Kurzbeschreibung: …". */
  function problems(fields, data) {
    var found = [];
    fields.filter(isTranslated).forEach(function (field) {
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

  function collectionOf(siteConfig, name) {
    return (siteConfig.collections || []).filter(function (c) {
      return c.name === name;
    })[0];
  }

  /** The languages besides the default one, when the entry's collection has several. */
  function otherLocales(siteConfig, collection) {
    var i18n = siteConfig.i18n;
    if (!i18n || !collection || !collection.i18n || !collection.fields) return [];
    return i18n.locales.filter(function (locale) {
      return locale !== i18n.default_locale;
    });
  }

  /** A draft's language in which no translated field is filled in yet: saved without it. */
  function untranslatedDraftLocales(siteConfig, entry) {
    var collection = collectionOf(siteConfig, entry.collection);
    if (!entry.data || entry.data.draft !== true) return [];
    var translations = entry.i18n || {};
    return otherLocales(siteConfig, collection).filter(function (locale) {
      var data = (translations[locale] && translations[locale].data) || {};
      return collection.fields.filter(isTranslated).every(function (field) {
        return isEmpty(data[field.name]);
      });
    });
  }

  /** The messages for every language but the default one; empty when the entry may be saved. */
  function checkEntry(siteConfig, entry) {
    var collection = collectionOf(siteConfig, entry.collection);
    var translations = entry.i18n || {};
    var untranslated = untranslatedDraftLocales(siteConfig, entry);
    return otherLocales(siteConfig, collection)
      .filter(function (locale) {
        return untranslated.indexOf(locale) < 0;
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

  function configFailed(problem) {
    return refusal(
      'Die Einstellungen des Editors (/admin/config.yml) ließen sich nicht laden (' +
        problem.message +
        '). Bitte die Seite neu laden und noch einmal speichern.',
    );
  }

  function preSave(event) {
    var entry = event.entry.toJS ? event.entry.toJS() : event.entry;
    return loadConfig().then(function (siteConfig) {
      var messages = checkEntry(siteConfig, entry);
      if (messages.length) throw refusal(messages.join(' '));
      // Decap writes a file for every language that holds data, and the English half of a new
      // partner already holds the language-neutral fields: the half is dropped from the entry
      // Decap goes on with (its event object), so no English file without a name is written.
      untranslatedDraftLocales(siteConfig, entry).forEach(function (locale) {
        event.entry = event.entry.deleteIn(['i18n', locale]);
      });
      return undefined; // save the data as it is
    }, configFailed);
  }

  // ---- publishing ----------------------------------------------------------------------------

  var failed = ['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure'];

  /** The editor's GitHub token, which Decap keeps in this browser after the login. */
  function githubToken() {
    try {
      var user = JSON.parse(root.localStorage.getItem('decap-cms-user') || 'null');
      return user && user.backendName === 'github' ? user.token : undefined;
    } catch {
      return undefined;
    }
  }

  function github(siteConfig, token) {
    var api = (siteConfig.backend.api_root || 'https://api.github.com').replace(/\/+$/, '');
    var repo = api + '/repos/' + siteConfig.backend.repo;
    return function (path) {
      return root
        .fetch(repo + path, { headers: { Authorization: 'token ' + token }, cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        });
    };
  }

  /**
   * Each error the check found: in the editor's words where the check has them (then they are the
   * annotation's title: "Reihenfolge: Difu und VKU haben beide die 4; …"), else the check's own
   * ("content/partners/vku.de.md, Zeile 3: name: must not be empty"), whose title is the field.
   */
  function findings(get, runs) {
    return Promise.all(
      runs.map(function (run) {
        return get('/check-runs/' + run.id + '/annotations').then(function (annotations) {
          var errors = annotations.filter(function (a) {
            return a.annotation_level === 'failure';
          });
          if (!errors.length) return ['„' + run.name + '“ ist fehlgeschlagen'];
          return errors.map(function (a) {
            var german = a.title && a.message.indexOf(a.title + ': ') !== 0;
            return german ? a.title : a.path + ', Zeile ' + a.start_line + ': ' + a.message;
          });
        });
      }),
    ).then(function (lists) {
      return [].concat.apply([], lists);
    });
  }

  /**
   * Why this entry's pull request may not be published yet, from the checks GitHub ran on its
   * branch; '' when they passed, or when GitHub cannot tell (then its branch protection decides).
   */
  var checkStartsWithin = 3 * 60 * 1000;

  function publishRefusal(siteConfig, entry) {
    var token = githubToken();
    if (!token || !siteConfig.backend || siteConfig.backend.name !== 'github') return '';
    var get = github(siteConfig, token);
    var branch = encodeURIComponent('cms/' + entry.collection + '/' + entry.slug);
    var saved = 0;
    return get('/branches/' + branch)
      .then(function (found) {
        var committer = found.commit.commit && found.commit.commit.committer;
        saved = Date.parse((committer && committer.date) || '') || 0;
        return get('/commits/' + found.commit.sha + '/check-runs');
      })
      .then(function (answer) {
        var runs = answer.check_runs || [];
        var broken = runs.filter(function (run) {
          return run.status === 'completed' && failed.indexOf(run.conclusion) >= 0;
        });
        if (broken.length) {
          return findings(get, broken).then(function (found) {
            return (
              'Die Inhaltsprüfung hat in dieser Änderung Fehler gefunden. ' +
              found
                .map(function (text) {
                  return /[.!?]$/.test(text) ? text : text + '.';
                })
                .join(' ') +
              ' Bitte korrigieren Sie das im Formular und speichern Sie. Sobald die Prüfung ' +
              'der neuen Fassung grün ist (etwa eine Minute), können Sie veröffentlichen.'
            );
          });
        }
        // Right after a save GitHub has not started the check yet; a repository without one
        // never gets it, so after a few minutes its branch protection decides alone.
        var pending =
          runs.some(function (run) {
            return run.status !== 'completed';
          }) ||
          (runs.length === 0 && Date.now() - saved < checkStartsWithin);
        return pending
          ? 'Die Inhaltsprüfung dieser Änderung läuft noch. Bitte in einer Minute noch einmal veröffentlichen.'
          : '';
      })
      .catch(function () {
        return '';
      });
  }

  function prePublish(event) {
    var entry = event.entry.toJS ? event.entry.toJS() : event.entry;
    return loadConfig()
      .then(function (siteConfig) {
        return publishRefusal(siteConfig, entry);
      }, configFailed)
      .then(function (message) {
        if (message) throw refusal(message);
        return undefined;
      });
  }

  if (root.CMS) {
    root.CMS.registerEventListener({ name: 'preSave', handler: preSave });
    root.CMS.registerEventListener({ name: 'prePublish', handler: prePublish });
  }
})(this);
