export { childPath, fileInput, folderInput, type Input, isGzip, type Line, readLines } from './input.js';
export { type LoadedManifest, loadManifest, MANIFEST_NAMES, parseManifest } from './manifest.js';
export { type Bundle, type BundleInput, openBundle } from './open.js';
