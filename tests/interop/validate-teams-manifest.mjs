// Validates a Teams app manifest offline against the schema its $schema names, with the copy bundled in
// @microsoft/app-manifest 1.1.2: stdin the manifest JSON, stdout { errors }.
import { AppManifestUtils } from '@microsoft/app-manifest';

let input = '';
for await (const chunk of process.stdin) input += chunk;

const errors = await AppManifestUtils.validateAgainstSchema(JSON.parse(input));
console.log(JSON.stringify({ errors }));
