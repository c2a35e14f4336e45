import {
  Code,
  ConnectError,
  createEntityGraphClient,
  listRelations,
  resolve,
  resourceInfo,
} from "@entitygraph/client";

const eg = createEntityGraphClient({ address: process.env.ENTITYGRAPH_ADDR ?? "localhost:50051" });

// A name, an alias or a resource name.
const kioxia = await resolve(eg, "キオクシア");
console.log(kioxia.name, "is", kioxia.displayName);

// Every relation with Kioxia as object, with the sentence that states it.
for await (const rel of listRelations(eg.entities, { object: "organizations/kioxia" })) {
  console.log(`${rel.subject} ${rel.predicate} ${rel.object}`);
  console.log(`  “${rel.evidence[0]?.quote}”`);
}

// Errors are ConnectErrors with a gRPC code and google.rpc details.
try {
  await eg.entities.getEntity({ name: "people/nobody" });
} catch (err) {
  if (err instanceof ConnectError && err.code === Code.NotFound) {
    console.log("not found:", resourceInfo(err)?.resourceName);
  }
}
