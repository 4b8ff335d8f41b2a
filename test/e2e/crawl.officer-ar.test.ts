// The crawl (test/e2e/crawl.ts): the officer's pages in Arabic.
import { crawlShare } from './crawl.js';

crawlShare("the officer's pages in Arabic");
