/** The core's version: package.json's, written here by scripts/version.js (`npm version` runs it; a test checks it). */
export const CORE_VERSION = '0.1.0';
