/** EntityType is the type of an entity, as Entity.type and the API's filters spell it. */
export type EntityType = "organization" | "person" | "place" | "topic";

/** entityCollections are the resource-name prefixes of entities. */
const entityCollections = ["organizations/", "people/", "places/", "topics/"];

/**
 * isEntityName reports whether ref has the form of an entity resource name,
 * such as "organizations/kioxia", rather than a name as people write it.
 */
export function isEntityName(ref: string): boolean {
  return entityCollections.some((prefix) => {
    if (!ref.startsWith(prefix)) return false;
    const id = ref.slice(prefix.length);
    return id !== "" && !/[/ ]/.test(id);
  });
}
