// The API of okr-wasm, for every entry (browser, bundlers, node): the declarations of
// src/okr_wasm.d.ts, shipped with the web build, and its `init`.
export * from "./web/okr_wasm.js";
export { default } from "./web/okr_wasm.js";
