// `require("okr-wasm")`: the same API as the ES module, `init` included (a no-op in node).
declare const okr: Omit<typeof import("./index.js"), "default"> & {
  init: typeof import("./index.js").default;
};
export = okr;
