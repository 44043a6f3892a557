// Reads a JSON array of Kubernetes objects on standard input and prints, as JSON, which ones were checked by what
// and the problems found: each object goes to its model in kubernetes-models or @kubernetes-models/istio (types and
// allowed values; these models let unknown fields through, which the Java side catches), CloudNativePG's to the
// schema of the part Hailway uses (schemas/postgresql.cnpg.io.json, unknown fields included). Objects of other
// kinds are listed as unchecked, for the Java side to check or refuse.
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const cnpg = JSON.parse(readFileSync(new URL("./schemas/postgresql.cnpg.io.json", import.meta.url), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
const cnpgKinds = Object.fromEntries(["Cluster", "Database"].map((kind) =>
  [kind, ajv.compile({ ...cnpg[kind], definitions: cnpg.definitions })]));

async function model(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = group.endsWith("istio.io")
    ? `@kubernetes-models/istio/${group}/${version}/${kind}`
    : group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
  try {
    return (await import(path))[kind];
  } catch {
    return undefined;  // no model of that kind here
  }
}

const objects = JSON.parse(readFileSync(0, "utf8"));
const result = { checked: [], unchecked: [], problems: [] };
for (const [index, object] of objects.entries()) {
  const where = { index, apiVersion: object.apiVersion, kind: object.kind, name: object.metadata?.name };
  const schema = object.apiVersion === "postgresql.cnpg.io/v1" ? cnpgKinds[object.kind] : undefined;
  if (schema) {
    result.checked.push({ ...where, by: "schemas/postgresql.cnpg.io.json" });
    if (!schema(object)) {
      result.problems.push({ ...where, error: ajv.errorsText(schema.errors) });
    }
    continue;
  }
  const Model = await model(object.apiVersion, object.kind);
  if (!Model) {
    result.unchecked.push(where);
    continue;
  }
  result.checked.push({ ...where, by: "kubernetes-models" });
  try {
    new Model(object).validate();
  } catch (error) {
    result.problems.push({ ...where, error: String(error.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(result));
