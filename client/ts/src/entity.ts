import type { Alias, Entity } from "./gen/entitygraph/v1/entity_pb.js";
import { Predicate } from "./gen/entitygraph/v1/relation_pb.js";

/** EntityType is the type of an entity, as the API's filters spell it. */
export type EntityType = "organization" | "person" | "place" | "topic";

/** entityName returns the resource name of an entity, such as "organizations/kioxia"; "" if no form is set. */
export function entityName(entity: Entity | undefined): string {
  return entity?.kind.value?.name ?? "";
}

/** displayName returns the name most people use for an entity, in English. */
export function displayName(entity: Entity | undefined): string {
  return entity?.kind.value?.displayName ?? "";
}

/** description returns the curator's one-sentence description of an entity. */
export function description(entity: Entity | undefined): string {
  return entity?.kind.value?.description ?? "";
}

/** aliases returns an entity's other names. */
export function aliases(entity: Entity | undefined): Alias[] {
  return entity?.kind.value?.aliases ?? [];
}

/** entityType returns the type of an entity, or undefined if no form is set. */
export function entityType(entity: Entity | undefined): EntityType | undefined {
  return entity?.kind.case;
}

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

/** predicateName returns a predicate's short lowercase name, such as "coordinates_against". */
export function predicateName(predicate: Predicate): string {
  return (Predicate[predicate] ?? String(predicate)).toLowerCase();
}

/**
 * parsePredicate parses a predicate name, with or without its PREDICATE_
 * prefix, in any case: "acquires", "COORDINATES_AGAINST",
 * "PREDICATE_LEADS". It returns undefined for anything else.
 */
export function parsePredicate(name: string): Predicate | undefined {
  const upper = name.trim().toUpperCase().replace(/^PREDICATE_/, "");
  const value = (Predicate as unknown as Record<string, Predicate | undefined>)[upper];
  return value === undefined || value === Predicate.UNSPECIFIED ? undefined : value;
}
