// What `npm test` reads from each runner's JSON report: how many passed and failed, and which
// failed by name, so the last screen of a long CI log says which test to look at.
import { relative } from "node:path";

export type Counts = { passed: number; failed: number; failures: string[]; flaky?: string[] };

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
};

export function vitestCounts(json: unknown, root = process.cwd()): Counts {
  const report = json as VitestReport;
  const failures = report.testResults.flatMap((file) =>
    file.assertionResults.filter((test) => test.status === "failed").map((test) => `${relative(root, file.name)} › ${test.fullName}`),
  );
  return { passed: report.numPassedTests, failed: report.numFailedTests, failures };
}

type PlaywrightSuite = {
  file: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; tests: { status: string }[] }[];
};
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number }; suites: PlaywrightSuite[] };

/** Specs whose tests ended with the given status ("unexpected" failed; "flaky" passed on a retry). */
function specsWith(status: string, suite: PlaywrightSuite): string[] {
  const here = (suite.specs ?? []).filter((spec) => spec.tests.some((test) => test.status === status));
  return [...here.map((spec) => `${suite.file} › ${spec.title}`), ...(suite.suites ?? []).flatMap((inner) => specsWith(status, inner))];
}

export function playwrightCounts(json: unknown): Counts {
  const report = json as PlaywrightReport;
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    failures: report.suites.flatMap((suite) => specsWith("unexpected", suite)),
    flaky: report.suites.flatMap((suite) => specsWith("flaky", suite)),
  };
}
