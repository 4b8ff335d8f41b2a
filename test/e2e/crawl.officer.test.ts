// The crawl (test/e2e/crawl.ts): the officer's pages in German, and the instance admin's.
import { crawlShare } from './crawl.js';

crawlShare("the officer's pages in German, and the instance admin's");
