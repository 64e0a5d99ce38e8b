// No field of this site takes files (lib/cms/config.ts), so the web editor (Decap CMS) gets a
// media library with nothing in it: Decap then shows no "Medien" tab, and nothing can upload a
// file, which Decap would commit straight to the default branch, outside any pull request.
(function (root) {
  'use strict';
  var name = 'cc-no-media';
  var library = {
    name: name,
    init: function () {
      return {
        show: function () {},
        hide: function () {},
        enableStandalone: function () {
          return false;
        },
      };
    },
  };
  if (root.CMS) root.CMS.registerMediaLibrary(library);
})(this);
