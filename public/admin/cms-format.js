// The file format of the web editor (Decap CMS), registered as "cc-markdown": Markdown with YAML
// front matter, written the way content/ is written, so that saving a file unchanged changes
// nothing. Fields in the order of the form (lib/cms/config.ts), empty ones left out; numbers and
// booleans bare; text bare when it starts with a letter, has no space and YAML reads it back as
// the same text (so no number, date or boolean in either YAML version the project uses), else
// in "double quotes"; never folded. One blank line before the body, one newline at the end.
// Needs js-yaml (window.jsyaml). tests/cms-format.test.ts runs it on every content file.
(function (root) {
  'use strict';
  var yaml = root.jsyaml;
  var plain = /^\p{L}[\p{L}\p{N}_@./:+-]*$/u;
  var date = /^\d{4}-\d{2}-\d{2}$/;
  var frontMatter = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

  function scalar(value) {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') throw new Error('cc-markdown: unexpected value ' + value);
    // Dates stay as written (reviewed: 2026-11-26); the content check reads both forms.
    if (date.test(value)) return value;
    return plain.test(value) && readsBack(value) ? value : JSON.stringify(value);
  }

  function readsBack(value) {
    try {
      return yaml.load('v: ' + value).v === value;
    } catch {
      return false; // e.g. a trailing colon
    }
  }

  var format = {
    fromFile: function (content) {
      var match = frontMatter.exec(content);
      if (!match) return { body: content };
      // The core schema reads 2026-11-26 as text, as the form's date field wants it.
      var data = yaml.load(match[1], { schema: yaml.CORE_SCHEMA }) || {};
      data.body = match[2].replace(/^\r?\n/, '');
      return data;
    },
    toFile: function (data, sortedKeys) {
      var keys = (sortedKeys || []).concat(Object.keys(data)).filter(function (key, i, all) {
        return all.indexOf(key) === i && key !== 'body';
      });
      var lines = keys
        .filter(function (key) {
          var value = data[key];
          return value !== undefined && value !== null && value !== '';
        })
        .map(function (key) {
          return key + ': ' + scalar(data[key]);
        });
      var body = typeof data.body === 'string' ? data.body.replace(/\s+$/, '') : '';
      return '---\n' + lines.join('\n') + '\n---\n' + (body ? '\n' + body + '\n' : '');
    },
  };

  root.ccMarkdownFormat = format;
  if (root.CMS) root.CMS.registerCustomFormat('cc-markdown', 'md', format);
})(this);
