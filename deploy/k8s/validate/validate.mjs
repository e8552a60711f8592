// Validates Kubernetes objects against the Kubernetes API's JSON schemas, as the npm package
// kubernetes-models carries them (generated from the API's OpenAPI document).
//
//   node validate.mjs <rendered.yaml>...
//
// Prints one JSON line per object: {file, apiVersion, kind, name, checked, errors}. "checked" is
// false for kinds the schemas do not hold (custom resources such as Strimzi's KafkaTopic, which
// ManifestsTest checks itself). Exits 1 if any object has errors.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      failed = true;
      console.log(JSON.stringify({ file, errors: document.errors.map((e) => e.message) }));
      continue;
    }
    const object = document.toJS();
    if (object == null) continue;
    const { apiVersion, kind } = object;
    const name = object.metadata?.name;
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
    const module = `kubernetes-models/${group == null ? "" : group + "/"}${version}/${kind}`;
    let Model;
    try {
      Model = (await import(module))[kind];
    } catch (e) {
      const core = group == null || !group.includes(".") || group.endsWith(".k8s.io");
      if (core) failed = true;
      console.log(JSON.stringify({ file, apiVersion, kind, name, checked: false,
        errors: core ? [`no schema for ${apiVersion} ${kind}`] : [] }));
      continue;
    }
    let errors = [];
    try {
      new Model(object).validate();
    } catch (e) {
      errors = [e.message];
      failed = true;
    }
    console.log(JSON.stringify({ file, apiVersion, kind, name, checked: true, errors }));
  }
}
process.exit(failed ? 1 : 0);
