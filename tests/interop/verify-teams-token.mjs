// Asks botframework-connector 4.23.3 (the Bot Framework SDK for JavaScript) whether it accepts a request:
// stdin [{ metadataUrl, appId, activity, authorization }], stdout [{ valid, error }].
// Its channel validation checks what ours does: signature against the metadata's keys, issuer, audience,
// lifetime, the key's endorsement for the activity's channel, and the serviceurl claim.
import { ChannelValidation, JwtTokenValidation, SimpleCredentialProvider } from 'botframework-connector';

let input = '';
for await (const chunk of process.stdin) input += chunk;

const results = [];
for (const { metadataUrl, appId, activity, authorization } of JSON.parse(input)) {
  ChannelValidation.OpenIdMetadataEndpoint = metadataUrl;
  try {
    await JwtTokenValidation.authenticateRequest(activity, authorization, new SimpleCredentialProvider(appId, ''), '');
    results.push({ valid: true, error: null });
  } catch (e) {
    results.push({ valid: false, error: String(e?.message ?? e) });
  }
}
console.log(JSON.stringify(results));
