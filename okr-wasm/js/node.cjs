// okr-wasm for node (`require("okr-wasm")`, and the `node` condition): the node build, which
// loads its module synchronously when first required, so `init()` has nothing left to do.
"use strict";
const raw = require("./node/okr_wasm.js");
const { bind, OkrError, isOkrError } = require("./wrap.cjs");

const api = bind(raw, () => true);

module.exports = {
  ...api,
  OkrError,
  isOkrError,
  // The browser build's loaders, as no-ops: code written for both runs unchanged here.
  init: async () => {},
  initSync: () => {},
};
