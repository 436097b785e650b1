import { removeTempDirs } from "./helpers.js";

// Every test file removes what it made in the temp directory (test/global-teardown.js checks).
afterAll(() => removeTempDirs());
