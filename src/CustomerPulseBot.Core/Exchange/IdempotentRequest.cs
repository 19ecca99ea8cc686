namespace CustomerPulseBot.Core.Exchange;

/// <summary>
/// An API write sent with an <c>Idempotency-Key</c>: the key, a hash of the request (the same key with another body is
/// refused), and the answer to give again for as long as the key is kept.
/// </summary>
public sealed record IdempotentRequest(string Key, string RequestHash, int Status, string Body);
