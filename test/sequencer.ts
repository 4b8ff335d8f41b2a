// The order of the test files: vitest's (the slowest of the last run first, else the largest), except that the
// crawl's files (test/e2e/crawl.*.test.ts, small files with the longest runs) go first, so that the shorter
// journeys fill the end beside them instead of leaving a crawl to run alone.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const CRAWL = /[/\\]test[/\\]e2e[/\\]crawl\.[^/\\]+\.test\.ts$/;

export default class CrawlFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => CRAWL.test(f.moduleId)), ...sorted.filter((f) => !CRAWL.test(f.moduleId))];
  }
}
