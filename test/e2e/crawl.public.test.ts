// The crawl (test/e2e/crawl.ts): public pages in German, English and Turkish, and the Leichte Sprache pages.
import { crawlShare } from './crawl.js';

crawlShare("public pages in German, English and Turkish, and the Leichte Sprache pages");
