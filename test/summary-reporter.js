/** Ends the run with one plain line, "Tests: N passed, N failed", for tools that read it. */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed\n`);
  }
}
