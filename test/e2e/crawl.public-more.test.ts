// The crawl (test/e2e/crawl.ts): public pages in Arabic, Ukrainian and Russian.
import { crawlShare } from './crawl.js';

crawlShare("public pages in Arabic, Ukrainian and Russian");
