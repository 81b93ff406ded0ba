export {
  childPath,
  DamagedInput,
  fileInput,
  folderInput,
  type Input,
  isGzip,
  type Line,
  MAX_LINE_BYTES,
  readBytes,
  readLines,
} from './input.js';
export { type LoadedManifest, loadManifest, MANIFEST_NAMES, parseManifest } from './manifest.js';
export { type Bundle, type BundleInput, openBundle } from './open.js';
