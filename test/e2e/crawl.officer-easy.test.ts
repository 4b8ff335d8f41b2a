// The crawl (test/e2e/crawl.ts): the officer's pages with Leichte Sprache chosen.
import { crawlShare } from './crawl.js';

crawlShare("the officer's pages with Leichte Sprache chosen");
