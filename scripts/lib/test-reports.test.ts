import { describe, expect, it } from "vitest";
import { playwrightCounts, vitestCounts } from "./test-reports";

describe("test reports (the summary at the end of `npm test`)", () => {
  it("names each failed Vitest test by file and full name", () => {
    const report = {
      numPassedTests: 2,
      numFailedTests: 1,
      testResults: [
        { name: "/repo/tests/api/login.test.ts", assertionResults: [{ fullName: "login accepts", status: "passed" }] },
        {
          name: "/repo/tests/api/reset.test.ts",
          assertionResults: [
            { fullName: "reset refuses an old code", status: "failed" },
            { fullName: "reset mails", status: "passed" },
            { fullName: "reset later", status: "skipped" },
          ],
        },
      ],
    };
    expect(vitestCounts(report, "/repo")).toEqual({
      passed: 2,
      failed: 1,
      failures: ["tests/api/reset.test.ts › reset refuses an old code"],
    });
  });

  it("names failed and retried Playwright specs, however deep their describe blocks", () => {
    const report = {
      stats: { expected: 3, unexpected: 1, flaky: 1 },
      suites: [
        { file: "a.spec.ts", specs: [{ title: "signs in", tests: [{ status: "expected" }] }] },
        {
          file: "b.spec.ts",
          specs: [{ title: "top", tests: [{ status: "flaky" }] }],
          suites: [
            {
              file: "b.spec.ts",
              suites: [{ file: "b.spec.ts", specs: [{ title: "deep", tests: [{ status: "unexpected" }] }] }],
              specs: [{ title: "fine", tests: [{ status: "expected" }] }],
            },
          ],
        },
      ],
    };
    expect(playwrightCounts(report)).toEqual({
      passed: 4,
      failed: 1,
      failures: ["b.spec.ts › deep"],
      flaky: ["b.spec.ts › top"],
    });
  });
});
