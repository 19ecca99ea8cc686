// Asks @slack/bolt's own verifier about each signed request on stdin:
// [{ secret, timestamp, signature, body, nowSeconds }] -> [{ valid }]
import { isValidSlackRequest } from '@slack/bolt';

let input = '';
for await (const chunk of process.stdin) input += chunk;

const results = JSON.parse(input).map((c) => ({
  valid: isValidSlackRequest({
    signingSecret: c.secret,
    body: c.body,
    // Bolt's HTTP receiver hands the timestamp over as a number.
    headers: { 'x-slack-request-timestamp': Number(c.timestamp), 'x-slack-signature': c.signature },
    nowMilliseconds: c.nowSeconds * 1000,
  }),
}));
process.stdout.write(JSON.stringify(results));
