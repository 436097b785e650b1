import { isAurora, type CreatedDatabase } from "../answers/model.js";
import { ENGINES } from "../catalog/databases.js";

/** The database data/ creates, in a phrase for the summary and the README. */
export function databaseLine(db: CreatedDatabase): string {
  const size = isAurora(db) ? `scaling from ${db.capacity.min} to ${db.capacity.max} ACU${db.multiAz ? ", with a reader in a second AZ" : ""}` : `${db.instanceClass} with ${db.storageGb} GB of gp3 storage${db.multiAz ? ", Multi-AZ" : ""}`;
  return `a ${ENGINES[db.engine].title} database (${size}) on port ${db.port}`;
}
