/** The inspection chunk's entry: bundled as bundle/inspect.mjs and loaded only by runs that inspect an account. */
export { openAccount, type AccountReader, type InspectOptions } from "./account.js";
export { DISCOVERY_CALLS, InspectionError, READ_CALLS } from "./errors.js";
